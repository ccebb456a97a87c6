package org.modellens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Model metrics against scikit-learn 1.2.1: the expected values were computed by
 * {@code make_model_metric_oracles.py} (beside the fixture {@code model_metric_oracles.json}); DeLong's
 * variance there is the O(m n) pairwise definition, independent of the sort-based Java code.
 */
class ModelMetricsOracleTest {

    private static final double TOLERANCE = 1e-12;
    private static JsonNode root;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = ModelMetricsOracleTest.class.getResourceAsStream("model_metric_oracles.json")) {
            root = new ObjectMapper().readTree(in);
        }
    }

    private static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    private static boolean[] labels(JsonNode n) {
        boolean[] out = new boolean[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asInt() == 1;
        }
        return out;
    }

    private static void assertClose(double actual, JsonNode expected, String what) {
        double e = expected.asDouble();
        assertThat(actual).as(what).isCloseTo(e, within(TOLERANCE * Math.max(1, Math.abs(e))));
    }

    private static void assertArrayClose(double[] actual, JsonNode expected, String what) {
        assertThat(actual).as(what + " length").hasSize(expected.size());
        for (int i = 0; i < actual.length; i++) {
            assertClose(actual[i], expected.get(i), what + "[" + i + "]");
        }
    }

    @Test
    void binaryMetricsEqualSklearn() {
        for (JsonNode c : root.get("binary")) {
            String name = c.get("name").asText();
            double[] score = doubles(c.get("score"));
            boolean[] y = labels(c.get("y"));
            double t = c.get("threshold").asDouble();
            assertClose(ClassifierMetrics.auc(score, y), c.get("auc"), name + " auc");
            assertClose(ClassifierMetrics.accuracy(score, y, t), c.get("accuracy"), name + " accuracy");
            assertClose(ClassifierMetrics.f1(score, y, t), c.get("f1"), name + " f1");
            assertClose(ClassifierMetrics.logLoss(score, y), c.get("logLoss"), name + " log-loss");
            assertClose(ClassifierMetrics.brier(score, y), c.get("brier"), name + " brier");
            assertClose(AucComparison.delongVariance(score, y), c.get("delongVariance"), name + " DeLong variance");
        }
    }

    @Test
    void rocCurveEqualsSklearnRocCurve() {
        for (JsonNode c : root.get("binary")) {
            String name = c.get("name").asText();
            RocCurve roc = RocCurve.of(doubles(c.get("score")), labels(c.get("y")));
            assertArrayClose(roc.falsePositiveRate(), c.get("rocFpr"), name + " fpr");
            assertArrayClose(roc.truePositiveRate(), c.get("rocTpr"), name + " tpr");
            assertArrayClose(roc.thresholds(), c.get("rocThresholds"), name + " thresholds");
        }
    }

    @Test
    void calibrationCurveEqualsSklearnCalibrationCurve() {
        for (JsonNode c : root.get("binary")) {
            String name = c.get("name").asText();
            CalibrationCurve curve = CalibrationCurve.of(doubles(c.get("score")), labels(c.get("y")), 10);
            assertArrayClose(curve.observedRate(), c.get("calibrationObserved"), name + " observed");
            assertArrayClose(curve.meanPredicted(), c.get("calibrationPredicted"), name + " predicted");
        }
    }

    @Test
    void isotonicCalibrationEqualsSklearnIsotonicRegression() {
        for (JsonNode c : root.get("binary")) {
            IsotonicCalibration calibration = IsotonicCalibration.fit(doubles(c.get("score")), labels(c.get("y")));
            assertArrayClose(calibration.apply(doubles(c.get("isotonicInput"))), c.get("isotonicOutput"),
                    c.get("name").asText() + " isotonic");
        }
    }

    @Test
    void confidenceBasedEstimateEqualsWeightedSklearnMetrics() {
        for (JsonNode c : root.get("binary")) {
            String name = c.get("name").asText();
            double[] score = doubles(c.get("isotonicInput"));
            double[] q = doubles(c.get("isotonicOutput"));
            double t = c.get("threshold").asDouble();
            assertClose(ConfidenceBasedEstimate.auc(score, q), c.get("estimatedAuc"), name + " estimated AUC");
            ConfidenceBasedEstimate.ExpectedConfusion confusion = ConfidenceBasedEstimate.confusion(score, q, t);
            assertClose(confusion.accuracy(), c.get("estimatedAccuracy"), name + " estimated accuracy");
            assertClose(confusion.f1(), c.get("estimatedF1"), name + " estimated F1");
        }
    }

    @Test
    void multiclassMetricsEqualSklearn() {
        for (JsonNode c : root.get("multiclass")) {
            JsonNode rows = c.get("probabilities");
            double[][] probabilities = new double[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                probabilities[i] = doubles(rows.get(i));
            }
            int[] actual = new int[c.get("actual").size()];
            for (int i = 0; i < actual.length; i++) {
                actual[i] = c.get("actual").get(i).asInt();
            }
            String name = c.get("name").asText();
            assertClose(ClassifierMetrics.multiclassAccuracy(probabilities, actual), c.get("accuracy"), name + " accuracy");
            assertClose(ClassifierMetrics.multiclassLogLoss(probabilities, actual), c.get("logLoss"), name + " log-loss");
        }
    }

    @Test
    void regressionMetricsEqualSklearn() {
        for (JsonNode c : root.get("regression")) {
            String name = c.get("name").asText();
            double[] actual = doubles(c.get("actual"));
            double[] predicted = doubles(c.get("predicted"));
            assertClose(RegressionMetrics.rmse(actual, predicted), c.get("rmse"), name + " rmse");
            assertClose(RegressionMetrics.mae(actual, predicted), c.get("mae"), name + " mae");
            assertClose(RegressionMetrics.r2(actual, predicted), c.get("r2"), name + " r2");
        }
    }

    @Test
    void aucIsNotDefinedWithOneClassAndDeLongGatesEqualAucs() {
        assertThat(ClassifierMetrics.auc(new double[] {0.1, 0.9}, new boolean[] {true, true})).isNaN();
        assertThat(AucComparison.pValue(0.8, 1e-4, 0.8, 1e-4)).isEqualTo(1.0);
        // z = 0.05 / sqrt(2e-4) = 3.536: two-sided p = 4.07e-4 (scipy.stats.norm.sf(3.5355339) * 2).
        assertThat(AucComparison.pValue(0.85, 1e-4, 0.80, 1e-4)).isCloseTo(4.0695e-4, within(1e-7));
    }
}
