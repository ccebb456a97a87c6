package org.modellens.model;

import java.util.List;
import java.util.Objects;

/**
 * What a model output for every row of one snapshot. The model-level checks read only this, so
 * they work the same for every model format.
 *
 * @param task          binary, multiclass or regression
 * @param classes       class labels in output order (binary: negative then positive); empty for regression
 * @param score         one number per row: binary, the probability of {@code classes.get(1)}; multiclass,
 *                      the probability of the most likely class; regression, the predicted value.
 *                      {@code NaN} where the row could not be scored
 * @param probabilities per row, one probability per class (binary: two); {@code null} for regression
 * @param modelFaults   rows whose inputs were numbers but whose output the model made non-finite (a NaN
 *                      leaf, an infinite base margin): the model's fault, not the data's; empty when none
 */
public record Predictions(String task, List<String> classes, double[] score, double[][] probabilities,
                          java.util.BitSet modelFaults) {

    /** Predictions without model faults. */
    public Predictions(String task, List<String> classes, double[] score, double[][] probabilities) {
        this(task, classes, score, probabilities, new java.util.BitSet());
    }

    /** Whether the model itself made row {@code row}'s output non-finite. */
    public boolean modelFault(int row) {
        return modelFaults.get(row);
    }

    public Predictions {
        Objects.requireNonNull(task, "task");
        classes = List.copyOf(classes);
        Objects.requireNonNull(score, "score");
        modelFaults = modelFaults == null ? new java.util.BitSet() : (java.util.BitSet) modelFaults.clone();
    }

    public int rows() {
        return score.length;
    }
}
