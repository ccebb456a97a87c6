package org.modellens.app.ui.explanations;

/**
 * One feature's line of a beeswarm: a dot per sampled row at its contribution, lifted off the line
 * where dots crowd, coloured by the row's value of the feature. The arrays are parallel, one entry a
 * row, and are not copied: treat them as read-only.
 *
 * @param feature       the model input, or the "N other features" line
 * @param meanAbs       mean |contribution| over the rows, what orders the lines
 * @param contributions per row, the contribution (for the pooled line: the sum over its features)
 * @param colour        per row, the value's place on the colour scale, 0 (low) to 1 (high); {@code NaN}
 *                      when missing, categorical or pooled (drawn grey)
 * @param offset        per row, how far off the line, in (-1, 1) of the half-height a line may use
 * @param rows          per row, its index in its side's snapshot
 * @param pooled        the "N other features" line
 */
public record BeeswarmRow(String feature, double meanAbs, double[] contributions, double[] colour, double[] offset,
                          int[] rows, boolean pooled) {
}
