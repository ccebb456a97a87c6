package org.modellens.stats;

import org.hipparchus.special.Gamma;

/**
 * Chi-square test of independence on the 2 x k table {@code [trainCounts; prodCounts]}, equal to
 * {@code scipy.stats.chi2_contingency(table)} with its defaults.
 *
 * <p>Categories with zero count on both sides are dropped first. Expected counts
 * {@code E_ij = rowSum_i * colSum_j / total}; {@code dof = k - 1}. When {@code dof == 1} Yates' continuity
 * correction is applied as scipy does: each observed count moves towards its expected value by
 * {@code min(0.5, |E - O|)}. Statistic {@code sum (O - E)^2 / E}; p-value
 * {@code chi2.sf(stat, dof) = Q(dof/2, stat/2)} (regularized upper incomplete gamma).
 * If fewer than 2 categories remain, or one side has no observations at all (scipy would raise),
 * the result is statistic 0, p-value 1, dof 0.
 */
public final class ChiSquare {
    private ChiSquare() {
    }

    /** scipy.stats.chi2_contingency([trainCounts, prodCounts]). Arrays must have equal length. */
    public static ChiSquareResult twoByK(long[] trainCounts, long[] prodCounts) {
        return compute(trainCounts, prodCounts, true);
    }

    static ChiSquareResult compute(long[] trainCounts, long[] prodCounts, boolean correction) {
        if (trainCounts.length != prodCounts.length) {
            throw new IllegalArgumentException("count arrays must have equal length");
        }
        int k = 0;
        long tTot = 0;
        long pTot = 0;
        for (int i = 0; i < trainCounts.length; i++) {
            if (trainCounts[i] < 0 || prodCounts[i] < 0) {
                throw new IllegalArgumentException("negative count");
            }
            if (trainCounts[i] + prodCounts[i] > 0) {
                k++;
                tTot += trainCounts[i];
                pTot += prodCounts[i];
            }
        }
        if (k < 2 || tTot == 0 || pTot == 0) {
            return new ChiSquareResult(0.0, 1.0, 0);
        }
        int dof = k - 1;
        double total = (double) tTot + pTot;
        double stat = 0.0;
        for (int i = 0; i < trainCounts.length; i++) {
            long col = trainCounts[i] + prodCounts[i];
            if (col == 0) {
                continue;
            }
            stat += term(trainCounts[i], tTot * (double) col / total, correction && dof == 1);
            stat += term(prodCounts[i], pTot * (double) col / total, correction && dof == 1);
        }
        double p = Gamma.regularizedGammaQ(dof / 2.0, stat / 2.0);
        return new ChiSquareResult(stat, p, dof);
    }

    private static double term(long observed, double expected, boolean yates) {
        double o = observed;
        if (yates) {
            double diff = expected - o;
            double mag = Math.min(0.5, Math.abs(diff));
            o = o + mag * Math.signum(diff);
        }
        double d = o - expected;
        return d * d / expected;
    }
}
