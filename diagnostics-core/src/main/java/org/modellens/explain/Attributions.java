package org.modellens.explain;

/**
 * Attributions of a batch of rows: for row {@code r}, {@code baseValue[r] + sum_j phi[r][j] = output[r]}.
 *
 * @param phi       per row, one contribution per model feature (model order)
 * @param baseValue per row, the expected output the contributions start from
 * @param output    per row, the explained output (margin or probability, see the explainer's space)
 * @param group     per row, the output group explained (the predicted class for multiclass; 0 otherwise)
 */
public record Attributions(double[][] phi, double[] baseValue, double[] output, int[] group) {
}
