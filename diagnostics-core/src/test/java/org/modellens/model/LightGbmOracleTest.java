package org.modellens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modellens.explain.Explainers;
import org.modellens.explain.TreeShap;

/**
 * LightGBM 3.3 and 4.3 models against LightGBM's own outputs on the same rows (fixtures and
 * {@link LightGbmOracleGenerator}, which made them with the native library): raw scores, the
 * objective's transformed prediction and {@code pred_contrib} SHAP values, for every objective,
 * with missing values, zeros, infinities, values on thresholds, {@code inf} thresholds and
 * categorical splits (unseen, negative, fractional and huge codes) in the 240 rows of each.
 */
class LightGbmOracleTest {

    /** LightGBM and ModelLens add the same doubles in the same order: equal to the last bits or nearly. */
    static final double RAW_TOLERANCE = 1e-14;
    /** TreeSHAP sums in another order than LightGBM's recursion: rounding only. */
    static final double CONTRIBUTION_TOLERANCE = 1e-13;

    static final List<String> VERSIONS = List.of("v3", "v4");
    static final List<String> MODELS = List.of("binary", "binary-sigmoid", "cross-entropy", "regression", "regression-sqrt",
            "regression-l1", "huber", "quantile", "poisson", "gamma", "tweedie", "multiclass", "multiclassova", "lambdarank",
            "zero-as-missing", "no-missing", "linear-tree", "random-forest");

    static Stream<Arguments> models() {
        List<Arguments> cases = new ArrayList<>();
        for (String version : VERSIONS) {
            for (String model : MODELS) {
                cases.add(Arguments.of(version, model));
            }
        }
        return cases.stream();
    }

    static Path fixture(String version, String name) throws Exception {
        return Path.of(LightGbmOracleTest.class.getResource("lightgbm/" + version + "/" + name).toURI());
    }

    static JsonNode oracle(String version, String name) throws Exception {
        return new ObjectMapper().readTree(fixture(version, name + ".oracle.json").toFile());
    }

    static double number(JsonNode node) {
        return node.isTextual() ? Double.parseDouble(node.asText()) : node.asDouble();
    }

