package org.modellens.app.ui;

import java.util.Set;

import org.modellens.report.DiagnosticReport;

/**
 * The columns the report's model reads. The pages mark them, because a change in a model input moves
 * the model's scores while the same change in any other column does not.
 */
public final class ModelInputs {

    private ModelInputs() {
    }

    /** The model's input columns; empty without a report or a model. */
    public static Set<String> of(DiagnosticReport report) {
        return report == null || report.model() == null ? Set.of() : Set.copyOf(report.model().features());
    }
}
