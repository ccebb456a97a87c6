package org.modellens.stats;

import org.hipparchus.special.Beta;

/**
 * Upper tail of the binomial distribution, equal to {@code scipy.stats.binom.sf(k - 1, n, p)}:
 * {@code P[X >= k] = I_p(k, n - k + 1)} (regularized incomplete beta) for {@code 1 <= k <= n};
 * 1 for {@code k <= 0} and 0 for {@code k > n}.
 */
public final class Binomial {
    private Binomial() {
    }

    /** P[X &gt;= k] for X ~ Binomial(n, p). */
    public static double upperTailPValue(long k, long n, double p) {
        if (n < 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("invalid parameters");
        }
        if (k <= 0) {
            return 1.0;
        }
        if (k > n) {
            return 0.0;
        }
        if (p == 0.0) {
            return 0.0;
        }
        if (p == 1.0) {
            return 1.0;
        }
        return Math.min(1.0, Math.max(0.0, Beta.regularizedBeta(p, (double) k, (double) (n - k + 1))));
    }
}
