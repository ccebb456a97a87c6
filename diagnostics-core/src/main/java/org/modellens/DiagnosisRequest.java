package org.modellens;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.modellens.explain.ExplainRows;
import org.modellens.settings.Settings;

/**
 * What to diagnose.
 *
 * @param train       training snapshot file
 * @param prod        production snapshot file
 * @param target      target column, or {@code null}
 * @param task        auto, binary, multiclass or regression
 * @param categorical columns forced to be categorical
 * @param numeric     columns forced to be numeric
 * @param settings    thresholds
 * @param model       model file, or {@code null} for a data-only diagnosis
 * @param modelFeatures the model's input columns in model order ({@code --model-features}); empty to
 *                    use the names in the model file
 * @param explainRows production rows to explain one by one; {@code null} for the first
 *                    {@code explain.rows.default} rows
 * @param reference   held-out labelled data from the training period ({@code --reference}), the
 *                    baseline of every performance figure; {@code null} for the in-sample training data
 * @param timeColumn  production's time column ({@code --time-column}), or {@code null}
 * @param chunk       day, week, month or a row count ({@code --chunk}); {@code null} for a default
 *                    from the span and row count
 */
public record DiagnosisRequest(Path train, Path prod, String target, String task,
                               Set<String> categorical, Set<String> numeric, Settings settings,
                               Path model, List<String> modelFeatures, ExplainRows explainRows,
                               Path reference, String timeColumn, String chunk) {

    public DiagnosisRequest {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(prod, "prod");
        task = task == null ? "auto" : task;
        categorical = Set.copyOf(categorical);
        numeric = Set.copyOf(numeric);
        Objects.requireNonNull(settings, "settings");
        modelFeatures = modelFeatures == null ? List.of() : List.copyOf(modelFeatures);
    }

    /** A request without reference data or time column. */
    public DiagnosisRequest(Path train, Path prod, String target, String task,
                            Set<String> categorical, Set<String> numeric, Settings settings,
                            Path model, List<String> modelFeatures, ExplainRows explainRows) {
        this(train, prod, target, task, categorical, numeric, settings, model, modelFeatures, explainRows, null, null, null);
    }

    /** The same request with a reference snapshot. */
    public DiagnosisRequest withReference(Path referenceFile) {
        return new DiagnosisRequest(train, prod, target, task, categorical, numeric, settings, model, modelFeatures,
                explainRows, referenceFile, timeColumn, chunk);
    }

    /** The same request with production read over time. */
    public DiagnosisRequest withTime(String column, String chunking) {
        return new DiagnosisRequest(train, prod, target, task, categorical, numeric, settings, model, modelFeatures,
                explainRows, reference, column, chunking);
    }

    /** A data-only request, without a model. */
    public DiagnosisRequest(Path train, Path prod, String target, String task,
                            Set<String> categorical, Set<String> numeric, Settings settings) {
        this(train, prod, target, task, categorical, numeric, settings, null, List.of(), null);
    }
}
