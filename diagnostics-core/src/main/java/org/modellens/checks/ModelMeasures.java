package org.modellens.checks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.modellens.stats.ClassifierMetrics;
import org.modellens.stats.RegressionMetrics;

/** The quality metrics of one snapshot's labelled rows, by task, as the report and performance-drop show them. */
final class ModelMeasures {

    private ModelMeasures() {
    }

    /**
     * binary: auc, accuracy, logLoss, brier, f1 (at {@code threshold}), positiveRate (actual share of the positive
     * class), falseNegatives and falsePositives (rows, at {@code threshold}: a report tells "defaults missed"); multiclass: accuracy, logLoss; regression: rmse, mae, r2. Always {@code rows}: the labelled rows used.
     * Metrics that are undefined (AUC with one class) are left out.
     */
    static Map<String, Double> of(ModelOutcomes outcomes, ModelOutcomes.Side side, double threshold) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (side.labelled() == 0) {
            return metrics;
        }
        if (outcomes.regression()) {
            put(metrics, "rmse", RegressionMetrics.rmse(side.actual(), side.score()));
            put(metrics, "mae", RegressionMetrics.mae(side.actual(), side.score()));
            put(metrics, "r2", RegressionMetrics.r2(side.actual(), side.score()));
        } else if (outcomes.binary()) {
            double[] p = side.score();
            boolean[] y = side.positive();
            put(metrics, "auc", ClassifierMetrics.auc(p, y));
            put(metrics, "accuracy", ClassifierMetrics.accuracy(p, y, threshold));
            put(metrics, "logLoss", ClassifierMetrics.logLoss(p, y));
            put(metrics, "brier", ClassifierMetrics.brier(p, y));
            put(metrics, "f1", ClassifierMetrics.f1(p, y, threshold));
            put(metrics, "positiveRate", positiveRate(y));
            long missed = 0;
            long raised = 0;
            for (int i = 0; i < p.length; i++) {
                boolean decided = p[i] >= threshold;
                missed += y[i] && !decided ? 1 : 0;
                raised += !y[i] && decided ? 1 : 0;
            }
            metrics.put("falseNegatives", (double) missed);
            metrics.put("falsePositives", (double) raised);
        } else if (side.probabilities() != null) {
            put(metrics, "accuracy", ClassifierMetrics.multiclassAccuracy(side.probabilities(), side.classIndex()));
            put(metrics, "logLoss", ClassifierMetrics.multiclassLogLoss(side.probabilities(), side.classIndex()));
        }
        metrics.put("rows", (double) side.labelled());
        return metrics;
    }

    static double positiveRate(boolean[] positive) {
        long count = 0;
        for (boolean p : positive) {
            if (p) {
                count++;
            }
        }
        return positive.length == 0 ? Double.NaN : (double) count / positive.length;
    }

    /** Rows decided correctly: binary at the threshold, multiclass by the most probable class. */
    static long correct(ModelOutcomes outcomes, ModelOutcomes.Side side, double threshold) {
        long correct = 0;
        for (int i = 0; i < side.labelled(); i++) {
            if (outcomes.binary()) {
                if ((side.score()[i] >= threshold) == side.positive()[i]) {
                    correct++;
                }
            } else if (ClassifierMetrics.argmax(side.probabilities()[i]) == side.classIndex()[i]) {
                correct++;
            }
        }
        return correct;
    }

    private static void put(Map<String, Double> metrics, String name, double value) {
        if (Double.isFinite(value)) {
            metrics.put(name, value);
        }
    }
}
