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
 */
public record ModelRun(String path, String type, List<String> features, String task,
                       Predictions train, Predictions prod) {

    public ModelRun {
        Objects.requireNonNull(type, "type");
        features = List.copyOf(features);
        Objects.requireNonNull(task, "task");
    }
}
