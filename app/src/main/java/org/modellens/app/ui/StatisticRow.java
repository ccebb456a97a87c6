package org.modellens.app.ui;

/**
 * A statistic as a view lists it.
 *
 * @param label   its name
 * @param value   its value, formatted
 * @param tooltip what it means and the thresholds that judge it
 */
public record StatisticRow(String label, String value, String tooltip) {
}
