package org.modellens.stats;

/**
 * Result of a chi-square test of independence on a 2 x k contingency table.
 *
 * @param statistic the (possibly Yates-corrected) Pearson chi-square statistic
 * @param pValue    upper-tail p-value of chi2(dof)
 * @param dof       degrees of freedom (k - 1 after dropping empty categories)
 */
public record ChiSquareResult(double statistic, double pValue, int dof) {
}
