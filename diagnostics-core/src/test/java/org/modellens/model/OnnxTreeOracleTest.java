package org.modellens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modellens.explain.Explainer;
import org.modellens.explain.Explainers;
import org.modellens.explain.TreeShap;

/**
 * scikit-learn tree ensembles exported as ONNX-ML TreeEnsembleClassifier / TreeEnsembleRegressor
 * (files and the script that built them in {@code onnx-trees/}), read as trees: every score equals
 * ONNX Runtime's on 300 rows with missing values in every column, category codes (seen, unseen,
 * negative) and values on split thresholds; TreeSHAP equals brute-force Shapley values of the same
 * path-dependent value function, with node covers counted from training-like rows.
 */
class OnnxTreeOracleTest {

    /** ONNX Runtime sums float32 weights; ModelLens sums the same weights in double. */
    private static final double TOLERANCE = 1e-5;
    private static final int FEATURES = 6;

    private static Path file(String name) throws Exception {
        return Path.of(OnnxTreeOracleTest.class.getResource("onnx-trees/" + name + ".onnx").toURI());
    }

    /** Training-like rows; {@code edges} adds missing values everywhere, odd codes and threshold values. */
    static FeatureMatrix rows(Random random, int n, TreeEnsemble model, boolean edges) {
        List<Double>[] thresholds = thresholds(model);
        double[] x = new double[n * FEATURES];
        for (int i = 0; i < n; i++) {
            double[] r = {
                Math.round(random.nextGaussian() * 20_000 + 50_000), random.nextDouble() * 2 - 0.5, 18 + random.nextInt(60),
                random.nextInt(6), Math.round(random.nextDouble() * 150) / 10.0, random.nextGaussian()};
            if (edges) {
                for (int j = 0; j < FEATURES; j++) {
                    double u = random.nextDouble();
                    if (u < 0.12) {
                        r[j] = Double.NaN;
                    } else if (u < 0.45 && !thresholds[j].isEmpty()) {
                        r[j] = thresholds[j].get(random.nextInt(thresholds[j].size()));
                    } else if (j == 3 && u < 0.55) {
                        r[j] = new double[] {-1, 6, 17, 2.5}[random.nextInt(4)];
                    }
                }
            }
            System.arraycopy(r, 0, x, i * FEATURES, FEATURES);
        }
        return new FeatureMatrix(n, FEATURES, x);
    }

    @SuppressWarnings("unchecked")
    private static List<Double>[] thresholds(TreeEnsemble model) {
        List<Double>[] t = new List[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            t[j] = new ArrayList<>();
        }
        for (int node = 0; node < model.nodeCount(); node++) {
            if (!model.isLeaf(node)) {
                // The float32 threshold itself: the value a float32 comparison is decided on.
                t[model.splitFeature(node)].add((double) (float) model.threshold(node));
            }
        }
        return t;
    }

    /** ONNX Runtime's output for the rows: the probabilities (classifiers) or the prediction. */
    static float[][] runtime(Path file, FeatureMatrix rows) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(file.toString(), new OrtSession.SessionOptions())) {
            float[] input = new float[rows.values().length];
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) rows.values()[i];
            }
            String name = session.getOutputNames().contains("probabilities") ? "probabilities" : "variable";
            try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input),
                    new long[] {rows.rows(), FEATURES}); OrtSession.Result result = session.run(Map.of("X", tensor))) {
                return (float[][]) result.get(name).orElseThrow().getValue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"random-forest-binary", "random-forest-multiclass", "extra-trees-regression",
        "gradient-boosting-binary", "gradient-boosting-regression", "hist-gradient-boosting-binary",
        "hist-gradient-boosting-multiclass", "hist-gradient-boosting-regression"})
    void scoresEqualOnnxRuntimeAndTreeShapEqualsBruteForce(String name) throws Exception {
        Model loaded = ModelLoader.load(file(name), List.of());
        assertThat(loaded).as("read as trees").isInstanceOf(TreeEnsemble.class);
        TreeEnsemble model = (TreeEnsemble) loaded;
        assertThat(model.features()).containsExactly("income", "ratio", "age", "region", "tenure", "score");
        FeatureMatrix rows = rows(new Random(name.hashCode()), 300, model, true);
        float[][] expected = runtime(file(name), rows);
        Predictions predictions = model.predict(rows);
        double maxError = 0;
        int missing = 0;
        for (int i = 0; i < rows.rows(); i++) {
            for (int j = 0; j < FEATURES; j++) {
                missing += Double.isNaN(rows.get(i, j)) ? 1 : 0;
            }
            if ("regression".equals(model.task())) {
                maxError = Math.max(maxError, Math.abs(predictions.score()[i] - expected[i][0]));
                assertThat(predictions.score()[i]).as("row %d", i).isCloseTo(expected[i][0], within(TOLERANCE));
            } else {
                for (int c = 0; c < expected[i].length; c++) {
                    maxError = Math.max(maxError, Math.abs(predictions.probabilities()[i][c] - expected[i][c]));
                    assertThat(predictions.probabilities()[i][c]).as("row %d class %d", i, c)
                            .isCloseTo(expected[i][c], within(TOLERANCE));
                }
            }
        }
        assertThat(missing).isGreaterThan(100);

        // TreeSHAP with covers from 400 training-like rows, against the Shapley values computed from their definition.
        TreeEnsemble counted = TreeCovers.fromRows(model, rows(new Random(7), 400, model, false));
        TreeShap shap = new TreeShap(counted);
        double[] phi = new double[FEATURES];
        double maxShap = 0;
        for (int i = 0; i < 30; i++) {
            for (int g = 0; g < model.outputCount(); g++) {
                double margin = shap.contributions(rows.values(), i * FEATURES, g, phi);
                double[] exact = BruteForceShapley.values(counted, rows.values(), i * FEATURES, FEATURES, g);
                for (int j = 0; j < FEATURES; j++) {
                    maxShap = Math.max(maxShap, Math.abs(phi[j] - exact[j]));
                    assertThat(phi[j]).as("row %d output %d feature %d", i, g, j).isCloseTo(exact[j], within(1e-9));
                }
                assertThat(margin).isCloseTo(model.rawOutputs(rows, i, i + 1)[g], within(1e-9));
            }
        }
        System.out.printf("ONNX %s: max |prediction - ONNX Runtime| = %.3g over %d rows; max |TreeSHAP - brute force| = %.3g%n",
                name, maxError, rows.rows(), maxShap);

        // The explainer counts the covers from the training rows it is given: exact TreeSHAP, not the estimate.
        Explainer explainer = Explainers.forModel(model, rows(new Random(7), 400, model, false), 4, 20, 1);
        assertThat(explainer.method()).isEqualTo("tree-shap");
    }
}
