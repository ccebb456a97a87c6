package org.modellens.app.ui.explanations;

/**
 * A feature's global importance: mean |contribution| over the explained rows of each side.
 *
 * @param feature the model input
 * @param train   mean |contribution| on training rows ({@code NaN} when not given)
 * @param prod    mean |contribution| on production rows ({@code NaN} when not given)
 */
public record ImportanceRow(String feature, double train, double prod) {
}
