package org.modellens.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Whether the AUC of a classifier differs between two independent samples (training and production
 * rows), by DeLong's variance of each AUC (DeLong, DeLong and Clarke-Pearson, Biometrics 44, 1988):
 * {@code Var(AUC) = s10 / m + s01 / n} with {@code s10}, {@code s01} the sample variances (n - 1) of the
 * positive and negative placements. The samples being independent, the variance of the difference is
 * the sum of the two variances and {@code z = (a - b) / sqrt(Var a + Var b)}.
 */
public final class AucComparison {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private AucComparison() {
    }

    /**
     * DeLong's variance of the AUC of {@code score} on one sample.
     *
     * @return {@code NaN} when either class has fewer than two rows
     */
    public static double delongVariance(double[] score, boolean[] positive) {
        ScoresByClass split = ScoresByClass.of(score, positive);
        int m = split.positives().length;
        int n = split.negatives().length;
        if (m < 2 || n < 2) {
            return Double.NaN;
        }
        return Descriptive.variance(split.positivePlacements()) / m + Descriptive.variance(split.negativePlacements()) / n;
    }

    /**
     * Two-sided p-value of "the two AUCs are equal" for independent samples.
     *
     * @return {@code NaN} when either variance is undefined; 1 when both AUCs are equal with zero variance
     */
    public static double pValue(double aucA, double varianceA, double aucB, double varianceB) {
        double se = Math.sqrt(varianceA + varianceB);
        if (Double.isNaN(se)) {
            return Double.NaN;
        }
        if (se == 0) {
            return aucA == aucB ? 1.0 : 0.0;
        }
        double z = Math.abs(aucA - aucB) / se;
        return 2 * STANDARD_NORMAL.cumulativeProbability(-z);
    }
}
