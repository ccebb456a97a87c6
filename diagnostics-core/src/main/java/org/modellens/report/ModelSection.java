package org.modellens.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the report says about the model: where it came from and how well it did on each side.
 *
 * @param path          the model file
 * @param type          xgboost, lightgbm, onnx or tribuo
 * @param features      the model's input columns, in model order
 * @param task          binary, multiclass or regression
 * @param trainMetrics  metric name to value on the training snapshot (auc, accuracy, logLoss, brier, f1; rmse, mae, r2)
 * @param prodMetrics   the same on production; empty when production has no labels and no estimate applies
 * @param prodEstimated {@code true} when {@code prodMetrics} are estimated from confidence (no production labels)
 * @param threshold     decision threshold for binary classifiers, {@code NaN} otherwise
 * @param curves        ROC and calibration curves per side; empty when they do not apply
 * @param cost          expected cost under the cost matrix, or {@code null} when it does not apply
 * @param referenceMetrics the same metrics on the held-out reference data ({@code --reference}); empty without it
 * @param classLabels   classification: each of the model's classes by its label as written in the target
 *                      column (a binary model's second class is the positive one); empty otherwise or unknown
 */
public record ModelSection(String path, String type, List<String> features, String task,
                           Map<String, Double> trainMetrics, Map<String, Double> prodMetrics, boolean prodEstimated,
                           double threshold, List<Curve> curves, CostSummary cost, Map<String, Double> referenceMetrics,
                           List<String> classLabels) {

    public ModelSection {
        Objects.requireNonNull(type, "type");
        features = List.copyOf(features);
        trainMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(trainMetrics));
        prodMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(prodMetrics));
        referenceMetrics = referenceMetrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(referenceMetrics));
        curves = List.copyOf(curves);
        classLabels = classLabels == null ? List.of() : List.copyOf(classLabels);
    }

    /** A model section whose classes are not named. */
    public ModelSection(String path, String type, List<String> features, String task,
                        Map<String, Double> trainMetrics, Map<String, Double> prodMetrics, boolean prodEstimated,
                        double threshold, List<Curve> curves, CostSummary cost, Map<String, Double> referenceMetrics) {
        this(path, type, features, task, trainMetrics, prodMetrics, prodEstimated, threshold, curves, cost, referenceMetrics,
                List.of());
    }

    /** A model section without reference data. */
    public ModelSection(String path, String type, List<String> features, String task,
                        Map<String, Double> trainMetrics, Map<String, Double> prodMetrics, boolean prodEstimated,
                        double threshold, List<Curve> curves, CostSummary cost) {
        this(path, type, features, task, trainMetrics, prodMetrics, prodEstimated, threshold, curves, cost, Map.of());
    }

    /**
     * A curve to draw: ROC (x = false positive rate, y = true positive rate) or calibration
     * (x = mean predicted probability in a bin, y = observed positive rate).
     *
     * @param kind   "roc" or "calibration"
     * @param side   "train" or "prod"
     * @param counts calibration: the rows in each point's bin (a point resting on few rows is noise); empty for ROC
     */
    public record Curve(String kind, String side, double[] x, double[] y, long[] counts) {

        public Curve {
            counts = counts == null ? new long[0] : counts;
        }

        /** A curve whose points carry no row counts (ROC). */
        public Curve(String kind, String side, double[] x, double[] y) {
            this(kind, side, x, y, new long[0]);
        }
    }

    /**
     * Expected cost of the model's decisions under a cost matrix.
     *
     * @param falsePositiveCost cost of one false positive
     * @param falseNegativeCost cost of one false negative
     * @param threshold         score at or above which the decision is positive
     * @param trainCostPerRow   average cost per row on training
     * @param prodCostPerRow    average cost per row on production ({@code NaN} without production labels)
     * @param prodEstimated     {@code true} when the production cost is estimated from confidence
     */
    public record CostSummary(double falsePositiveCost, double falseNegativeCost, double threshold,
                              double trainCostPerRow, double prodCostPerRow, boolean prodEstimated) {
    }
}
