package org.modellens.causes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a cause costs the model. Numbers that do not apply are {@code NaN} (written as JSON
 * {@code null}); parts that do not apply are {@code null}.
 *
 * @param rows             production rows touched
 * @param rowShare         share of production rows touched
 * @param importance       mean |contribution| of its model inputs per side, or {@code null} without a model
 * @param predictionShift  its part of the change of the mean model output, in margin space; NaN without a model
 * @param decisionsChanged share of production rows whose decision at the threshold it flips; NaN where it does not apply
 * @param performance      the performance it costs, or {@code null} where it cannot be measured
 */
public record CauseImpact(long rows, double rowShare, Importance importance, double predictionShift,
                          double decisionsChanged, PerformanceImpact performance) {

    /** An impact known only by the rows touched. */
    public static CauseImpact ofRows(long rows, double rowShare) {
        return new CauseImpact(rows, rowShare, null, Double.NaN, Double.NaN, null);
    }

    /**
     * Mean |contribution| of the cause's model inputs.
     *
     * @param train on the training snapshot
     * @param prod  on the production snapshot
     */
    public record Importance(double train, double prod) {
    }

    /**
     * The performance a cause costs.
     *
     * @param metric     the headline metric (auc, logLoss, rmse, ...)
     * @param recovered  how much of the metric comes back when the cause is repaired or reweighted away,
     *                   in the metric's own direction (positive = better)
     * @param shareOfDrop recovered divided by the drop from the baseline
     * @param method     repair, reweight, shapley or estimate
     * @param byMetric   recovered per metric (auc, logLoss, brier, accuracy, expectedCost, ...), positive = better
     */
    public record PerformanceImpact(String metric, double recovered, double shareOfDrop, String method,
                                    Map<String, Double> byMetric) {

        public PerformanceImpact {
            byMetric = Collections.unmodifiableMap(new LinkedHashMap<>(byMetric));
        }
    }
}
