package org.modellens.model;

import java.util.List;
import java.util.Objects;

/**
 * A model applied to both snapshots.
 *
 * @param path     the model file as given
 * @param type     xgboost, lightgbm, onnx or tribuo
 * @param features the model's input columns, in model order
 * @param task     binary, multiclass or regression
 * @param train    outputs on the training snapshot, or {@code null} when the model could not score it
 * @param prod     outputs on the production snapshot, or {@code null} when the model could not score it
 * @param categoryMismatches categorical inputs the data does not fit, on either side
 * @param defects  what in the model file makes its outputs non-finite or pinned ({@link Model#outputDefects()})
 */
public record ModelRun(String path, String type, List<String> features, String task,
                       Predictions train, Predictions prod, List<CategoryMismatch> categoryMismatches,
                       List<String> defects) {

    public ModelRun {
        Objects.requireNonNull(type, "type");
        features = List.copyOf(features);
        Objects.requireNonNull(task, "task");
        categoryMismatches = List.copyOf(categoryMismatches);
        defects = defects == null ? List.of() : List.copyOf(defects);
    }

    /** A run whose model file has no defects. */
    public ModelRun(String path, String type, List<String> features, String task, Predictions train, Predictions prod,
                    List<CategoryMismatch> categoryMismatches) {
        this(path, type, features, task, train, prod, categoryMismatches, List.of());
    }

    /** A run without categorical inputs to judge. */
    public ModelRun(String path, String type, List<String> features, String task, Predictions train, Predictions prod) {
        this(path, type, features, task, train, prod, List.of(), List.of());
    }
}
