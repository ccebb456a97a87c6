package org.modellens.explain;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Which other feature best explains the vertical spread of one feature's contributions: the feature
 * a dependence plot colours by, chosen as SHAP's dependence plot chooses it
 * ({@code shap.utils.approximate_interactions}).
 *
 * <p>The rows are sorted by the plotted feature's value and cut into consecutive bins of
 * {@code max(1, min(floor(n / 10), 50))} rows. Within a bin the plotted feature's value hardly moves,
 * so what is left of the spread of its contributions comes from other features: for each other
 * feature the absolute Pearson correlation between the contributions and that feature's values is
 * summed over the bins where both vary, and likewise with the feature's missingness (0/1) instead of
 * its values; the feature's score is the larger sum. A bin with a missing value of the other feature
 * adds nothing to the value sum (NumPy's standard deviation of it is NaN). Higher scores, stronger
 * interaction; the plotted feature itself scores 0.
 *
 * <p>Unlike SHAP this does not subsample above 10,000 rows: the rows given are already the report's
 * bounded seeded sample. Ties keep the features' order.
 */
public final class Interactions {

    private Interactions() {
    }

    /**
     * @param values        the plotted feature's value per row ({@code NaN} when missing; missing sort last)
     * @param contributions the plotted feature's contribution per row
     * @param others        per candidate feature, its value per row ({@code NaN} when missing); category
     *                      labels coded as numbers
     * @param self          the index in {@code others} of the plotted feature itself, or -1
     * @return one score per candidate, in the order of {@code others}
     */
    public static double[] scores(double[] values, double[] contributions, double[][] others, int self) {
        int n = values.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        // NaN last, as numpy.argsort; ties in row order (a stable sort, numpy's default is not: ties are rare).
        Arrays.sort(boxed, Comparator.comparingDouble((Integer i) -> values[i]));
        double[] shap = new double[n];
        for (int i = 0; i < n; i++) {
            shap[i] = contributions[boxed[i]];
        }
        int step = Math.max(Math.min(n / 10, 50), 1);
        double[] scores = new double[others.length];
        for (int k = 0; k < others.length; k++) {
            if (k == self) {
                continue;
            }
            double[] other = new double[n];
            double[] missing = new double[n];
            for (int i = 0; i < n; i++) {
                other[i] = others[k][boxed[i]];
                missing[i] = Double.isNaN(other[i]) ? 1 : 0;
            }
            scores[k] = Math.max(binnedCorrelation(shap, other, step), binnedCorrelation(shap, missing, step));
        }
        return scores;
    }

    /**
     * The candidates ordered strongest first (the plotted feature and ties last in their order).
     *
     * @see #scores(double[], double[], double[][], int)
     */
    public static int[] ranking(double[] values, double[] contributions, double[][] others, int self) {
        double[] scores = scores(values, contributions, others, self);
        return java.util.stream.IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> k == self ? Double.POSITIVE_INFINITY : -scores[k]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Sum over bins of |corr(shap, other)| where both vary within the bin; 0 when {@code other} is all zero. */
    private static double binnedCorrelation(double[] shap, double[] other, int step) {
        double absSum = 0;
        boolean hasNaN = false;
        for (double v : other) {
            if (Double.isNaN(v)) {
                hasNaN = true;
            } else {
                absSum += Math.abs(v);
            }
        }
        // SHAP skips a feature whose absolute values sum below 1e-8 (a NaN sum does not skip).
        if (!hasNaN && absSum < 1e-8) {
            return 0;
        }
        double sum = 0;
        for (int from = 0; from < shap.length; from += step) {
            int to = Math.min(shap.length, from + step);
            double r = correlation(shap, other, from, to);
            if (!Double.isNaN(r)) {
                sum += Math.abs(r);
            }
        }
        return sum;
    }

    /** Pearson correlation over {@code [from, to)}; NaN when either side is constant or has a missing value. */
    private static double correlation(double[] x, double[] y, int from, int to) {
        int n = to - from;
        double mx = 0;
        double my = 0;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(y[i]) || Double.isNaN(x[i])) {
                return Double.NaN;
            }
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = from; i < to; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (!(sxx > 0) || !(syy > 0)) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }
}
