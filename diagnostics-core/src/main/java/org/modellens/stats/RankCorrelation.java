package org.modellens.stats;

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
        // Positions in value order by a radix sort (linear, no boxing, no binary search per value); a tie
        // group [first, last] of positions shares their middle + 1.
        int n = values.length;
        int[] order = order(values);
        double[] ranks = new double[n];
        int first = 0;
        while (first < n) {
            int last = first;
            double v = values[order[first]];
            while (last + 1 < n && values[order[last + 1]] == v) {
                last++;
            }
            double rank = (first + last) / 2.0 + 1;
            for (int k = first; k <= last; k++) {
                ranks[order[k]] = rank;
            }
            first = last + 1;
        }
        return ranks;
    }

    /**
     * Indices of the values in ascending order (stable; -0.0 just before 0.0, which are equal values
     * and so adjacent). The values must not be NaN.
     */
    static int[] order(double[] values) {
        return RadixSort.order(values);
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
