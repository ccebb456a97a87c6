package org.modellens.app.ui.explanations;

import org.modellens.report.Explanations.RowExplanation;

/**
 * An explained production row in the row picker.
 *
 * @param row          the row's explanation
 * @param id           its value of the identifier column, {@code null} without one
 * @param label        its label (production target), {@code null} without labels
 * @param error        |1[label = explained class] - probability| for classifiers, |label - prediction| for
 *                     regression; {@code NaN} without a label
 * @param contribution the selected feature's contribution, {@code NaN} without a selected model input
 */
public record RowChoice(RowExplanation row, String id, String label, double error, double contribution) {
}
