package org.modellens.model;

import java.nio.file.Path;

import org.modellens.data.Snapshot;

/**
 * A model applied to both snapshots: the run the checks read, and the input matrices the explainers
 * reuse.
 *
 * @param model the model
 * @param run   predictions on both sides ({@code null} on a side that lacks model features)
 * @param train training inputs, {@code null} when training lacks model features
 * @param prod  production inputs, {@code null} when production lacks model features
 */
public record ScoredModel(Model model, ModelRun run, FeatureMatrix train, FeatureMatrix prod) {

    /**
     * Scores every row of both snapshots that has all the model's features. Categorical inputs the
     * model file leaves unlabelled take their codes from the training data ({@link TrainingCategories}).
     */
    public static ScoredModel score(Path path, Model given, Snapshot train, Snapshot prod) {
        Model model = TrainingCategories.apply(given, train);
        FeatureMatrix trainMatrix = FeatureMatrix.absentFeatures(train, model.features()).isEmpty()
                ? FeatureMatrix.of(train, model) : null;
        FeatureMatrix prodMatrix = FeatureMatrix.absentFeatures(prod, model.features()).isEmpty()
                ? FeatureMatrix.of(prod, model) : null;
        Predictions trainPredictions = trainMatrix == null ? null : model.predict(trainMatrix);
        Predictions prodPredictions = prodMatrix == null ? null : model.predict(prodMatrix);
        java.util.Set<Integer> derived = new java.util.HashSet<>(model.categoryLevels().keySet());
        derived.removeAll(given.categoryLevels().keySet());
        java.util.List<CategoryMismatch> mismatches = new java.util.ArrayList<>();
        mismatches.addAll(CategoryMismatch.of(model, train, "training", derived));
        mismatches.addAll(CategoryMismatch.of(model, prod, "production", derived));
        ModelRun run = new ModelRun(path == null ? null : path.toString(), model.type(), model.features(), model.task(),
                trainPredictions, prodPredictions, mismatches, model.outputDefects());
        return new ScoredModel(model, run, trainMatrix, prodMatrix);
    }
}
