package org.modellens.model;

import java.util.List;

/**
 * A loaded model, whatever its file format: the inputs it expects, in order, and its outputs.
 *
 * <p>Raw outputs are what explanations decompose: the margin (log-odds for a logistic objective,
 * one score per class before softmax) for tree ensembles, the probabilities for models whose
 * margin is not exposed (see {@link #outputSpace()}). Implementations are immutable and safe to
 * use from several threads.
 */
public interface Model {

    /** xgboost, lightgbm, onnx or tribuo. */
    String type();

    /** The input columns in model order; the names come from the model file or from {@code --model-features}. */
    List<String> features();

    /**
     * The same model with its inputs renamed (from {@code --model-features}).
     *
     * @throws IllegalArgumentException when the count differs from the model's
     */
    Model withFeatures(List<String> names);

    /**
     * The positions (model order) of the inputs the model reads as category codes (categorical
     * splits), ascending; by default those whose labels the file names.
     */
    default java.util.SortedSet<Integer> categoricalInputs() {
        return new java.util.TreeSet<>(categoryLevels().keySet());
    }

    /**
     * The same model reading the given inputs' text as those labels' positions; models that read no
     * categories ignore it.
     */
    default Model withCategoryLevels(java.util.Map<Integer, List<String>> levels) {
        return this;
    }

    /**
     * The category labels of the categorical inputs whose model file names them, by input position
     * (model order): the label at index {@code k} is the category the library coded as {@code k}
     * (LightGBM's {@code pandas_categorical}, CatBoost's one-hot {@code string_values}, XGBoost's
     * stored categories). {@link FeatureMatrix#of(org.modellens.data.Snapshot, Model)} feeds such a
     * column's text as that code; inputs not in the map are read as numbers. Empty by default.
     */
    default java.util.Map<Integer, List<String>> categoryLevels() {
        return java.util.Map.of();
    }

    /** binary, multiclass or regression. */
    String task();

    /** Class labels in output order (binary: negative, positive); empty for regression. */
    List<String> classes();

    /** Raw outputs per row: 1 for binary and regression, one per class for multiclass. */
    int outputCount();

    /** "margin" when {@link #rawOutputs} are pre-link scores, "probability" when they are the model's outputs. */
    String outputSpace();

    /**
     * What one unit of {@link #rawOutputs} is, in words a report prints beside a contribution: "log-odds" for a
     * logistic link, "probability", {@link #TARGET_UNITS} when the raw output is the prediction itself.
     */
    default String outputUnits() {
        return "probability".equals(outputSpace()) ? "probability" : "regression".equals(task()) ? TARGET_UNITS : "raw score";
    }

    /** {@link #outputUnits()} of a model whose raw output is in the target's own units. */
    String TARGET_UNITS = "target units";

    /**
     * Raw outputs for rows of a feature matrix.
     *
     * @param rows  the inputs, {@link FeatureMatrix#columns()} equal to {@code features().size()}
     * @param from  first row
     * @param to    row after the last
     * @return row-major, {@code (to - from) * outputCount()} values
     */
    double[] rawOutputs(FeatureMatrix rows, int from, int to);

    /** Turns raw outputs of one row into class probabilities (classifiers) or the predicted value (regression). */
    double[] link(double[] raw);

    /**
     * What in the model file itself makes its outputs non-finite or pinned at a bound (a leaf holding
     * NaN, a base score at the link's bound), one sentence each naming the tree and leaf; empty for a
     * sound model. The data is not at fault for these.
     */
    default java.util.List<String> outputDefects() {
        return java.util.List.of();
    }

    /**
     * Scores every row of the matrix; rows the matrix marks unscorable get {@code NaN}. A row whose
     * inputs are numbers but whose raw output or score is not finite is the model's fault: it is
     * marked in {@link Predictions#modelFaults()} and keeps its score only where that is finite.
     */
    default Predictions predict(FeatureMatrix matrix) {
        int n = matrix.rows();
        int k = outputCount();
        double[] raw = rawOutputs(matrix, 0, n);
        double[] score = new double[n];
        boolean classifier = !"regression".equals(task());
        double[][] probabilities = classifier ? new double[n][] : null;
        double[] one = new double[k];
        java.util.BitSet faults = new java.util.BitSet(n);
        for (int i = 0; i < n; i++) {
            if (!matrix.scorable(i)) {
                score[i] = Double.NaN;
                if (classifier) {
                    probabilities[i] = nanArray(Math.max(2, k));
                }
                continue;
            }
            System.arraycopy(raw, i * k, one, 0, k);
            double[] linked = link(one);
            if (!allFinite(one) || !allFinite(linked)) {
                faults.set(i);
            }
            if (!classifier) {
                score[i] = linked[0];
            } else if ("binary".equals(task())) {
                probabilities[i] = new double[] {1 - linked[0], linked[0]};
                score[i] = linked[0];
            } else {
                probabilities[i] = linked;
                double best = Double.NEGATIVE_INFINITY;
                for (double p : linked) {
                    best = Math.max(best, p);
                }
                score[i] = best;
            }
        }
        for (int i = faults.nextSetBit(0); i >= 0; i = faults.nextSetBit(i + 1)) {
            if (!Double.isFinite(score[i])) {
                score[i] = Double.NaN;
            }
        }
        return new Predictions(task(), classes(), score, probabilities, faults);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double[] nanArray(int k) {
        double[] values = new double[k];
        java.util.Arrays.fill(values, Double.NaN);
        return values;
    }
}
