package org.modellens.stats;

import java.util.Arrays;

/**
 * Population stability index on training deciles.
 *
 * <p>Bin edges are the distinct values among {@code numpy.quantile(train, [0.1, 0.2, ..., 0.9])} (default
 * linear interpolation). With k distinct edges {@code e1 < ... < ek} the k+1 bins are right-closed:
 * {@code (-inf, e1], (e1, e2], ..., (ek, +inf)}. For each side the proportion of values in each bin is computed
 * ({@code p} for train, {@code q} for prod). Empty-bin rule: a proportion of exactly 0 is replaced by
 * {@code 1e-4} (epsilon 1e-4, as in common practice), without renormalising. Then
 * {@code PSI = sum_i (p_i - q_i) * ln(p_i / q_i)}, which is always &gt;= 0.
 *
 * <p>There is no single scipy function for PSI; the reference is the numpy computation above
 * ({@code numpy.quantile}, {@code numpy.searchsorted(edges, x, side='left')} for bin indices).
 */
public final class Psi {
    /** Replacement for empty-bin proportions. */
    public static final double EPSILON = 1e-4;

    private Psi() {
    }

    /**
     * PSI of {@code prod} relative to the deciles of {@code train}.
     *
     * @throws IllegalArgumentException if either sample is empty
     */
    public static double compute(double[] train, double[] prod) {
        if (train == null || prod == null || train.length == 0 || prod.length == 0) {
            throw new IllegalArgumentException("empty input");
        }
        return computeOfSorted(Sorted.ascending(train), Sorted.ascending(prod));
    }

    /** {@link #compute} of samples already in ascending order (not checked: the caller sorted them). */
    public static double computeOfSorted(double[] st, double[] sp) {
        if (st == null || sp == null || st.length == 0 || sp.length == 0) {
            throw new IllegalArgumentException("empty input");
        }
        double[] edges = decileEdges(st);
        return fromProportions(proportions(st, edges), proportions(sp, edges));
    }

    /** PSI of the bin proportions {@code q} (production) against {@code p} (training), empty bins as {@link #EPSILON}. */
    public static double fromProportions(double[] p, double[] q) {
        double psi = 0.0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] == 0.0 ? EPSILON : p[i];
            double qi = q[i] == 0.0 ? EPSILON : q[i];
            psi += (pi - qi) * Math.log(pi / qi);
        }
        return psi;
    }

    /** The distinct training deciles, ascending: the k edges of the k + 1 right-closed bins. */
    public static double[] decileEdges(double[] sortedTrain) {
        double[] edges = new double[9];
        int k = 0;
        for (int d = 1; d <= 9; d++) {
            double e = Descriptive.quantile(sortedTrain, d / 10.0);
            if (k == 0 || e != edges[k - 1]) {
                edges[k++] = e;
            }
        }
        return Arrays.copyOf(edges, k);
    }

    /** The share of {@code sorted} (ascending) in each bin of {@code edges}, no epsilon. */
    static double[] proportions(double[] sorted, double[] edges) {
        long[] counts = new long[edges.length + 1];
        if (sorted.length > 0 && !Double.isNaN(sorted[sorted.length - 1])) {
            // Ascending and no NaN: bin b ends where the values above edge b begin, found by bisection.
            int start = 0;
            for (int b = 0; b < edges.length; b++) {
                int end = Sorted.firstAbove(sorted, edges[b], start);
                counts[b] = end - start;
                start = end;
            }
            counts[edges.length] = sorted.length - start;
        } else {
            int bin = 0;
            for (double x : sorted) {
                while (bin < edges.length && x > edges[bin]) {
                    bin++;
                }
                counts[bin]++;
            }
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (double) counts[i] / sorted.length;
        }
        return out;
    }
}