    static FeatureMatrix rows(JsonNode oracle) {
        JsonNode rows = oracle.get("rows");
        int n = rows.size();
        int p = rows.get(0).size();
        double[] values = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                values[i * p + j] = number(rows.get(i).get(j));
            }
        }
        return new FeatureMatrix(n, p, values);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void rawScoresAndPredictionsEqualLightGbm(String version, String name) throws Exception {
        JsonNode oracle = oracle(version, name);
        Model model = ModelLoader.load(fixture(version, name + ".txt"), List.of());
        assertThat(model.features()).containsExactly(LightGbmOracleGenerator.FEATURES);
        FeatureMatrix rows = rows(oracle);
        int k = model.outputCount();
        double maxPrediction = 0;
        double[] raw = model.rawOutputs(rows, 0, rows.rows());
        Predictions predictions = model.predict(rows);
        double average = averaging(version, name);
        for (int i = 0; i < rows.rows(); i++) {
            double[] one = new double[k];
            for (int g = 0; g < k; g++) {
                double expected = number(oracle.get("raw").get(i).get(g)) / average;
                close(raw[i * k + g], expected, RAW_TOLERANCE, "row %d output %d raw", i, g);
                one[g] = raw[i * k + g];
            }
            double[] linked = model.link(one);
            for (int g = 0; g < k; g++) {
                double expected = number(oracle.get("prediction").get(i).get(g));
                close(linked[g], expected, RAW_TOLERANCE, "row %d output %d prediction", i, g);
            }
            if (k == 1) {
                // A non-finite output (a linear leaf fed an infinite input) is reported as the model's fault, scored NaN.
                double score = Double.isFinite(linked[0]) ? linked[0] : Double.NaN;
                assertThat(Double.compare(predictions.score()[i], score)).as("row %d score", i).isZero();
            }
            for (int g = 0; g < k; g++) {
                maxPrediction = Math.max(maxPrediction, error(linked[g], number(oracle.get("prediction").get(i).get(g))));
            }
        }
        System.out.printf("LightGBM %s %s: max |prediction - LightGBM| = %.3g over %d rows%n", version, name, maxPrediction,
                rows.rows());
    }

    /**
     * How many trees a random forest (boosting=rf) averages; 1 otherwise. LightGBM averages them in its
     * prediction but not in its raw score or pred_contrib (GBDT::Predict divides after PredictRaw), so
     * its raw score and contributions are the sum: ModelLens's margin is the average the prediction
     * transforms, and its contributions add up to it.
     */
    static double averaging(String version, String name) throws Exception {
        String text = java.nio.file.Files.readString(fixture(version, name + ".txt"));
        if (!text.contains("\naverage_output\n")) {
            return 1;
        }
        return text.split("\nTree=").length - 1;
    }

    /** The absolute difference; 0 when both are the same infinity or both NaN. */
    static double error(double actual, double expected) {
        return Double.compare(actual, expected) == 0 ? 0 : Math.abs(actual - expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void contributionsEqualLightGbmPredContrib(String version, String name) throws Exception {
        JsonNode oracle = oracle(version, name);
        Model model = ModelLoader.load(fixture(version, name + ".txt"), List.of());
        if (name.equals("linear-tree")) {
            // LightGBM refuses pred_contrib for linear trees; ModelLens explains them model-agnostically.
            assertThat(model).isNotInstanceOf(TreeEnsemble.class);
            assertThat(oracle.has("contributions")).isFalse();
            assertThat(Explainers.forModel(model, rows(oracle), 4, 20, 1).method()).isEqualTo("permutation-shap");
            return;
        }
        TreeEnsemble ensemble = (TreeEnsemble) model;
        FeatureMatrix rows = rows(oracle);
        int p = rows.columns();
        int k = ensemble.outputCount();
        TreeShap shap = new TreeShap(ensemble);
        double[] phi = new double[p];
        double maxContribution = 0;
        double average = averaging(version, name);
        for (int i = 0; i < rows.rows(); i++) {
            JsonNode expected = oracle.get("contributions").get(i);
            assertThat(expected.size()).isEqualTo(k * (p + 1));
            for (int g = 0; g < k; g++) {
                double margin = shap.contributions(rows.values(), i * p, g, phi);
                for (int j = 0; j < p; j++) {
                    maxContribution = Math.max(maxContribution, error(phi[j], number(expected.get(g * (p + 1) + j)) / average));
                    assertThat(phi[j]).as("row %d output %d feature %d", i, g, j)
                            .isCloseTo(number(expected.get(g * (p + 1) + j)) / average,
                                    within(CONTRIBUTION_TOLERANCE));
                }
                assertThat(shap.baseValue(g)).as("bias, output %d", g)
                        .isCloseTo(number(expected.get(g * (p + 1) + p)) / average, within(CONTRIBUTION_TOLERANCE));
                assertThat(margin).isCloseTo(number(oracle.get("raw").get(i).get(g)) / average,
                        within(CONTRIBUTION_TOLERANCE));
            }
        }
        System.out.printf("LightGBM %s %s: max |contribution - pred_contrib| = %.3g over %d rows%n", version, name,
                maxContribution, rows.rows());
    }

    /** The fixtures hold what the readers must get right; a regenerated set that lost them fails here. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void fixturesExerciseTheHardCases(String version) throws Exception {
        int infThresholds = 0;
        int categorical = 0;
        int zeroType = 0;
        int wideSets = 0;
        for (String name : MODELS) {
            String text = java.nio.file.Files.readString(fixture(version, name + ".txt"));
            for (String line : text.split("\n")) {
                if (line.startsWith("threshold=")) {
                    infThresholds += line.split(" inf| inf$|=inf").length - 1;
                }
                if (line.startsWith("decision_type=")) {
                    for (String d : line.substring(14).trim().split(" ")) {
                        int type = Integer.parseInt(d);
                        categorical += type & 1;
                        zeroType += ((type >> 2) & 3) == 1 ? 1 : 0;
                    }
                }
                if (line.startsWith("cat_boundaries=")) {
                    String[] b = line.substring(15).trim().split(" ");
                    for (int i = 1; i < b.length; i++) {
                        wideSets += Integer.parseInt(b[i]) - Integer.parseInt(b[i - 1]) > 1 ? 1 : 0;
                    }
                }
            }
            JsonNode rows = oracle(version, name).get("rows");
            assertThat(rows.size()).isGreaterThanOrEqualTo(200);
        }
        assertThat(infThresholds).isGreaterThan(20);
        assertThat(categorical).isGreaterThan(100);
        assertThat(zeroType).isGreaterThan(10);
        assertThat(wideSets).as("category sets spanning two 32-bit words").isGreaterThan(10);
    }

    /** Within a relative tolerance; infinities and NaN (a linear leaf fed infinite inputs) must match exactly. */
    static void close(double actual, double expected, double tolerance, String what, Object... args) {
        if (Double.isFinite(expected)) {
            assertThat(actual).as(what, args).isCloseTo(expected, within(tolerance * Math.max(1, Math.abs(expected))));
        } else if (Double.isNaN(expected)) {
            assertThat(actual).as(what, args).isNaN();
        } else {
            assertThat(actual).as(what, args).isEqualTo(expected);
        }
    }

    static Stream<String> versions() {
        return VERSIONS.stream();
    }

    @Test
    void bothLinesAreCovered() throws Exception {
        assertThat(java.nio.file.Files.readString(fixture("v3", "binary.txt"))).contains("version=v3");
        assertThat(java.nio.file.Files.readString(fixture("v4", "binary.txt"))).contains("version=v4");
    }
}
