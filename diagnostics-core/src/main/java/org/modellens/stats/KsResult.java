package org.modellens.stats;

/**
 * Result of a two-sample Kolmogorov-Smirnov test.
 *
 * @param statistic the KS statistic D (as returned by scipy.stats.ks_2samp)
 * @param pValue    the two-sided p-value
 */
public record KsResult(double statistic, double pValue) {
}
