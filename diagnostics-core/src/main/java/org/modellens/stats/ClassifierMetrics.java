package org.modellens.stats;

/**
 * Quality metrics of a classifier's probabilities against the true classes, each equal to its
 * scikit-learn counterpart (1.2.1, the Debian version the oracle fixture was made with).
 *
 * <p>Binary methods take {@code score[i]}, the probability (or any score, for the AUC) of the positive
 * class, and {@code positive[i]}, whether row {@code i} is of the positive class. A row is decided
 * positive when its score is at or above the threshold, as {@code y_pred = score >= threshold}.
 * Empty input yields {@code NaN}. The arrays are not modified; the methods are thread-safe.
 */
public final class ClassifierMetrics {

    /** The clipping of {@code sklearn.metrics.log_loss(eps="auto")} for float64 probabilities: machine epsilon. */
    public static final double LOG_LOSS_EPS = Math.ulp(1.0);

    private ClassifierMetrics() {
    }

    /**
     * Area under the ROC curve as {@code sklearn.metrics.roc_auc_score}: the Mann-Whitney statistic with
     * tied scores counted one half (midranks), which is the trapezoidal area under the ROC curve.
     *
     * @return {@code NaN} when either class is absent (sklearn raises an error there)
     */
    public static double auc(double[] score, boolean[] positive) {
        ScoresByClass split = ScoresByClass.of(score, positive);
        if (split.positives().length == 0 || split.negatives().length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double placement : split.positivePlacements()) {
            sum += placement;
        }
        return sum / split.positives().length;
    }

    /** Share of rows decided correctly at {@code threshold}, as {@code accuracy_score(y, score >= threshold)}. */
    public static double accuracy(double[] score, boolean[] positive, double threshold) {
        if (score.length == 0) {
            return Double.NaN;
        }
        long correct = 0;
        for (int i = 0; i < score.length; i++) {
            if ((score[i] >= threshold) == positive[i]) {
                correct++;
            }
        }
        return (double) correct / score.length;
    }

    /**
     * F1 of the positive class at {@code threshold}, as {@code f1_score(y, score >= threshold)}: 2TP / (2TP + FP + FN),
     * 0 when there is neither a predicted nor an actual positive (sklearn's zero_division default).
     */
    public static double f1(double[] score, boolean[] positive, double threshold) {
        if (score.length == 0) {
            return Double.NaN;
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < score.length; i++) {
            boolean decided = score[i] >= threshold;
            if (decided && positive[i]) {
                tp++;
            } else if (decided) {
                fp++;
            } else if (positive[i]) {
                fn++;
            }
        }
        long denominator = 2 * tp + fp + fn;
        return denominator == 0 ? 0.0 : 2.0 * tp / denominator;
    }

    /**
     * Mean negative log-likelihood, as {@code log_loss(y, p)}: p clipped to {@code [eps, 1 - eps]}, then the pair
     * {@code (1 - p, p)} renormalised, as sklearn does.
     */
    public static double logLoss(double[] probability, boolean[] positive) {
        if (probability.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < probability.length; i++) {
            double p = clip(probability[i]);
            double q = 1 - p;
            double total = q + p;
            sum += -Math.log((positive[i] ? p : q) / total);
        }
        return sum / probability.length;
    }

    /** Mean squared difference between probability and outcome, as {@code brier_score_loss(y, p)}. */
    public static double brier(double[] probability, boolean[] positive) {
        if (probability.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < probability.length; i++) {
            double d = probability[i] - (positive[i] ? 1 : 0);
            sum += d * d;
        }
        return sum / probability.length;
    }

    /**
     * Share of rows whose most probable class is the true class, as {@code accuracy_score(y, argmax(p))};
     * the first class wins a tie, as numpy's argmax.
     *
     * @param probabilities per row, one probability per class
     * @param actual        per row, the index of the true class
     */
    public static double multiclassAccuracy(double[][] probabilities, int[] actual) {
        if (actual.length == 0) {
            return Double.NaN;
        }
        long correct = 0;
        for (int i = 0; i < actual.length; i++) {
            if (argmax(probabilities[i]) == actual[i]) {
                correct++;
            }
        }
        return (double) correct / actual.length;
    }

    /** Multiclass {@code log_loss(y, p)}: each probability clipped to {@code [eps, 1 - eps]}, rows renormalised. */
    public static double multiclassLogLoss(double[][] probabilities, int[] actual) {
        if (actual.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double total = 0;
            for (double p : probabilities[i]) {
                total += clip(p);
            }
            sum += -Math.log(clip(probabilities[i][actual[i]]) / total);
        }
        return sum / actual.length;
    }

    /** Index of the largest value, the first on ties. */
    public static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    }
}
