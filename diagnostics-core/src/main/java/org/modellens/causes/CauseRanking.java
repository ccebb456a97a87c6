package org.modellens.causes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.modellens.checks.Finding;
import org.modellens.checks.SchemaMismatchCheck;

/**
 * Orders causes by what each costs the model (DESIGN.md section 5, "Order"), the costliest first.
 *
 * <p>The cost is the best measure a cause has, in this order of precedence: it leaves production
 * unscorable (a model input absent: no output at all, the gravest cost); the performance that comes
 * back when it is repaired or reweighted away; the share of decisions it flips; its part of the change
 * of the mean model output (absolute); the importance of its model inputs times the production rows
 * it touches. A cause measured by a more direct measure comes before one measured by a weaker one;
 * within one measure the larger cost comes first, then the graver severity, then more rows. Causes
 * with no measure (no model, or columns the model does not read) follow by severity, then rows.
 *
 * <p>Finally a cause on columns the model does not use is moved below every model-input cause of
 * equal or higher severity: it cannot cost this model anything, however loud its findings are.
 */
public final class CauseRanking {

    private CauseRanking() {
    }

    /**
     * @param causes   the causes, in any order
     * @param findings the report's findings the causes point into
     * @param hasModel whether a model was given
     * @return the same causes ordered and numbered from 1
     */
    public static List<Cause> rank(List<Cause> causes, List<Finding> findings, boolean hasModel) {
        List<Cause> ordered = new ArrayList<>(causes);
        ordered.sort(Comparator.comparingInt((Cause c) -> tier(c, findings))
                .thenComparing(Comparator.comparingDouble((Cause c) -> cost(c, findings)).reversed())
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

    /** The measure a cause is ranked by: 0 the most direct (no output at all) to 5 none. */
    static int tier(Cause cause, List<Finding> findings) {
        CauseImpact impact = cause.impact();
        if (breaksScoring(cause, findings)) {
            return 0;
        }
        if (impact.performance() != null && Double.isFinite(impact.performance().recovered())) {
            return 1;
        }
        if (Double.isFinite(impact.decisionsChanged())) {
            return 2;
        }
        if (Double.isFinite(impact.predictionShift())) {
            return 3;
        }
        if (Double.isFinite(importance(impact))) {
            return 4;
        }
        return 5;
    }

    /** The cost within the cause's tier; larger is costlier. */
    static double cost(Cause cause, List<Finding> findings) {
        CauseImpact impact = cause.impact();
        return switch (tier(cause, findings)) {
            case 0 -> Double.isFinite(importance(impact)) ? importance(impact) : 0;
            case 1 -> impact.performance().recovered();
            case 2 -> impact.decisionsChanged();
            case 3 -> Math.abs(impact.predictionShift());
            case 4 -> importance(impact) * impact.rows();
            default -> 0;
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
    static boolean onUnusedColumns(Cause cause) {
        return !cause.modelInput() && !cause.features().isEmpty() && !CauseRules.DATASET_KINDS.contains(cause.kind());
    }

    /**
     * Moves each cause on unused columns just below the last model-input cause of equal or higher
     * severity. Working from the end keeps the causes already placed in their order.
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
                if (other.modelInput() && other.severity().atLeast(cause.severity())) {
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
