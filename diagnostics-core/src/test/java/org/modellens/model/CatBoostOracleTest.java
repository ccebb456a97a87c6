package org.modellens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotBuilder;
import org.modellens.data.SnapshotReaders;
import org.modellens.data.UnreadableInputException;
import org.modellens.explain.TreeShap;

/**
 * CatBoost JSON models (built in CatBoost's schema by {@code ai.catboost.CatBoostOracleGenerator},
 * which also scored them with CatBoost's own library): raw scores equal CatBoost's on 240 rows with
 * missing values under each NaN treatment, values on and beside every border, unseen and missing
 * categories, the data's category text coded through the model's one-hot string values; TreeSHAP
 * of the unfolded oblivious trees equals brute-force Shapley values; CTR models are refused.
 */
class CatBoostOracleTest {

    /** CatBoost sums in double as ModelLens does; leaf values are scaled before summing here. */
    private static final double TOLERANCE = 1e-9;

    @TempDir
    Path dir;

    private static Path fixture(String name) throws Exception {
        return Path.of(CatBoostOracleTest.class.getResource("catboost/" + name).toURI());
    }

    /** The oracle's rows as a CSV file, read as any user's data would be. */
    private FeatureMatrix rows(JsonNode oracle, Model model) throws Exception {
        StringBuilder csv = new StringBuilder();
        ArrayNode names = (ArrayNode) oracle.get("features");
        for (int j = 0; j < names.size(); j++) {
            csv.append(j == 0 ? "" : ",").append(names.get(j).asText());
        }
        csv.append('\n');
        for (JsonNode row : oracle.get("rows")) {
            for (int j = 0; j < row.size(); j++) {
                JsonNode cell = row.get(j);
                csv.append(j == 0 ? "" : ",").append(cell.isNull() ? "" : cell.isTextual() ? cell.asText()
                        : Float.toString(cell.floatValue()));
            }
            csv.append('\n');
        }
        Path data = dir.resolve("rows.csv");
        Files.writeString(data, csv.toString());
        Snapshot snapshot = SnapshotBuilder.buildTraining(SnapshotReaders.read(data), Set.of("region", "channel"), Set.of(),
                null);
        return FeatureMatrix.of(snapshot, model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "regression", "multiclass", "poisson"})
    void rawScoresEqualCatBoostAndTreeShapEqualsBruteForce(String name) throws Exception {
        JsonNode oracle = new ObjectMapper().readTree(fixture(name + ".oracle.json").toFile());
        Model loaded = ModelLoader.load(fixture(name + ".json"), List.of());
        assertThat(loaded).isInstanceOf(TreeEnsemble.class);
        TreeEnsemble model = (TreeEnsemble) loaded;
        assertThat(model.type()).isEqualTo("catboost");
        assertThat(model.features()).containsExactly("income", "region", "ratio", "channel", "age");
        FeatureMatrix rows = rows(oracle, model);
        int k = model.outputCount();
        double[] raw = model.rawOutputs(rows, 0, rows.rows());
        double maxError = 0;
        for (int i = 0; i < rows.rows(); i++) {
            assertThat(rows.scorable(i)).isTrue();
            for (int g = 0; g < k; g++) {
                double expected = oracle.get("raw").get(i).get(g).asDouble();
                maxError = Math.max(maxError, Math.abs(raw[i * k + g] - expected));
                assertThat(raw[i * k + g]).as("row %d output %d", i, g).isCloseTo(expected, within(TOLERANCE));
            }
        }
        TreeShap shap = new TreeShap(model);
        int p = rows.columns();
        double[] phi = new double[p];
        double maxShap = 0;
        for (int i = 0; i < 60; i++) {
            for (int g = 0; g < k; g++) {
                double margin = shap.contributions(rows.values(), i * p, g, phi);
                double[] exact = BruteForceShapley.values(model, rows.values(), i * p, p, g);
                for (int j = 0; j < p; j++) {
                    maxShap = Math.max(maxShap, Math.abs(phi[j] - exact[j]));
                    assertThat(phi[j]).as("row %d output %d feature %d", i, g, j).isCloseTo(exact[j], within(1e-9));
                }
                assertThat(margin).isCloseTo(raw[i * k + g], within(1e-9));
            }
        }
        System.out.printf("CatBoost %s: max |raw - CatBoost| = %.3g over %d rows; max |TreeSHAP - brute force| = %.3g%n",
                name, maxError, rows.rows(), maxShap);
    }

    @Test
    void multiclassNamesItsClasses() throws Exception {
        Model model = ModelLoader.load(fixture("multiclass.json"), List.of());
        assertThat(model.classes()).containsExactly("low", "mid", "high");
        assertThat(model.categoryLevels().get(1)).containsExactly("north", "south", "east", "west");
    }

    @Test
    void ctrFeaturesAreRefusedSayingWhatIsNotSupported() throws Exception {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(fixture("binary.json").toFile());
        ObjectNode ctr = ((ObjectNode) root.get("features_info")).putArray("ctrs").addObject();
        ctr.put("ctr_type", "Borders");
        Path file = dir.resolve("ctr.json");
        Files.writeString(file, root.toString());
        assertThatThrownBy(() -> ModelLoader.load(file, List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("ctr.json: the CatBoost model uses CTR features")
                .hasMessageContaining("one_hot_max_size");

        ObjectNode depthwise = (ObjectNode) new ObjectMapper().readTree(fixture("binary.json").toFile());
        depthwise.set("trees", depthwise.remove("oblivious_trees"));
        Path other = dir.resolve("depthwise.json");
        Files.writeString(other, depthwise.toString());
        assertThatThrownBy(() -> ModelLoader.load(other, List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("non-symmetric trees");
    }
}
