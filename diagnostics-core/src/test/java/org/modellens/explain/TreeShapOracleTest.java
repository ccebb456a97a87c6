package org.modellens.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modellens.model.Model;
import org.modellens.model.ModelLoader;
import org.modellens.model.Predictions;
import org.modellens.model.TreeEnsemble;

/**
 * Scoring and TreeSHAP against XGBoost 1.7's own outputs (fixtures and the script that made them in
 * the test resources beside this class): every row, JSON and UBJSON files, missing values and values
 * that sit on a float32 split threshold included.
 */
class TreeShapOracleTest {

    private static final double TOLERANCE = 1e-5;

    static Stream<Arguments> models() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : XGBoostOracle.MODELS) {
            cases.add(Arguments.of(name, "json"));
            cases.add(Arguments.of(name, "ubj"));
        }
        return cases.stream();
    }

    private static TreeEnsemble load(String name, String extension) throws Exception {
        // The regression model was trained without names: XGBoost calls its inputs f0..f6.
        List<String> names = name.equals("regression") ? List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6") : List.of();
        Model model = ModelLoader.load(XGBoostOracle.modelFile(name, extension), names);
        return (TreeEnsemble) model;
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("models")
    void marginsAndPredictionsEqualXGBoost(String name, String extension) throws Exception {
        XGBoostOracle oracle = XGBoostOracle.load(name);
        TreeEnsemble model = load(name, extension);
        int n = oracle.rows().rows();
        double[] raw = model.rawOutputs(oracle.rows(), 0, n);
        Predictions predictions = model.predict(oracle.rows());
        for (int i = 0; i < n; i++) {
            for (int g = 0; g < oracle.groups(); g++) {
                assertThat(raw[i * oracle.groups() + g]).as("row %d group %d margin", i, g)
                        .isCloseTo(oracle.margin(i, g), within(TOLERANCE));
            }
            if (oracle.groups() == 1) {
                // XGBoost returns float32: compare to float32's relative precision.
                double expected = oracle.prediction().get(i).asDouble();
                assertThat(predictions.score()[i]).as("row %d", i)
                        .isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
            } else {
                for (int g = 0; g < oracle.groups(); g++) {
                    assertThat(predictions.probabilities()[i][g]).as("row %d class %d", i, g)
                            .isCloseTo(oracle.prediction().get(i).get(g).asDouble(), within(1e-6));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("models")
    void contributionsEqualXGBoostPredContribs(String name, String extension) throws Exception {
        XGBoostOracle oracle = XGBoostOracle.load(name);
        TreeEnsemble model = load(name, extension);
        TreeShap shap = new TreeShap(model);
        int p = model.features().size();
        double[] phi = new double[p];
        double[] x = oracle.rows().values();
        for (int i = 0; i < oracle.rows().rows(); i++) {
            for (int g = 0; g < oracle.groups(); g++) {
                double[] expected = oracle.contribs(i, g);
                double margin = shap.contributions(x, i * p, g, phi);
                for (int j = 0; j < p; j++) {
                    assertThat(phi[j]).as("row %d group %d feature %d", i, g, j).isCloseTo(expected[j], within(TOLERANCE));
                }
                assertThat(shap.baseValue(g)).as("bias, group %d", g).isCloseTo(expected[p], within(TOLERANCE));
                assertThat(margin).isCloseTo(oracle.margin(i, g), within(TOLERANCE));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"binary", "regression", "multiclass"})
    void fixturesExerciseMissingValuesAndFloat32Thresholds(String name) throws Exception {
        XGBoostOracle oracle = XGBoostOracle.load(name);
        TreeEnsemble model = load(name, "json");
        double[] x = oracle.rows().values();
        int missing = 0;
        int onThreshold = 0;
        int p = model.features().size();
        for (double v : x) {
            missing += Double.isNaN(v) ? 1 : 0;
        }
        // Rows where a double comparison would disagree with XGBoost's float32 comparison.
        for (int node = 0; node < model.nodeCount(); node++) {
            if (model.isLeaf(node)) {
                continue;
            }
            for (int i = 0; i < oracle.rows().rows(); i++) {
                double v = x[i * p + model.splitFeature(node)];
                float t = (float) v;
                if (!Double.isNaN(v) && v != (double) t && model.next(node, v) == model.right(node)) {
                    onThreshold++;
                }
            }
        }
        assertThat(missing).isGreaterThan(100);
        assertThat(onThreshold).isGreaterThan(10);
    }
}
