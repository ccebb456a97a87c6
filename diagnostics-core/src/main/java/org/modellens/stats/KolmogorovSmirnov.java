package org.modellens.stats;

import java.util.Arrays;

/**
 * Two-sample Kolmogorov-Smirnov test, a faithful port of {@code scipy.stats.ks_2samp(a, b)} with its defaults
 * ({@code alternative='two-sided'}, {@code method='auto'}).
 *
 * <p>Statistic: {@code D = max_x |F_a(x) - F_b(x)|} over the pooled sample, with empirical CDFs
 * {@code F(x) = #{s <= x}/n} (ties handled as numpy.searchsorted(side='right')).
 *
 * <p>p-value: when {@code max(n1, n2) <= 10000} the exact distribution is used (scipy's
 * {@code _attempt_exact_2kssamp}: {@code h = round(D * lcm(n1,n2))}, {@code D = h/lcm}, then
 * {@code _compute_prob_outside_square} when n1 == n2, otherwise {@code _compute_outer_prob_inside_method});
 * if that computation yields a value outside [0,1] it falls back, as scipy does, to the asymptotic
 * formula {@code kstwo.sf(D, round(n1*n2/(n1+n2)))}, which is also used when {@code max(n1,n2) > 10000}.
 * The returned p-value is clipped to [0,1]. In exact mode the returned statistic is {@code h/lcm}, as in scipy.
 */
public final class KolmogorovSmirnov {
    private static final int MAX_AUTO_N = 10000;

    private KolmogorovSmirnov() {
    }

    /**
     * Equivalent of {@code scipy.stats.ks_2samp(a, b)}. Inputs may be unsorted and contain ties; they are not modified.
     *
     * @throws IllegalArgumentException if either sample is empty
     */
    public static KsResult twoSample(double[] a, double[] b) {
        double d = statistic(a, b);
        return pValue(a.length, b.length, d);
    }

    /**
     * The statistic D of {@link #twoSample} without its p-value (whose exact computation costs up to
     * n1 x n2 steps): for many draws of a null distribution.
     *
     * @throws IllegalArgumentException if either sample is empty
     */
    public static double statistic(double[] a, double[] b) {
        if (a == null || b == null || a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("Data passed to ks_2samp must not be empty");
        }
        return statisticOfSorted(Sorted.ascending(a), Sorted.ascending(b));
    }

    /** {@link #twoSample} of samples already in ascending order (not checked: the caller sorted them). */
    public static KsResult twoSampleOfSorted(double[] a, double[] b) {
        if (a == null || b == null || a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("Data passed to ks_2samp must not be empty");
        }
        return pValue(a.length, b.length, statisticOfSorted(a, b));
    }

    private static double statisticOfSorted(double[] d1, double[] d2) {
        int n1 = d1.length;
        int n2 = d2.length;
        double maxS = Double.NEGATIVE_INFINITY;
        double minD = Double.POSITIVE_INFINITY;
        int i = 0;
        int j = 0;
        double dn1 = n1;
        double dn2 = n2;
        while (i < n1 || j < n2) {
            double v;
            if (j >= n2 || (i < n1 && d1[i] <= d2[j])) {
                v = d1[i];
            } else {
                v = d2[j];
            }
            while (i < n1 && d1[i] <= v) {
                i++;
            }
            while (j < n2 && d2[j] <= v) {
                j++;
            }
            double diff = i / dn1 - j / dn2;
            if (diff > maxS) {
                maxS = diff;
            }
            if (diff < minD) {
                minD = diff;
            }
        }
        double minS = Math.min(Math.max(-minD, 0.0), 1.0);
        return minS > maxS ? minS : maxS;
    }

    /**
     * The p-value of a KS distance {@code d} between samples of {@code n1} and {@code n2} values, as
     * {@link #twoSample} gives it; for sample sizes past an int (counted rows of a profile) the asymptotic formula.
     */
    public static KsResult fromStatistic(long n1, long n2, double d) {
        if (n1 <= 0 || n2 <= 0) {
            throw new IllegalArgumentException("Data passed to ks_2samp must not be empty");
        }
        if (Math.max(n1, n2) <= MAX_AUTO_N) {
            return pValue((int) n1, (int) n2, d);
        }
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double prob = Kolmogn.sf(Math.rint(m * n / (m + n)), d);
        return new KsResult(d, Math.min(Math.max(prob, 0.0), 1.0));
    }

    static KsResult pValue(int n1, int n2, double d) {
        long g = gcd(n1, n2);
        double prob;
        boolean exact = Math.max(n1, n2) <= MAX_AUTO_N;
        prob = Double.NaN;
        if (exact) {
            long lcm = (n1 / g) * (long) n2;
            double h = Math.rint(d * lcm);
            d = h / lcm;
            if (h == 0) {
                prob = 1.0;
            } else {
                int hi = (int) h;
                if (n1 == n2) {
                    prob = probOutsideSquare(n1, hi);
                } else {
                    prob = outerProbInside(n1, n2, (int) g, hi);
                }
                if (!(prob >= 0 && prob <= 1)) {
                    exact = false;
                }
            }
        }
        if (!exact) {
            double m = Math.max(n1, n2);
            double n = Math.min(n1, n2);
            double en = m * n / (m + n);
            prob = Kolmogn.sf(Math.rint(en), d);
        }
        prob = Math.min(Math.max(prob, 0.0), 1.0);
        return new KsResult(d, prob);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Port of scipy's _compute_prob_outside_square: Pr(D_{n,n} &gt;= h/n). */
    static double probOutsideSquare(int n, int h) {
        double p = 0.0;
        int k = (int) Math.floor((double) n / h);
        while (k >= 0) {
            double p1 = 1.0;
            for (int j = 0; j < h; j++) {
                p1 = ((double) n - (double) k * h - j) * p1 / ((double) n + (double) k * h + j + 1);
            }
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    /** Port of scipy's _compute_outer_prob_inside_method (lattice paths leaving the band). */
    static double outerProbInside(int m0, int n0, int g, int h) {
        int m = Math.max(m0, n0);
        int n = Math.min(m0, n0);
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min(ceilDiv(h, mg), n + 1L);
        int curlen = maxj - minj;
        int lenA = Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        Arrays.fill(a, 1.0);
        for (int x = minj; x < Math.min(maxj, lenA); x++) {
            a[x] = 0.0;
        }
        for (int i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0L);
            minj = Math.min(minj, n);
            maxj = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1L);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            int len = maxj - minj;
            int off = minj - lastminj;
            for (int jj = 0; jj < len; jj++) {
                int j = jj + minj;
                val = (a[jj + off] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = len;
            if (lastlen > curlen) {
                int end = Math.min(len + (lastlen - curlen), lenA);
                for (int x = len; x < end; x++) {
                    a[x] = 1.0;
                }
            }
        }
        return a[maxj - minj - 1];
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }
}
