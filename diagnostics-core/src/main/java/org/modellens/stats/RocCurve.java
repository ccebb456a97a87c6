package org.modellens.stats;

import java.util.Arrays;

/**
 * The ROC curve of a binary classifier, as {@code sklearn.metrics.roc_curve(y, score)} (1.2.1, with its
 * default {@code drop_intermediate=True}): one point per distinct score from the highest down, points
 * collinear with both neighbours dropped, and a first point (0, 0) at threshold {@code max score + 1}.
 *
 * @param falsePositiveRate x, ascending
 * @param truePositiveRate  y, ascending
 * @param thresholds        the score at or above which a row is decided positive, descending
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds) {

    /**
     * @throws IllegalArgumentException when either class is absent (the rates are undefined)
     */
    public static RocCurve of(double[] score, boolean[] positive) {
        ScoresByClass split = ScoresByClass.of(score, positive);
        double[] pos = split.positives();
        double[] neg = split.negatives();
        if (pos.length == 0 || neg.length == 0) {
            throw new IllegalArgumentException("a ROC curve needs both classes");
        }
        // Walk both sorted sides from the top: one point per distinct score, cumulative counts.
        int capacity = pos.length + neg.length;
        double[] fps = new double[capacity];
        double[] tps = new double[capacity];
        double[] thr = new double[capacity];
        int i = pos.length - 1;
        int j = neg.length - 1;
        long tp = 0;
        long fp = 0;
        int points = 0;
        while (i >= 0 || j >= 0) {
            double v = Math.max(i >= 0 ? pos[i] : Double.NEGATIVE_INFINITY, j >= 0 ? neg[j] : Double.NEGATIVE_INFINITY);
            while (i >= 0 && pos[i] == v) {
                tp++;
                i--;
            }
            while (j >= 0 && neg[j] == v) {
                fp++;
                j--;
            }
            fps[points] = fp;
            tps[points] = tp;
            thr[points] = v;
            points++;
        }
        int kept = points;
        if (points > 2) {
            // drop_intermediate: keep the ends and every point where either second difference is non-zero.
            kept = 0;
            for (int k = 0; k < points; k++) {
                boolean keep = k == 0 || k == points - 1
                        || fps[k + 1] - 2 * fps[k] + fps[k - 1] != 0 || tps[k + 1] - 2 * tps[k] + tps[k - 1] != 0;
                if (keep) {
                    fps[kept] = fps[k];
                    tps[kept] = tps[k];
                    thr[kept] = thr[k];
                    kept++;
                }
            }
        }
        double[] fpr = new double[kept + 1];
        double[] tpr = new double[kept + 1];
        double[] thresholds = new double[kept + 1];
        thresholds[0] = thr[0] + 1;
        for (int k = 0; k < kept; k++) {
            fpr[k + 1] = fps[k] / fp;
            tpr[k + 1] = tps[k] / tp;
            thresholds[k + 1] = thr[k];
        }
        return new RocCurve(fpr, tpr, thresholds);
    }

    public int size() {
        return thresholds.length;
    }

    /**
     * At most {@code maxPoints} points of this curve for drawing, always keeping the first and the last:
     * evenly spaced along the curve's index (a ROC of 100,000 distinct scores is drawn the same with 200).
     */
    public RocCurve thinned(int maxPoints) {
        if (size() <= maxPoints || maxPoints < 2) {
            return this;
        }
        double[] x = new double[maxPoints];
        double[] y = new double[maxPoints];
        double[] t = new double[maxPoints];
        for (int k = 0; k < maxPoints; k++) {
            int index = (int) Math.round((double) k * (size() - 1) / (maxPoints - 1));
            x[k] = falsePositiveRate[index];
            y[k] = truePositiveRate[index];
            t[k] = thresholds[index];
        }
        return new RocCurve(x, y, t);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RocCurve r && Arrays.equals(falsePositiveRate, r.falsePositiveRate)
                && Arrays.equals(truePositiveRate, r.truePositiveRate) && Arrays.equals(thresholds, r.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(falsePositiveRate) + Arrays.hashCode(truePositiveRate)) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "RocCurve[" + size() + " points]";
    }
}
