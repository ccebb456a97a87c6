package org.modellens.app.ui.overview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.modellens.causes.Cause;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.report.CauseWords;
import org.modellens.report.DiagnosticReport;

/**
 * One cause on the Overview, read from the report: its rank, what it is, what it costs the model in the
 * core's words, its findings, and the finding shown first when it is selected.
 *
 * @param rank       1 for the cause that costs the model most
 * @param kind       unit-change, covariate-shift, missing-values, ...
 * @param features   the columns concerned; empty for a dataset-level cause
 * @param modelInput whether any of its columns is a model input
 * @param severity   the gravest of its findings
 * @param title      what went wrong
 * @param impact     what it costs the model, in the words of the PDF's page 1; empty when unmeasured
 * @param whatToDo   one concrete action
 * @param findings   its findings, in the report's order
 * @param lead       the finding the other pages open on when the cause is selected
 */
public record CauseRow(int rank, String kind, List<String> features, boolean modelInput, Severity severity, String title,
                       String impact, String whatToDo, List<Finding> findings, Finding lead) {

    /**
     * Checks from the most specific symptom of a cause to the most general one: a unit change is told
     * by its unit mismatch rather than by the drift it also causes.
     */
    private static final List<String> SPECIFICITY = List.of("schema-mismatch", "type-mismatch", "unit-mismatch", "leakage",
            "pii", "constant-feature", "missing-values", "unseen-category", "out-of-range", "outliers", "duplicate-rows",
            "performance-drop", "concept-drift", "label-drift", "feature-drift", "prediction-drift", "dataset-drift");

    public CauseRow {
        features = List.copyOf(features);
        findings = List.copyOf(findings);
    }

    /** The report's causes in rank order; a cause naming no finding the report holds is left out. */
    public static List<CauseRow> of(DiagnosticReport report) {
        List<CauseRow> rows = new ArrayList<>();
        if (report == null) {
            return rows;
        }
        for (Cause cause : report.causes()) {
            List<Finding> findings = cause.findings().stream().filter(i -> i >= 0 && i < report.findings().size())
                    .map(report.findings()::get).toList();
            if (!findings.isEmpty()) {
                rows.add(new CauseRow(cause.rank(), cause.kind(), cause.features(), cause.modelInput(), cause.severity(),
                        cause.title(), CauseWords.impact(cause, report), cause.whatToDo(), findings,
                        lead(cause.title(), cause.features(), findings)));
            }
        }
        return rows;
    }

    /**
     * The finding that tells the cause best: the one whose title is the cause's, else one about the
     * cause's own column with affected rows to show (the Leakage and edge cases page lists them), the
     * most specific first, the gravest among equals.
     */
    static Finding lead(String title, List<String> features, List<Finding> findings) {
        Set<String> own = Set.copyOf(features);
        return findings.stream().min(Comparator.<Finding, Boolean>comparing(f -> !f.title().equals(title))
                .thenComparing(f -> f.feature() == null || !own.contains(f.feature()))
                .thenComparing(f -> f.rows() == null || f.rows().examples().isEmpty())
                .thenComparingInt(f -> specificity(f.check()))
                .thenComparing(Finding::severity, Comparator.<Severity>reverseOrder())).orElseThrow();
    }

    private static int specificity(String check) {
        int rank = SPECIFICITY.indexOf(check);
        return rank < 0 ? SPECIFICITY.size() : rank;
    }

    /** "unit-change · interest_rate", what the cause is and the columns it is about. */
    public String subject() {
        return features.isEmpty() ? kind : kind + "  \u00b7  " + String.join(", ", features);
    }
}
