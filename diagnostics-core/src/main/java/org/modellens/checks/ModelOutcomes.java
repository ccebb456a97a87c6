package org.modellens.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.model.ModelRun;
import org.modellens.model.Predictions;
import org.modellens.text.Outcomes;

/**
 * The model's outputs on both snapshots lined up with the true outcomes where they are known: what
 * every model-level check and the model assessment read. Rows the model could not score ({@code NaN}
 * score) are left out; rows with a missing or unmatched label are scored but unlabelled.
 */
final class ModelOutcomes {

    static final String BINARY = "binary";
    static final String MULTICLASS = "multiclass";
    static final String REGRESSION = "regression";

    final ModelRun run;
    final String task;
    final List<String> classes;
    final Side train;
    final Side prod;
    /** The held-out reference data's outputs, or {@code null} without {@code --reference}. */
    final Side reference;
    /** Target values that match no class of the model, with their row counts (both sides); empty when all matched. */
    final Map<String, Long> unmatchedLabels;
    /** The target column, or {@code null}. */
    final String target;
    /** Each class by the label the data writes for it ("1", "1.0", "yes", "default"), the model's name where no row had it. */
    final List<String> labels;

    private ModelOutcomes(ModelRun run, List<String> classes, Side train, Side prod, Side reference, Map<String, Long> unmatched,
                          String target, List<String> labels) {
        this.target = target;
        this.labels = labels;
        this.reference = reference;
        this.run = run;
        this.task = run.task();
        this.classes = classes;
        this.train = train;
        this.prod = prod;
        this.unmatchedLabels = unmatched;
    }

    /** The outcomes, or empty when there is no model or it could not score both snapshots. */
    static Optional<ModelOutcomes> of(CheckContext context) {
        Optional<ModelRun> model = context.model();
        if (model.isEmpty() || model.get().train() == null || model.get().prod() == null) {
            return Optional.empty();
        }
        ModelRun run = model.get();
        List<String> classes = run.train().classes().isEmpty() && BINARY.equals(run.task()) ? List.of("0", "1")
                : run.train().classes();
        String target = context.target().orElse(null);
        LabelEncoding encoding = new LabelEncoding(classes);
        Map<String, Long> unmatched = new LinkedHashMap<>();
        String[] seen = new String[classes.size()];
        Side train = Side.of(run.task(), run.train(), context.train(), target, encoding, unmatched, seen);
        Side prod = Side.of(run.task(), run.prod(), context.prod(), target, encoding, unmatched, seen);
        Side reference = null;
        if (context.reference().isPresent() && context.referencePredictions().isPresent()) {
            reference = Side.of(run.task(), context.referencePredictions().get(), context.reference().get(), target, encoding,
                    unmatched, seen);
            if (reference.labelled() == 0) {
                reference = null;
            }
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            labels.add(seen[k] != null ? seen[k] : classes.get(k));
        }
        return Optional.of(new ModelOutcomes(run, classes, train, prod, reference, unmatched, target, List.copyOf(labels)));
    }

    /** What production is compared with: the held-out reference when given, else the training rows (in-sample). */
    Side baseline() {
        return reference != null ? reference : train;
    }

    /** Whether the baseline is the training data the model was fitted on. */
    boolean baselineInSample() {
        return reference == null;
    }

    boolean binary() {
        return BINARY.equals(task);
    }

    boolean regression() {
        return REGRESSION.equals(task);
    }

    /** The positive class as the reports name it: "defaulted = 1", or its text label ("default"). */
    String positiveClass() {
        return Outcomes.positive(target, labels);
    }

    /**
     * One snapshot's outputs.
     *
     * @param scores       finite scores of every scored row, in row order
     * @param scoredRows   the snapshot row of each entry of {@code scores}
     * @param labelledRows snapshot rows that are scored and labelled
     * @param score        score of each labelled row
     * @param positive     binary: whether each labelled row is of the positive class
     * @param classIndex   classification: the true class of each labelled row
     * @param actual       regression: the true value of each labelled row
     * @param probabilities classification: class probabilities of each labelled row
     * @param missingLabels scored rows without a label (missing target, or the column absent)
     * @param hasTargetColumn whether the snapshot has the target column at all
     */
    record Side(double[] scores, int[] scoredRows, int[] labelledRows, double[] score, boolean[] positive, int[] classIndex,
                double[] actual, double[][] probabilities, int missingLabels, boolean hasTargetColumn) {

        int labelled() {
            return labelledRows.length;
        }

        /** @param seen per class, the first target text that matched it, filled in here */
        static Side of(String task, Predictions predictions, Snapshot snapshot, String target, LabelEncoding encoding,
                       Map<String, Long> unmatched, String[] seen) {
            Column label = target == null ? null : snapshot.column(target).orElse(null);
            boolean regression = REGRESSION.equals(task);
            int n = Math.min(predictions.rows(), snapshot.rows());
            List<Integer> scoredRows = new ArrayList<>();
            List<Integer> labelled = new ArrayList<>();
            List<Integer> classOf = new ArrayList<>();
            List<Double> actualOf = new ArrayList<>();
            int missing = 0;
            for (int row = 0; row < n; row++) {
                double s = predictions.score()[row];
                if (!Double.isFinite(s)) {
                    continue;
                }
                scoredRows.add(row);
                if (label == null || label.isMissing(row)) {
                    missing++;
                    continue;
                }
                if (regression) {
                    double y = label.numbers() != null ? label.numbers()[row] : parse(label.text(row));
                    if (Double.isNaN(y)) {
                        unmatched.merge(label.text(row), 1L, Long::sum);
                        continue;
                    }
                    labelled.add(row);
                    actualOf.add(y);
                } else {
                    int k = encoding.classIndex(label.text(row));
                    if (k < 0) {
                        unmatched.merge(label.text(row), 1L, Long::sum);
                        continue;
                    }
                    labelled.add(row);
                    classOf.add(k);
                    if (k < seen.length && seen[k] == null) {
                        seen[k] = label.text(row);
                    }
                }
            }
            double[] scores = new double[scoredRows.size()];
            int[] scored = new int[scoredRows.size()];
            for (int i = 0; i < scored.length; i++) {
                scored[i] = scoredRows.get(i);
                scores[i] = predictions.score()[scored[i]];
            }
            int m = labelled.size();
            int[] rows = new int[m];
            double[] score = new double[m];
            boolean[] positive = regression ? null : new boolean[m];
            int[] classIndex = regression ? null : new int[m];
            double[] actual = regression ? new double[m] : null;
            double[][] probabilities = predictions.probabilities() == null ? null : new double[m][];
            for (int i = 0; i < m; i++) {
                rows[i] = labelled.get(i);
                score[i] = predictions.score()[rows[i]];
                if (regression) {
                    actual[i] = actualOf.get(i);
                } else {
                    classIndex[i] = classOf.get(i);
                    positive[i] = classIndex[i] == 1;
                }
                if (probabilities != null) {
                    probabilities[i] = predictions.probabilities()[rows[i]];
                }
            }
            return new Side(scores, scored, rows, score, positive, classIndex, actual, probabilities, missing, label != null);
        }

        private static double parse(String text) {
            try {
                double v = Double.parseDouble(text.trim());
                return Double.isFinite(v) ? v : Double.NaN;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }
}
