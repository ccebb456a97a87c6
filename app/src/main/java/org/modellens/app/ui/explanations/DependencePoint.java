package org.modellens.app.ui.explanations;

/**
 * One sampled row in the dependence plot.
 *
 * @param rowIndex     the row in its side's snapshot
 * @param value        the feature's value (numeric features), {@code NaN} otherwise or when missing
 * @param category     the feature's value as text (categorical features), else {@code null}
 * @param contribution the feature's contribution to that row's output
 * @param production   a production row ({@code false}: training)
 * @param colour       the colouring feature's value on its colour scale, 0 (low) to 1 (high);
 *                     {@code NaN} when colouring by side, or the value is missing
 */
public record DependencePoint(int rowIndex, double value, String category, double contribution, boolean production,
                              double colour) {
}
