package org.modellens.app.ui.model;

/**
 * A model metric on each side.
 *
 * @param metric  metric name (auc, accuracy, logLoss, ...)
 * @param train   value on training
 * @param prod    value on production, {@code NaN} when not available
 * @param tooltip what it means
 */
public record MetricRow(String metric, String train, String prod, String change, String tooltip) {
}
