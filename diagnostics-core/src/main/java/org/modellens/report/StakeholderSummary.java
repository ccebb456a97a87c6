package org.modellens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modellens.causes.Cause;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;

/**
 * The executive summary both stakeholder reports open with: the verdict in a sentence, what the
 * damage costs, the model's quality against its baseline, and the top causes with their measured
 * impact and one action each, in plain words. It selects and words the report's figures; it
 * computes none.
 *
 * <p>With causes (a diagnosis groups its findings into them, DESIGN.md section 5), the top three
 * causes are told in their rank, which orders by what each costs the model. A report without causes
 * (one made by hand) is told by its findings instead: grouped by what they are about, each group by
 * its gravest, then most specific finding, the model's measured quality drop first among equals.
 *
 * @param verdict      pass, warn or fail
 * @param verdictText  the verdict as a sentence, worded to what was assessed
 * @param countsText   how many failures, warnings and notes
 * @param whatChanged  up to {@link #TOP} sentences, gravest first
 * @param whatToDo     one action per sentence of {@code whatChanged}, duplicates dropped
 * @param alsoAffected the other subjects (columns, or dataset-level causes) with warn or fail findings
 * @param material     every warn or fail finding, gravest first (the report's order)
 * @param topCauses    the causes behind {@code whatChanged}, with their impact in words; empty without causes
 * @param quality      the model's quality against its baseline in words, or {@code null} without a model
 * @param costs        what the damage costs: expected cost, missed cases, periods; empty where unknown
 * @param notAssessed  what could not be judged and why
 */
public record StakeholderSummary(String verdict, String verdictText, String countsText, List<String> whatChanged,
                                 List<String> whatToDo, List<String> alsoAffected, List<Finding> material,
                                 List<TopCause> topCauses, String quality, List<String> costs, List<String> notAssessed) {

    /** How many things to act on the summary names first. */
    public static final int TOP = 3;

    private static final String PERFORMANCE_DROP = "performance-drop";

    /** Checks from the most specific cause to the most general symptom. */
    private static final List<String> SPECIFICITY = List.of("schema-mismatch", "type-mismatch", "unit-mismatch", "leakage",
            "pii", "constant-feature", "missing-values", "unseen-category", "out-of-range", "outliers", "duplicate-rows",
            "performance-drop", "concept-drift", "label-drift", "prediction-drift", "dataset-drift", "feature-drift");

    /**
     * One of the top causes as page 1 tells it.
     *
     * @param rank     its rank among all causes
     * @param severity the gravest of its findings
     * @param title    what went wrong
     * @param impact   what it costs the model, in words
     * @param action   the one thing to do
     */
    public record TopCause(int rank, Severity severity, String title, String impact, String action) {
    }

    public static StakeholderSummary of(DiagnosticReport report) {
        List<Finding> material = report.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
        List<String> changed = new ArrayList<>();
        Set<String> todo = new LinkedHashSet<>();
        List<String> also = new ArrayList<>();
        List<TopCause> top = new ArrayList<>();
        List<Cause> causes = report.causes().stream().filter(c -> c.severity() != Severity.INFO).toList();
        if (!causes.isEmpty()) {
            for (Cause cause : causes) {
                if (top.size() < TOP) {
                    top.add(new TopCause(cause.rank(), cause.severity(), cause.title(), CauseWords.impact(cause, report),
                            cause.whatToDo()));
                    changed.add(cause.title());
                    todo.add(cause.whatToDo());
                } else {
                    also.add(cause.features().isEmpty() ? subjectWords(cause.kind()) : String.join(", ", cause.features()));
                }
            }
        } else {
            tellByFindings(report, material, changed, todo, also);
        }
        if (changed.isEmpty()) {
            changed.add(StakeholderText.get("section.nothingChanged"));
            todo.add(StakeholderText.get("section.nothingToDo"));
        }
        Map<Severity, Long> counts = report.counts();
        String countsText = StakeholderText.get("verdict.counts", counts.get(Severity.FAIL), counts.get(Severity.WARN),
                counts.get(Severity.INFO));
        String verdictKey = "verdict." + report.verdict() + (report.model() == null && "fail".equals(report.verdict()) ? ".noModel" : "");
        return new StakeholderSummary(report.verdict(), StakeholderText.get(verdictKey), countsText,
                List.copyOf(changed), List.copyOf(todo), List.copyOf(also), material, List.copyOf(top),
                CauseWords.quality(report), CauseWords.costs(report), CauseWords.notAssessed(report));
    }

    /** The summary of a report without causes: one sentence per subject, told by its most telling finding. */
    private static void tellByFindings(DiagnosticReport report, List<Finding> material, List<String> changed, Set<String> todo, List<String> also) {
        Map<String, Finding> bySubject = new LinkedHashMap<>();
        for (Finding finding : material) {
            bySubject.merge(subject(finding), finding, StakeholderSummary::moreTelling);
        }
        List<Finding> told = new ArrayList<>(bySubject.values());
        // Gravest first; among equally grave subjects the model's measured loss of quality leads, since
        // it is the consequence a stakeholder weighs, then the report's order (stable sort).
        told.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(f -> !PERFORMANCE_DROP.equals(f.check())));
        for (Finding finding : told) {
            if (changed.size() < TOP) {
                changed.add(finding.title());
                todo.add(StakeholderText.whatToDo(finding.check(), finding.feature(), unused(report, finding.feature())));
            } else {
                also.add(finding.feature() == null ? subjectWords(finding.check()) : finding.feature());
            }
        }
    }

    /** A dataset-level cause kind or check in words ("duplicate rows"), never its identifier. */
    static String subjectWords(String kindOrCheck) {
        try {
            return StakeholderText.get("subject." + kindOrCheck);
        } catch (java.util.MissingResourceException e) {
            return kindOrCheck.replace('-', ' ');
        }
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
