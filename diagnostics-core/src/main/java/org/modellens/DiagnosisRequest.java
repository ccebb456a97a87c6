package org.modellens;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.modellens.checks.Settings;
import org.modellens.explain.ExplainRows;

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
 */
public record DiagnosisRequest(Path train, Path prod, String target, String task,
                               Set<String> categorical, Set<String> numeric, Settings settings,
                               Path model, List<String> modelFeatures, ExplainRows explainRows) {

    public DiagnosisRequest {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(prod, "prod");
        task = task == null ? "auto" : task;
        categorical = Set.copyOf(categorical);
        numeric = Set.copyOf(numeric);
        Objects.requireNonNull(settings, "settings");
        modelFeatures = modelFeatures == null ? List.of() : List.copyOf(modelFeatures);
    }

    /** A data-only request, without a model. */
    public DiagnosisRequest(Path train, Path prod, String target, String task,
                            Set<String> categorical, Set<String> numeric, Settings settings) {
        this(train, prod, target, task, categorical, numeric, settings, null, List.of(), null);
    }
}
