package org.modellens.stats;

/**
 * A monotone map from a classifier's score to the probability of the positive class, learnt from
 * labelled rows by isotonic regression, as {@code sklearn.isotonic.IsotonicRegression(out_of_bounds="clip")}:
 * equal scores are merged first (mean outcome, weight = their count), the pool-adjacent-violators
 * algorithm fits a non-decreasing step function, and a new score is mapped by linear interpolation
 * between the fitted points, clipped to the first and last point outside the training range.
 * Immutable and thread-safe once built.
 */
public final class IsotonicCalibration {

    private final double[] x;
    private final double[] y;

    private IsotonicCalibration(double[] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /**
     * @param score    the model's scores on labelled rows (finite)
     * @param positive whether each row is of the positive class
     * @throws IllegalArgumentException when there is no row
     */
    public static IsotonicCalibration fit(double[] score, boolean[] positive) {
        double[] outcome = new double[positive.length];
        for (int i = 0; i < outcome.length; i++) {
            outcome[i] = positive[i] ? 1 : 0;
        }
        return fit(score, outcome);
    }

    /**
     * The non-decreasing map from {@code score} to the mean of a numeric {@code outcome} (a regression's
     * prediction to the true value), fitted the same way.
     *
     * @throws IllegalArgumentException when there is no row
     */
    public static IsotonicCalibration fit(double[] score, double[] outcome) {
        if (score.length == 0) {
            throw new IllegalArgumentException("isotonic calibration needs at least one labelled row");
        }
        int[] order = IndexOrder.ascending(score);
        double[] ux = new double[score.length];
        double[] uy = new double[score.length];
        double[] uw = new double[score.length];
        int unique = 0;
        for (int k = 0; k < order.length; k++) {
            double s = score[order[k]];
            double value = outcome[order[k]];
            if (unique > 0 && ux[unique - 1] == s) {
                uy[unique - 1] += value;
                uw[unique - 1]++;
            } else {
                ux[unique] = s;
                uy[unique] = value;
                uw[unique] = 1;
                unique++;
            }
        }
        for (int k = 0; k < unique; k++) {
            uy[k] /= uw[k];
        }
        double[] fitted = poolAdjacentViolators(uy, uw, unique);
        return new IsotonicCalibration(java.util.Arrays.copyOf(ux, unique), fitted);
    }

    /** Weighted least-squares non-decreasing fit of {@code values[0..n)}. */
    private static double[] poolAdjacentViolators(double[] values, double[] weights, int n) {
        double[] blockValue = new double[n];
        double[] blockWeight = new double[n];
        int[] blockEnd = new int[n];
        int blocks = 0;
        for (int k = 0; k < n; k++) {
            blockValue[blocks] = values[k];
            blockWeight[blocks] = weights[k];
            blockEnd[blocks] = k;
            blocks++;
            while (blocks > 1 && blockValue[blocks - 2] > blockValue[blocks - 1]) {
                double w = blockWeight[blocks - 2] + blockWeight[blocks - 1];
                blockValue[blocks - 2] = (blockValue[blocks - 2] * blockWeight[blocks - 2]
                        + blockValue[blocks - 1] * blockWeight[blocks - 1]) / w;
                blockWeight[blocks - 2] = w;
                blockEnd[blocks - 2] = blockEnd[blocks - 1];
                blocks--;
            }
        }
        double[] fitted = new double[n];
        int start = 0;
        for (int b = 0; b < blocks; b++) {
            for (int k = start; k <= blockEnd[b]; k++) {
                fitted[k] = blockValue[b];
            }
            start = blockEnd[b] + 1;
        }
        return fitted;
    }

    /** The calibrated probability of one score; {@code NaN} for {@code NaN}. */
    public double apply(double score) {
        if (Double.isNaN(score)) {
            return Double.NaN;
        }
        if (score <= x[0]) {
            return y[0];
        }
        if (score >= x[x.length - 1]) {
            return y[y.length - 1];
        }
        int lo = 0;
        int hi = x.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= score) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t = (score - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + t * (y[hi] - y[lo]);
    }

    public double[] apply(double[] scores) {
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = apply(scores[i]);
        }
        return out;
    }
}
