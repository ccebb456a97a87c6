package org.modellens.stats;

import java.util.Arrays;

/**
 * Correlation of two paired samples, and the ranks it is built on.
 *
 * <ul>
 *   <li>{@link #ranks(double[])} equals {@code scipy.stats.rankdata(a)} (method {@code 'average'}: tied
 *       values share the mean of the ranks they span, ranks start at 1).</li>
 *   <li>{@link #pearson(double[], double[])} equals the statistic of {@code scipy.stats.pearsonr}:
 *       sum((x-mx)(y-my)) / sqrt(sum((x-mx)^2) sum((y-my)^2)), computed in two passes.</li>
 *   <li>{@link #spearman(double[], double[])} equals the statistic of {@code scipy.stats.spearmanr}:
 *       the Pearson correlation of the average ranks.</li>
 * </ul>
 * Both correlations are {@link Double#NaN} when either sample is constant or has fewer than two
 * values. Inputs must be finite and of equal length; they are not modified. Stateless, thread-safe.
 */
public final class RankCorrelation {

    private RankCorrelation() {
    }

    /** Average ranks, 1-based, as {@code scipy.stats.rankdata(values, method='average')}. */
    public static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[boxed[j + 1]] == values[boxed[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[boxed[k]] = average;
            }
            i = j + 1;
        }
        return ranks;
    }

    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("samples differ in length: " + x.length + " vs " + y.length);
        }
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1, Math.min(1, r));
    }

    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("samples differ in length: " + x.length + " vs " + y.length);
        }
        return pearson(ranks(x), ranks(y));
    }
}
