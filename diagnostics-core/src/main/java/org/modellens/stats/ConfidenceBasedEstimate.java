package org.modellens.stats;

/**
 * Performance of a binary classifier on unlabelled rows, estimated from its own calibrated confidence
 * (confidence-based performance estimation, CBPE, as NannyML describes it): if row {@code i} is positive
 * with probability {@code q[i]}, the expected confusion matrix at a threshold is
 * {@code TP = sum q[i]} and {@code FP = sum (1 - q[i])} over rows decided positive, {@code FN = sum q[i]} and
 * {@code TN = sum (1 - q[i])} over the others. The expected ROC curve is built from those expected counts
 * at every distinct score, and its trapezoidal area is the estimated AUC: the AUC of the same rows with
 * each row counted once as a positive with weight {@code q[i]} and once as a negative with weight
 * {@code 1 - q[i]}.
 *
 * <p>It holds only while the calibration learnt on training still holds, i.e. when P(y | score) did not
 * change (no concept drift): it is an estimate, and reports must say so.
 */
public final class ConfidenceBasedEstimate {

    private ConfidenceBasedEstimate() {
    }

    /**
     * The expected confusion matrix.
     *
     * @param truePositives  expected positives decided positive
     * @param falsePositives expected negatives decided positive
     * @param falseNegatives expected positives decided negative
     * @param trueNegatives  expected negatives decided negative
     */
    public record ExpectedConfusion(double truePositives, double falsePositives, double falseNegatives, double trueNegatives) {

        public double rows() {
            return truePositives + falsePositives + falseNegatives + trueNegatives;
        }

        public double accuracy() {
            return (truePositives + trueNegatives) / rows();
        }

        /** 2TP / (2TP + FP + FN), 0 when the denominator is 0 (as sklearn's f1_score). */
        public double f1() {
            double denominator = 2 * truePositives + falsePositives + falseNegatives;
            return denominator == 0 ? 0.0 : 2 * truePositives / denominator;
        }
    }

    /**
     * @param score      the model's score per row (decides the class at {@code threshold})
     * @param calibrated the calibrated probability that each row is positive
     */
    public static ExpectedConfusion confusion(double[] score, double[] calibrated, double threshold) {
        double tp = 0;
        double fp = 0;
        double fn = 0;
        double tn = 0;
        for (int i = 0; i < score.length; i++) {
            double q = calibrated[i];
            if (score[i] >= threshold) {
                tp += q;
                fp += 1 - q;
            } else {
                fn += q;
                tn += 1 - q;
            }
        }
        return new ExpectedConfusion(tp, fp, fn, tn);
    }

    /**
     * The estimated AUC.
     *
     * @return {@code NaN} when the expected positives or negatives are zero
     */
    public static double auc(double[] score, double[] calibrated) {
        int[] order = IndexOrder.ascending(score);
        double positives = 0;
        double negatives = 0;
        for (double q : calibrated) {
            positives += q;
            negatives += 1 - q;
        }
        if (!(positives > 0) || !(negatives > 0)) {
            return Double.NaN;
        }
        // From the highest score down: add each group of equal scores, accumulate trapezoids.
        double area = 0;
        double tp = 0;
        double fp = 0;
        int k = order.length - 1;
        while (k >= 0) {
            double v = score[order[k]];
            double groupTp = 0;
            double groupFp = 0;
            // Double.compare groups NaN with NaN too: with == alone a NaN score never moved k (an endless loop).
            while (k >= 0 && (score[order[k]] == v || Double.compare(score[order[k]], v) == 0)) {
                groupTp += calibrated[order[k]];
                groupFp += 1 - calibrated[order[k]];
                k--;
            }
            area += groupFp * (tp + groupTp / 2);
            tp += groupTp;
            fp += groupFp;
        }
        return area / (positives * negatives);
    }
}
