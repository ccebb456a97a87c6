package org.modellens.causes;

import java.util.LinkedHashMap;
import java.util.Map;

import org.modellens.stats.ClassifierMetrics;
import org.modellens.stats.IndexOrder;

/**
 * Every metric of {@link PerformanceSection#metrics()} on rows with a weight each, and for binary
 * classifiers with a soft outcome: row {@code i} counts as a positive with weight {@code w[i] q[i]}
 * and as a negative with weight {@code w[i] (1 - q[i])}. With known labels ({@code q} 0 or 1) and unit
 * weights every figure equals its scikit-learn counterpart ({@code roc_auc_score}, {@code log_loss},
 * {@code brier_score_loss}, {@code accuracy_score}); with calibrated probabilities as {@code q} it is the
 * confidence-based estimate (CBPE, see {@link org.modellens.stats.ConfidenceBasedEstimate}); with
 * density-ratio weights it is the metric on production reweighted into the baseline's input
 * distribution. One code path for all three, so a decomposition compares like with like.
 */
final class WeightedMetrics {

    static final String AUC = "auc";
    static final String LOG_LOSS = "logLoss";
    static final String BRIER = "brier";
    static final String ACCURACY = "accuracy";
    static final String EXPECTED_COST = "expectedCost";
    static final String POSITIVE_RATE = "positiveRate";
    static final String RMSE = "rmse";
    static final String MAE = "mae";

    private WeightedMetrics() {
    }

    /** Whether a larger value of the metric is better (AUC, accuracy); the others are losses. */
    static boolean higherIsBetter(String metric) {
        return AUC.equals(metric) || ACCURACY.equals(metric);
    }

    /** How much better {@code after} is than {@code before} in the metric's own direction. */
    static double improvement(String metric, double before, double after) {
        return higherIsBetter(metric) ? after - before : before - after;
    }

    /**
     * Binary classifier: auc, logLoss, brier, accuracy (decided positive at or above {@code threshold}),
     * expectedCost per row under the cost matrix, positiveRate (the weighted share of positives).
     *
     * @param p probability of the positive class per row
     * @param q probability that the row is positive: its label (0/1), or a calibrated estimate
     * @param w weight per row, {@code null} for 1
     */
    static Map<String, Double> binary(double[] p, double[] q, double[] w, double threshold, double fpCost, double fnCost) {
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        double positives = 0;
        double logLoss = 0;
        double brier = 0;
        double correct = 0;
        double cost = 0;
        for (int i = 0; i < p.length; i++) {
            double wi = w == null ? 1 : w[i];
            double qi = q[i];
            double pi = clip(p[i]);
            total += wi;
            positives += wi * qi;
            // sklearn clips, then renormalises the pair (1 - p, p): a no-op in exact arithmetic, kept for equality.
            double sum = (1 - pi) + pi;
            logLoss += wi * (qi * -Math.log(pi / sum) + (1 - qi) * -Math.log((1 - pi) / sum));
            brier += wi * (qi * (1 - p[i]) * (1 - p[i]) + (1 - qi) * p[i] * p[i]);
            boolean decided = p[i] >= threshold;
            correct += wi * (decided ? qi : 1 - qi);
            cost += wi * (decided ? (1 - qi) * fpCost : qi * fnCost);
        }
        if (!(total > 0)) {
            return out;
        }
        put(out, AUC, auc(p, q, w));
        put(out, LOG_LOSS, logLoss / total);
        put(out, BRIER, brier / total);
        put(out, ACCURACY, correct / total);
        put(out, EXPECTED_COST, cost / total);
        put(out, POSITIVE_RATE, positives / total);
        return out;
    }

