package org.modellens.causes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.modellens.checks.Finding;
import org.modellens.checks.SchemaMismatchCheck;

/**
 * Orders causes by what each costs the model (DESIGN.md section 5, "Order"), the costliest first.
 *
 * <p>The cost is the first of these measures that the cause has and that is material: it leaves
 * production unscorable (a model input absent: no output at all, the gravest cost); the headline
 * performance that comes back when it is repaired or reweighted away, where that exceeds the sampling
 * error of production's performance (the half-width of its interval: a smaller part cannot be told from
 * noise, and ranking by noise is a wrong order); the share of decisions it flips, where it flips any;
 * its part of the change of the mean model output (absolute); the importance of its model inputs times
 * the production rows it touches. A cause measured by a more direct measure comes before one measured
 * by a weaker one; within one measure the larger cost comes first, then the graver severity, then more
 * rows. Causes with no material measure (no model, or columns the model does not read) follow by
 * severity, then rows.
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
        double noise = noise(performance);
        List<Cause> ordered = new ArrayList<>(causes);
        ordered.sort(Comparator.comparing((Cause c) -> measure(c, findings, noise))
                .thenComparing(Comparator.comparingDouble((Cause c) -> cost(c, findings, noise)).reversed())
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

    /** Whether a performance part is more than the noise: what ranking and the summary may call a measured cost. */
    public static boolean material(CauseImpact.PerformanceImpact performance, PerformanceSection section) {
        return performance != null && Double.isFinite(performance.recovered()) && performance.recovered() > noise(section);
    }

    /** The measure a cause is ranked by. */
    static Measure measure(Cause cause, List<Finding> findings, double noise) {
        CauseImpact impact = cause.impact();
        if (breaksScoring(cause, findings)) {
            return Measure.NO_OUTPUT;
        }
        if (impact.performance() != null && impact.performance().recovered() > noise) {
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
    static double cost(Cause cause, List<Finding> findings, double noise) {
        CauseImpact impact = cause.impact();
        return switch (measure(cause, findings, noise)) {
            case NO_OUTPUT -> Double.isFinite(importance(impact)) ? importance(impact) : 0;
            case PERFORMANCE -> impact.performance().recovered();
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
