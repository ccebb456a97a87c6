package org.modellens.stats;

import org.hipparchus.special.Erf;

/**
 * Two-sample pooled z-test for proportions, equal to
 * {@code statsmodels.stats.proportion.proportions_ztest([x1, x2], [n1, n2])} (two-sided):
 * {@code p = (x1+x2)/(n1+n2)}, {@code z = (x1/n1 - x2/n2) / sqrt(p(1-p)(1/n1 + 1/n2))},
 * {@code pValue = 2 * scipy.stats.norm.sf(|z|) = erfc(|z|/sqrt 2)}. Used as a significance gate for
 * missing-rate changes. Returns 1.0 when the pooled proportion is 0 or 1.
 */
public final class Proportions {
    private Proportions() {
    }

    /** Two-sided pooled two-proportion z-test p-value. */
    public static double twoProportionPValue(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
            throw new IllegalArgumentException("invalid counts");
        }
        double p = (double) (x1 + x2) / (double) (n1 + n2);
        if (p == 0.0 || p == 1.0) {
            return 1.0;
        }
        double se = Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
        double z = ((double) x1 / n1 - (double) x2 / n2) / se;
        return Math.min(1.0, Erf.erfc(Math.abs(z) / Math.sqrt(2.0)));
    }
}
