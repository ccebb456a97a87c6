package org.modellens.profile;

import org.modellens.stats.ChiSquareResult;
import org.modellens.stats.KsResult;

/**
 * How a column's distribution differs between training and production. Numeric columns fill the
 * first group, categorical and boolean columns the second; the others are {@code null}/{@code NaN}.
 *
 * @param ks                  two-sample Kolmogorov-Smirnov on non-missing values (scipy ks_2samp)
 * @param wasserstein         Wasserstein-1 distance, in the column's units
 * @param wassersteinRelative Wasserstein-1 divided by the training standard deviation
 * @param psi                 population stability index on training deciles
 * @param standardizedMeanDifference (mean prod - mean train) / pooled sd
 * @param chiSquare           chi-square test on the 2 x K table of category counts
 * @param jensenShannon       Jensen-Shannon distance (base 2) between category shares
 * @param cramersV            Cramér's V of the 2 x K table
 * @param totalVariation      total variation distance between category shares
 * @param totalVariationPooled total variation over frequent categories, the rest pooled (judged by feature-drift)
 */
public record DriftStatistics(KsResult ks, double wasserstein, double wassersteinRelative, double psi,
                              double standardizedMeanDifference,
                              ChiSquareResult chiSquare, double jensenShannon, double cramersV,
                              double totalVariation, double totalVariationPooled) {

    static DriftStatistics numeric(KsResult ks, double wasserstein, double wassersteinRelative, double psi, double smd) {
        return new DriftStatistics(ks, wasserstein, wassersteinRelative, psi, smd, null,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    static DriftStatistics categorical(ChiSquareResult chiSquare, double jensenShannon, double cramersV,
                                       double totalVariation, double totalVariationPooled) {
        return new DriftStatistics(null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, chiSquare,
                jensenShannon, cramersV, totalVariation, totalVariationPooled);
    }

    public boolean isNumeric() {
        return ks != null;
    }
}
