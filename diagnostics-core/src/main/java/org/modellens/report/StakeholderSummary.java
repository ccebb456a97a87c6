package org.modellens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modellens.checks.Finding;
import org.modellens.checks.Severity;

/**
 * The executive summary both stakeholder reports open with: the verdict in a sentence, what changed
 * and what to do, in plain words. It selects and words the report's findings; it computes no figure.
 *
 * <p>Findings are grouped by what they are about (a column, or the dataset for one check): three
 * findings about interest_rate are one thing to act on. Each group is told by its gravest finding;
 * among equally grave ones, by the most specific check, because that names the cause ("stuck at one
 * value", "outside the training range") where feature-drift names only the symptom. A drop of the
 * model's measured quality comes first among equally grave subjects: it is the consequence.
 *
 * @param verdict      pass, warn or fail
 * @param verdictText  the verdict as a sentence
 * @param countsText   how many failures, warnings and notes
 * @param whatChanged  up to {@link #TOP} sentences, gravest first, one per column
 * @param whatToDo     one action per sentence of {@code whatChanged}, duplicates dropped
 * @param alsoAffected the other columns (or dataset checks) with warn or fail findings, gravest first
 * @param material     every warn or fail finding, gravest first (the report's order)
 */
public record StakeholderSummary(String verdict, String verdictText, String countsText, List<String> whatChanged,
                                 List<String> whatToDo, List<String> alsoAffected, List<Finding> material) {

    /** How many things to act on the summary names first. */
    public static final int TOP = 3;

    private static final String PERFORMANCE_DROP = "performance-drop";

    /** Checks from the most specific cause to the most general symptom. */
    private static final List<String> SPECIFICITY = List.of("schema-mismatch", "type-mismatch", "unit-mismatch", "leakage",
            "pii", "constant-feature", "missing-values", "unseen-category", "out-of-range", "outliers", "duplicate-rows",
            "performance-drop", "concept-drift", "label-drift", "prediction-drift", "dataset-drift", "feature-drift");

    public static StakeholderSummary of(DiagnosticReport report) {
        List<Finding> material = report.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
        Map<String, Finding> bySubject = new LinkedHashMap<>();
        for (Finding finding : material) {
            bySubject.merge(subject(finding), finding, StakeholderSummary::moreTelling);
        }
        List<Finding> told = new ArrayList<>(bySubject.values());
        // Gravest first; among equally grave subjects the model's measured loss of quality leads, since
        // it is the consequence a stakeholder weighs, then the report's order (stable sort).
        told.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(f -> !PERFORMANCE_DROP.equals(f.check())));
        List<String> changed = new ArrayList<>();
        Set<String> todo = new LinkedHashSet<>();
        List<String> also = new ArrayList<>();
        for (Finding finding : told) {
            if (changed.size() < TOP) {
                changed.add(finding.title());
                todo.add(StakeholderText.whatToDo(finding.check(), finding.feature(), unused(report, finding.feature())));
            } else {
                also.add(finding.feature() == null ? finding.check() : finding.feature());
            }
        }
        if (changed.isEmpty()) {
            changed.add(StakeholderText.get("section.nothingChanged"));
            todo.add(StakeholderText.get("section.nothingToDo"));
        }
        Map<Severity, Long> counts = report.counts();
        String countsText = StakeholderText.get("verdict.counts", counts.get(Severity.FAIL), counts.get(Severity.WARN),
                counts.get(Severity.INFO));
        return new StakeholderSummary(report.verdict(), StakeholderText.get("verdict." + report.verdict()), countsText,
                List.copyOf(changed), List.copyOf(todo), List.copyOf(also), material);
    }

    /** Whether the column is one the given model does not read: then no advice may be about the model. */
    private static boolean unused(DiagnosticReport report, String feature) {
        return feature != null && report.model() != null && !report.model().features().contains(feature)
                && !feature.equals(report.inputs().target());
    }

    private static String subject(Finding finding) {
        return finding.feature() == null ? "dataset:" + finding.check() : "column:" + finding.feature();
    }

    private static Finding moreTelling(Finding kept, Finding other) {
        int bySeverity = other.severity().compareTo(kept.severity());
        if (bySeverity != 0) {
            return bySeverity > 0 ? other : kept;
        }
        return rank(other.check()) < rank(kept.check()) ? other : kept;
    }

    /** Position of a check from the most specific cause (0) to the most general symptom. */
    static int rank(String check) {
        int rank = SPECIFICITY.indexOf(check);
        return rank < 0 ? SPECIFICITY.size() : rank;
    }
}
