package org.modellens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotBuilder;
import org.modellens.data.SnapshotReaders;
import org.modellens.data.UnreadableInputException;

/**
 * A LightGBM model trained from a pandas DataFrame ends with
 * {@code pandas_categorical:[[labels of the 1st category column], ...]}; LightGBM's Python package
 * codes a value as its position in that list ({@code cat.codes}) and a label outside it as missing.
 * The line here is the one LightGBM's {@code _dump_pandas_categorical} writes, appended to a
 * LightGBM 4.3 model trained on those codes, so the oracle's scores for the coded rows are the
 * scores the labelled rows must get.
 */
class LightGbmPandasCategoricalTest {

    private static final String[] REGIONS = {"north", "south", "east", "west", "centre", "coast", "hills", "islands"};

    @TempDir
    Path dir;

    private static List<String> products() {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            names.add("P-" + (100 + k));
        }
        return names;
    }

    private Path modelWithPandasCategories() throws Exception {
        String text = Files.readString(LightGbmOracleTest.fixture("v4", "binary.txt"));
        StringBuilder line = new StringBuilder("\npandas_categorical:[[");
        for (int k = 0; k < REGIONS.length; k++) {
            line.append(k == 0 ? "" : ", ").append('"').append(REGIONS[k]).append('"');
        }
        line.append("], [");
        List<String> products = products();
        for (int k = 0; k < products.size(); k++) {
            line.append(k == 0 ? "" : ", ").append('"').append(products.get(k)).append('"');
        }
        line.append("]]\n");
        Path model = dir.resolve("pandas.txt");
        Files.writeString(model, text + line);
        return model;
    }

    @Test
    void labelsAreCodedAsPandasCodedThem() throws Exception {
        Model model = ModelLoader.load(modelWithPandasCategories(), List.of());
        assertThat(model.categoryLevels()).containsOnlyKeys(LightGbmOracleGenerator.REGION, LightGbmOracleGenerator.PRODUCT);
        assertThat(model.categoryLevels().get(LightGbmOracleGenerator.REGION)).containsExactly(REGIONS);

        JsonNode oracle = LightGbmOracleTest.oracle("v4", "binary");
        StringBuilder csv = new StringBuilder(String.join(",", LightGbmOracleGenerator.FEATURES)).append('\n');
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < oracle.get("rows").size(); i++) {
            JsonNode r = oracle.get("rows").get(i);
            double region = LightGbmOracleTest.number(r.get(3));
            double product = LightGbmOracleTest.number(r.get(4));
            boolean infinite = false;
            for (JsonNode v : r) {
                infinite |= Double.isInfinite(LightGbmOracleTest.number(v));
            }
            if (!label(region) || !label(product) || infinite) {
                continue; // fractional or negative codes have no pandas label; infinities are another test's matter
            }
            used.add(i);
            for (int j = 0; j < r.size(); j++) {
                double v = LightGbmOracleTest.number(r.get(j));
                String cell;
                if (Double.isNaN(v)) {
                    cell = "";
                } else if (j == 3) {
                    cell = v < REGIONS.length ? REGIONS[(int) v] : "atlantis";
                } else if (j == 4) {
                    cell = v < 40 ? products().get((int) v) : "P-999";
                } else {
                    cell = Double.toString(v);
                }
                csv.append(j == 0 ? "" : ",").append(cell);
            }
            csv.append('\n');
        }
        assertThat(used.size()).isGreaterThan(150);
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv.toString());
        Snapshot snapshot = SnapshotBuilder.buildTraining(SnapshotReaders.read(data), Set.of(), Set.of(), null);
        FeatureMatrix matrix = FeatureMatrix.of(snapshot, model);
        double[] raw = model.rawOutputs(matrix, 0, matrix.rows());
        for (int r = 0; r < used.size(); r++) {
            int i = used.get(r);
            // An unseen label (atlantis, P-999) is missing to pandas: the oracle row holds the unseen code, which
            // LightGBM also sends right, so the scores agree either way.
            assertThat(raw[r]).as("row %d", i).isEqualTo(LightGbmOracleTest.number(oracle.get("raw").get(i).get(0)));
        }
    }

    /** A code a pandas category column can hold: missing, or a whole non-negative number (beyond the list = unseen label). */
    private static boolean label(double code) {
        return Double.isNaN(code) || (code >= 0 && code == Math.rint(code) && code < 1e6);
    }

    @Test
    void moreCategoryListsThanCategoricalFeaturesIsRefused() throws Exception {
        String text = Files.readString(LightGbmOracleTest.fixture("v4", "binary.txt"));
        Path model = dir.resolve("three.txt");
        Files.writeString(model, text + "\npandas_categorical:[[\"a\"], [\"b\"], [\"c\"]]\n");
        assertThatThrownBy(() -> ModelLoader.load(model, List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("pandas_categorical lists 3 category columns but the model has 2 categorical features");
    }

    @Test
    void withoutTheLineTextTakesTheCodesPandasWouldHaveGivenTheTrainingLabels() throws Exception {
        Model model = ModelLoader.load(LightGbmOracleTest.fixture("v4", "binary.txt"), List.of());
        assertThat(model.categoryLevels()).isEqualTo(Map.of());
        assertThat(model.categoricalInputs()).containsExactly(LightGbmOracleGenerator.REGION, LightGbmOracleGenerator.PRODUCT);
        // Labels whose sorted order is the codes' order: astype("category") would have coded them 0, 1, ...
        JsonNode oracle = LightGbmOracleTest.oracle("v4", "binary");
        StringBuilder train = new StringBuilder(String.join(",", LightGbmOracleGenerator.FEATURES)).append('\n');
        for (int k = 0; k < 40; k++) {
            train.append("50000,0.5,40,").append(String.format("r%02d", k % 8)).append(',')
                    .append(String.format("p%02d", k)).append(",0.1\n");
        }
        StringBuilder prod = new StringBuilder(String.join(",", LightGbmOracleGenerator.FEATURES)).append('\n');
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            JsonNode r = oracle.get("rows").get(i);
            used.add(i);
            for (int j = 0; j < r.size(); j++) {
                double v = LightGbmOracleTest.number(r.get(j));
                String cell = Double.isNaN(v) ? "" : j == 3 ? String.format("r%02d", (int) v) : j == 4
                        ? String.format("p%02d", (int) v) : Double.toString(v);
                prod.append(j == 0 ? "" : ",").append(cell);
            }
            prod.append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), train.toString());
        Files.writeString(dir.resolve("prod.csv"), prod.toString());
        Snapshot trainSnapshot = SnapshotBuilder.buildTraining(SnapshotReaders.read(dir.resolve("train.csv")), Set.of(),
                Set.of(), null);
        Snapshot prodSnapshot = SnapshotBuilder.buildTraining(SnapshotReaders.read(dir.resolve("prod.csv")), Set.of(),
                Set.of(), null);
        ScoredModel scored = ScoredModel.score(null, model, trainSnapshot, prodSnapshot);
        double[] raw = scored.model().rawOutputs(scored.prod(), 0, scored.prod().rows());
        for (int r = 0; r < used.size(); r++) {
            assertThat(raw[r]).as("row %d", used.get(r))
                    .isEqualTo(LightGbmOracleTest.number(oracle.get("raw").get(used.get(r)).get(0)));
        }
    }
}