    /**
     * The standard error of each loss metric of {@link #binary}: the sample standard deviation (n - 1) of the per-row
     * loss over the square root of the rows, as {@code scipy.stats.sem}. A row with a soft outcome {@code q} counts its
     * loss as positive with probability {@code q} and as negative otherwise, so with known labels it is the plain
     * sample standard error and with calibrated estimates the outcome noise the estimate would have with labels.
     */
    static Map<String, Double> binaryStandardErrors(double[] p, double[] q, double threshold, double fpCost, double fnCost) {
        int n = p.length;
        double[][] sums = new double[4][2];
        for (int i = 0; i < n; i++) {
            double pi = clip(p[i]);
            boolean decided = p[i] >= threshold;
            // Per metric the row's loss when positive, then when negative.
            double[][] loss = {
                {-Math.log(pi / ((1 - pi) + pi)), -Math.log((1 - pi) / ((1 - pi) + pi))},
                {(1 - p[i]) * (1 - p[i]), p[i] * p[i]},
                {decided ? 1 : 0, decided ? 0 : 1},
                {decided ? 0 : fnCost, decided ? fpCost : 0}};
            for (int m = 0; m < 4; m++) {
                sums[m][0] += q[i] * loss[m][0] + (1 - q[i]) * loss[m][1];
                sums[m][1] += q[i] * loss[m][0] * loss[m][0] + (1 - q[i]) * loss[m][1] * loss[m][1];
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (n < 2) {
            return out;
        }
        String[] names = {LOG_LOSS, BRIER, ACCURACY, EXPECTED_COST};
        for (int m = 0; m < 4; m++) {
            double mean = sums[m][0] / n;
            double variance = Math.max(0, sums[m][1] / n - mean * mean) * n / (n - 1);
            put(out, names[m], Math.sqrt(variance / n));
        }
        return out;
    }

    /**
     * Multiclass with known classes: logLoss (probabilities clipped and renormalised as sklearn) and accuracy
     * (most probable class, first wins a tie).
     */
    static Map<String, Double> multiclass(double[][] probabilities, int[] actual, double[] w) {
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        double logLoss = 0;
        double correct = 0;
        for (int i = 0; i < actual.length; i++) {
            double wi = w == null ? 1 : w[i];
            total += wi;
            double sum = 0;
            for (double v : probabilities[i]) {
                sum += clip(v);
            }
            logLoss += wi * -Math.log(clip(probabilities[i][actual[i]]) / sum);
            correct += ClassifierMetrics.argmax(probabilities[i]) == actual[i] ? wi : 0;
        }
        if (!(total > 0)) {
            return out;
        }
        put(out, LOG_LOSS, logLoss / total);
        put(out, ACCURACY, correct / total);
        return out;
    }

    /** Regression with known values: rmse and mae. */
    static Map<String, Double> regression(double[] predicted, double[] actual, double[] w) {
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        double squares = 0;
        double absolute = 0;
        for (int i = 0; i < actual.length; i++) {
            double wi = w == null ? 1 : w[i];
            double d = predicted[i] - actual[i];
            total += wi;
            squares += wi * d * d;
            absolute += wi * Math.abs(d);
        }
        if (!(total > 0)) {
            return out;
        }
        put(out, RMSE, Math.sqrt(squares / total));
        put(out, MAE, absolute / total);
        return out;
    }

    /**
     * The weighted Mann-Whitney AUC with soft labels: over all (positive, negative) weight pairs, the share
     * where the positive scores higher, ties one half. {@code NaN} when either class has no weight.
     */
    static double auc(double[] score, double[] q, double[] w) {
        int[] order = IndexOrder.ascending(score);
        double area = 0;
        double negativesBelow = 0;
        double positives = 0;
        int k = 0;
        while (k < order.length) {
            double v = score[order[k]];
            double groupPositive = 0;
            double groupNegative = 0;
            // Double.compare also groups NaN with NaN: with == a NaN score never advanced k (an endless loop).
            while (k < order.length && (score[order[k]] == v || Double.compare(score[order[k]], v) == 0)) {
                int i = order[k];
                double wi = w == null ? 1 : w[i];
                groupPositive += wi * q[i];
                groupNegative += wi * (1 - q[i]);
                k++;
            }
            area += groupPositive * (negativesBelow + groupNegative / 2);
            negativesBelow += groupNegative;
            positives += groupPositive;
        }
        if (!(positives > 0) || !(negativesBelow > 0)) {
            return Double.NaN;
        }
        return area / (positives * negativesBelow);
    }

    private static double clip(double p) {
        double eps = ClassifierMetrics.LOG_LOSS_EPS;
        return Math.max(eps, Math.min(1 - eps, p));
    }

    private static void put(Map<String, Double> out, String name, double value) {
        if (Double.isFinite(value)) {
            out.put(name, value);
        }
    }
}
