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
     * {@link #ranks} of the values {@code table[codes[i]]}, equal to it bit for bit: average ranks depend
     * only on how many values lie below and how many tie, so the table's entries are sorted and their codes
     * counted instead of sorting the n values: linear in n plus a sort of the table. For values with few
     * distinct levels (a category's encoding). The table's entries must not be NaN.
     */
    public static double[] ranksOfCoded(int[] codes, double[] table) {
        int[] count = new int[table.length];
        for (int code : codes) {
            count[code]++;
        }
        int[] entries = order(table);
        double[] rankOf = new double[table.length];
        int position = 0; // values below the current tie group
        int first = 0;
        while (first < entries.length) {
            double v = table[entries[first]];
            int last = first;
            int tied = count[entries[first]];
            while (last + 1 < entries.length && table[entries[last + 1]] == v) {
                last++;
                tied += count[entries[last]];
            }
            if (tied > 0) {
                double rank = (position + (position + tied - 1)) / 2.0 + 1;
                for (int e = first; e <= last; e++) {
                    rankOf[entries[e]] = rank;
                }
            }
            position += tied;
            first = last + 1;
        }
        double[] ranks = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            ranks[i] = rankOf[codes[i]];
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
