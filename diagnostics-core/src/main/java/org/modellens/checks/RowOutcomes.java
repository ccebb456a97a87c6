package org.modellens.checks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.modellens.data.Snapshot;
import org.modellens.model.Predictions;

/**
 * A model's output and the true outcome of every row of one snapshot, row by row, for code outside the
 * checks that measures parts of a snapshot (the timeline's chunks). Labels are matched to the model's
 * classes as the checks match them.
 *
 * @param task          binary, multiclass or regression
 * @param score         one per row as {@link Predictions#score()}; {@code NaN} where not scored
 * @param label         one per row: binary 1 (positive class) or 0, multiclass the class index, regression the
 *                      true value; {@code NaN} where unlabelled, unmatched or not scored
 * @param probabilities one per row as {@link Predictions#probabilities()}, or {@code null} for regression
 */
public record RowOutcomes(String task, double[] score, double[] label, double[][] probabilities) {

    /** The training and production outcomes of the context's model, when it scored both sides. */
    public static Optional<RowOutcomes[]> of(CheckContext context) {
        return ModelOutcomes.of(context).map(outcomes -> new RowOutcomes[] {
                rows(outcomes, outcomes.train, context.train().rows(), outcomes.run.train()),
                rows(outcomes, outcomes.prod, context.prod().rows(), outcomes.run.prod())});
    }

    /**
     * The outcomes of another labelled snapshot (a reference set) scored by the same model.
     *
     * @param classes the model's classes in output order (binary: negative, positive); empty for regression
     */
    public static RowOutcomes of(Predictions predictions, Snapshot snapshot, String target, List<String> classes) {
        List<String> known = classes.isEmpty() && ModelOutcomes.BINARY.equals(predictions.task()) ? List.of("0", "1") : classes;
        ModelOutcomes.Side side = ModelOutcomes.Side.of(predictions.task(), predictions, snapshot, target,
                new LabelEncoding(known), new LinkedHashMap<>(), new String[known.size()]);
        double[] label = new double[snapshot.rows()];
        Arrays.fill(label, Double.NaN);
        fill(label, side, ModelOutcomes.REGRESSION.equals(predictions.task()));
        return new RowOutcomes(predictions.task(), predictions.score(), label, predictions.probabilities());
    }

    private static RowOutcomes rows(ModelOutcomes outcomes, ModelOutcomes.Side side, int rows, Predictions predictions) {
        double[] label = new double[rows];
        Arrays.fill(label, Double.NaN);
        fill(label, side, outcomes.regression());
        return new RowOutcomes(outcomes.task, predictions.score(), label, predictions.probabilities());
    }

    private static void fill(double[] label, ModelOutcomes.Side side, boolean regression) {
        for (int i = 0; i < side.labelled(); i++) {
            label[side.labelledRows()[i]] = regression ? side.actual()[i] : side.classIndex()[i];
        }
    }

    public boolean binary() {
        return ModelOutcomes.BINARY.equals(task);
    }

    public boolean regression() {
        return ModelOutcomes.REGRESSION.equals(task);
    }
}
