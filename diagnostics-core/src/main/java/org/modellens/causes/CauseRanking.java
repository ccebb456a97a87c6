package org.modellens.causes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.modellens.checks.Finding;
import org.modellens.checks.SchemaMismatchCheck;

/**
 * Orders causes by what each costs the model (DESIGN.md section 5, "Order"), the costliest first.
 *
 * <p>The cost is the first of these measures that the cause has and that is material: it leaves
 * production unscorable (a model input absent: no output at all, the gravest cost); the performance that
 * comes back when it is repaired or reweighted away, where on any metric the report measures (AUC, log-loss,
 * Brier, accuracy, expected cost, ...) its part exceeds that metric's own sampling noise in production
 * ({@link PerformanceSection#noise()}: a smaller part cannot be told from chance, and ranking by chance is a
 * wrong order); the share of decisions it flips, where it flips any;
 * its part of the change of the mean model output (absolute); the importance of its model inputs times
 * the production rows it touches. A cause measured by a more direct measure comes before one measured
 * by a weaker one; within one measure the larger cost comes first, then the graver severity, then more
 * rows. Causes with no material measure (no model, or columns the model does not read) follow by
 * severity, then rows.
 *
 * <p>Within the performance measure the cost is the largest part over the metrics, each as a multiple of its
 * metric's noise: a pure number comparable across metrics, and across tasks, which no one metric's part is
 * (AUC cannot see a label shift at all: it does not depend on the class mix, while log-loss, Brier, accuracy
 * and the expected cost of decisions pay for it). Not the expected cost alone: with the default costs (1 and 1)
 * it is the error rate, not money, and it is blind to a loss of calibration that flips no decision at the
 * threshold. Without per-metric noise (a section made without it) the headline part alone decides, as before.
 *
 * <p>Finally a cause on columns the model does not use is moved below every cause of equal or higher
 * severity that acts on the model (a model input, or a concept or label shift, a performance drop):
 * it cannot cost this model anything, however loud its findings are.
 */
public final class CauseRanking {

    /** The measures, most direct first; a cause is ranked by the first it has that is material. */
    enum Measure { NO_OUTPUT, PERFORMANCE, DECISIONS, PREDICTION_SHIFT, IMPORTANCE_ROWS, NONE }

    private CauseRanking() {
    }

    /** As {@link #rank(List, List, boolean, PerformanceSection)} with no performance section. */
    public static List<Cause> rank(List<Cause> causes, List<Finding> findings, boolean hasModel) {
        return rank(causes, findings, hasModel, null);
    }

