package org.modellens.app.ui.explanations;

/**
 * One explained production row in the dependence plot.
 *
 * @param rowIndex     production row
 * @param value        the feature's value (numeric features), {@code NaN} otherwise or when missing
 * @param category     the feature's value as text (categorical features), else {@code null}
 * @param contribution the feature's contribution to that row's output
 */
public record DependencePoint(int rowIndex, double value, String category, double contribution) {
}