    /**
     * @param causes      the causes, in any order
     * @param findings    the report's findings the causes point into
     * @param hasModel    whether a model was given
     * @param performance production's performance, whose interval is the noise level of the parts; may be null
     * @return the same causes ordered and numbered from 1
     */
    public static List<Cause> rank(List<Cause> causes, List<Finding> findings, boolean hasModel, PerformanceSection performance) {
        List<Cause> ordered = new ArrayList<>(causes);
        ordered.sort(Comparator.comparing((Cause c) -> measure(c, findings, performance))
                .thenComparing(Comparator.comparingDouble((Cause c) -> cost(c, findings, performance)).reversed())
                .thenComparing(Comparator.comparing(Cause::severity).reversed())
                .thenComparing(Comparator.comparingLong((Cause c) -> c.impact().rows()).reversed())
                .thenComparingInt(c -> c.findings().isEmpty() ? Integer.MAX_VALUE : c.findings().get(0)));
        if (hasModel) {
            demoteUnusedColumns(ordered);
        }
        List<Cause> ranked = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ranked.add(ordered.get(i).withRank(i + 1));
        }
        return ranked;
    }

    /** Half the width of production's performance interval; 0 where there is none. */
    static double noise(PerformanceSection performance) {
        if (performance == null) {
            return 0;
        }
        double width = performance.prod().upper() - performance.prod().lower();
        return Double.isFinite(width) && width > 0 ? width / 2 : 0;
    }

    /**
     * Whether the headline part is more than the headline's noise (the half-width of production's interval): what a
     * line that shows the headline part may state without "within sampling error". Ranking looks at every metric.
     */
    public static boolean material(CauseImpact.PerformanceImpact performance, PerformanceSection section) {
        return performance != null && Double.isFinite(performance.recovered()) && performance.recovered() > noise(section);
    }

    /**
     * The cost of a performance part: its largest part over the metrics as a multiple of that metric's noise,
     * where one exceeds its noise; without per-metric noise the headline part where it exceeds the headline's
     * noise. NaN when no part is material.
     */
    public static double performanceCost(CauseImpact.PerformanceImpact part, PerformanceSection section) {
        if (part == null) {
            return Double.NaN;
        }
        if (section == null || section.noise().isEmpty()) {
            return material(part, section) ? part.recovered() : Double.NaN;
        }
        String metric = costliestMetric(part, section);
        return metric == null ? Double.NaN : part.byMetric().get(metric) / section.noise().get(metric);
    }

    /**
     * The metric whose part, as a multiple of its noise, is the largest and beyond the noise: what the cause is ranked
     * by; {@code null} when no part is material or the section carries no per-metric noise.
     */
    public static String costliestMetric(CauseImpact.PerformanceImpact part, PerformanceSection section) {
        if (part == null || section == null) {
            return null;
        }
        String costliest = null;
        double largest = 1;
        for (Map.Entry<String, Double> entry : part.byMetric().entrySet()) {
            Double noise = section.noise().get(entry.getKey());
            double value = entry.getValue() == null ? Double.NaN : entry.getValue();
            if (noise != null && noise > 0 && Double.isFinite(value) && value / noise > largest) {
                largest = value / noise;
                costliest = entry.getKey();
            }
        }
        return costliest;
    }

    /** The measure a cause is ranked by. */
    static Measure measure(Cause cause, List<Finding> findings, PerformanceSection performance) {
        CauseImpact impact = cause.impact();
        if (breaksScoring(cause, findings)) {
            return Measure.NO_OUTPUT;
        }
        if (Double.isFinite(performanceCost(impact.performance(), performance))) {
            return Measure.PERFORMANCE;
        }
        if (impact.decisionsChanged() > 0) {
            return Measure.DECISIONS;
        }
        if (Double.isFinite(impact.predictionShift()) && impact.predictionShift() != 0) {
            return Measure.PREDICTION_SHIFT;
        }
        if (importance(impact) * impact.rows() > 0) {
            return Measure.IMPORTANCE_ROWS;
        }
        return Measure.NONE;
    }

    /** The cost within the cause's measure; larger is costlier. */
    static double cost(Cause cause, List<Finding> findings, PerformanceSection performance) {
        CauseImpact impact = cause.impact();
        return switch (measure(cause, findings, performance)) {
            case NO_OUTPUT -> Double.isFinite(importance(impact)) ? importance(impact) : 0;
            case PERFORMANCE -> performanceCost(impact.performance(), performance);
            case DECISIONS -> impact.decisionsChanged();
            case PREDICTION_SHIFT -> Math.abs(impact.predictionShift());
            case IMPORTANCE_ROWS -> importance(impact) * impact.rows();
            case NONE -> 0;
        };
    }

    /** Whether the cause holds the finding that production cannot be scored at all for want of model inputs. */
    private static boolean breaksScoring(Cause cause, List<Finding> findings) {
        return cause.findings().stream().map(findings::get).anyMatch(f -> f.check().equals(SchemaMismatchCheck.ID)
                && f.feature() == null && "production".equals(f.evidence().get("side")));
    }

    /** Production importance where production was explained, else training's. */
    private static double importance(CauseImpact impact) {
        if (impact.importance() == null) {
            return Double.NaN;
        }
        return Double.isFinite(impact.importance().prod()) ? impact.importance().prod() : impact.importance().train();
    }

    /** A cause on input columns, none of which the model reads (dataset-level and outcome causes are not). */
    public static boolean onUnusedColumns(Cause cause) {
        return !cause.modelInput() && !cause.features().isEmpty() && !CauseRules.DATASET_KINDS.contains(cause.kind());
    }

    /**
     * Whether a cause acts on this model: through its inputs, or through the outcome and the model's
     * output as a whole (a concept or label shift, a performance drop, a drift of the whole dataset).
     */
    public static boolean touchesModel(Cause cause) {
        return cause.modelInput() || CauseRules.MODEL_KINDS.contains(cause.kind())
                || cause.kind().equals(CauseRules.COVARIATE_SHIFT) && cause.features().isEmpty();
    }

    /**
     * Moves each cause on unused columns just below the last cause of equal or higher severity that
     * acts on the model. Working from the end keeps the causes already placed in their order.
     */
    private static void demoteUnusedColumns(List<Cause> ordered) {
        for (int i = ordered.size() - 1; i >= 0; i--) {
            Cause cause = ordered.get(i);
            if (!onUnusedColumns(cause)) {
                continue;
            }
            int last = -1;
            for (int j = i + 1; j < ordered.size(); j++) {
                Cause other = ordered.get(j);
                if (touchesModel(other) && other.severity().atLeast(cause.severity())) {
                    last = j;
                }
            }
            if (last > i) {
                ordered.remove(i);
                ordered.add(last, cause);
            }
        }
    }
}
