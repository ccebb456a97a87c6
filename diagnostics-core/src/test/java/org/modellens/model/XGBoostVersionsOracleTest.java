package org.modellens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modellens.explain.TreeShap;

/**
 * Every XGBoost model fixture (one folder per XGBoost version, made by the library itself: see
 * make_xgboost4j_fixtures.sh and make_xgboost_pandas_fixtures.py beside them) loads whatever its file
 * name, and its margins, predictions and TreeSHAP contributions for every output group equal
 * XGBoost's own (predict, pred_contribs) within 1e-5 on every test row: missing values, one-hot and
 * partition categorical splits, an unseen category code, vector leaves included. The largest errors
 * measured are written to target/xgboost-oracle-table.md.
 */
class XGBoostVersionsOracleTest {

    private static final double TOLERANCE = 1e-5;
    private static final Path ROOT = resource("/org/modellens/model/xgboost");
    private static final Map<String, String> TABLE = new ConcurrentHashMap<>();

    private static Path resource(String name) {
        try {
            return Path.of(XGBoostVersionsOracleTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> models() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> versions = Files.list(ROOT)) {
            for (Path version : versions.filter(Files::isDirectory).sorted().toList()) {
                JsonNode oracle = oracle(version);
                for (Iterator<String> names = oracle.get("models").fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    try (Stream<Path> files = Files.list(version)) {
                        for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name + ".")).sorted().toList()) {
                            cases.add(Arguments.of(version.getFileName().toString(), name, file.getFileName().toString()));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    private static final Map<String, JsonNode> ORACLES = new ConcurrentHashMap<>();

    static JsonNode oracle(Path version) throws IOException {
        JsonNode cached = ORACLES.get(version.toString());
        if (cached == null) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(version.resolve("oracle.json.gz")))) {
                cached = new ObjectMapper().readTree(in);
            }
            ORACLES.put(version.toString(), cached);
        }
        return cached;
    }

    static FeatureMatrix rows(JsonNode oracle) {
        JsonNode rows = oracle.get("rows");
        int n = rows.size();
        int p = rows.get(0).size();
        double[] values = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                JsonNode cell = rows.get(i).get(j);
                values[i * p + j] = cell.isNull() ? Double.NaN : cell.asDouble();
            }
        }
        return new FeatureMatrix(n, p, values);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("models")
    void scoresAndContributionsEqualXGBoost(String version, String name, String file) throws Exception {
        JsonNode oracle = oracle(ROOT.resolve(version));
        JsonNode expected = oracle.get("models").get(name);
        String objective = expected.get("objective").asText();
        TreeEnsemble model = (TreeEnsemble) ModelLoader.load(ROOT.resolve(version).resolve(file), List.of());
        FeatureMatrix rows = rows(oracle);
        int n = rows.rows();
        int p = rows.columns();
        int k = model.outputCount();
        assertThat(model.features()).containsExactlyElementsOf(names(oracle.get("features")));

        double[] raw = model.rawOutputs(rows, 0, n);
        Predictions predictions = model.predict(rows);
        double marginError = 0;
        double predictionError = 0;
        for (int i = 0; i < n; i++) {
            JsonNode margin = expected.get("margin").get(i);
            JsonNode prediction = expected.get("prediction").get(i);
            for (int g = 0; g < k; g++) {
                double m = margin.get(g).asDouble();
                marginError = Math.max(marginError, Math.abs(raw[i * k + g] - m) / Math.max(1, Math.abs(m)));
            }
            if (objective.equals("multi:softmax")) {
                int best = 0;
                for (int g = 1; g < k; g++) {
                    best = raw[i * k + g] > raw[i * k + best] ? g : best;
                }
                assertThat((double) best).as("row %d class", i).isEqualTo(prediction.get(0).asDouble());
            } else if (objective.equals("multi:softprob")) {
                for (int g = 0; g < k; g++) {
                    predictionError = Math.max(predictionError,
                            Math.abs(predictions.probabilities()[i][g] - prediction.get(g).asDouble()));
                }
            } else {
                // binary:logitraw and rank:* predict the margin itself.
                double ours = objective.equals("binary:logitraw") || objective.startsWith("rank:") ? raw[i]
                        : predictions.score()[i];
                double theirs = prediction.get(0).asDouble();
                predictionError = Math.max(predictionError, Math.abs(ours - theirs) / Math.max(1, Math.abs(theirs)));
            }
        }
        assertThat(marginError).as("largest margin error").isLessThan(TOLERANCE);
        assertThat(predictionError).as("largest prediction error").isLessThan(TOLERANCE);

        double contributionError = Double.NaN;
        JsonNode contribs = expected.get("contribs");
        if (!contribs.isNull()) {
            assertThat(model.hasCovers()).isTrue();
            contributionError = 0;
            TreeShap shap = new TreeShap(model);
            double[][] phi = new double[k][p];
            double[] margins = new double[k];
            for (int i = 0; i < n; i++) {
                shap.contributionsAllGroups(rows.values(), i * p, phi, margins);
                JsonNode row = contribs.get(i);
                assertThat(row.size()).isEqualTo(k * (p + 1));
                for (int g = 0; g < k; g++) {
                    for (int j = 0; j < p; j++) {
                        contributionError = Math.max(contributionError,
                                Math.abs(phi[g][j] - row.get(g * (p + 1) + j).asDouble()));
                    }
                    contributionError = Math.max(contributionError,
                            Math.abs(shap.baseValue(g) - row.get(g * (p + 1) + p).asDouble()));
                }
            }
            assertThat(contributionError).as("largest contribution error").isLessThan(TOLERANCE);
        } else {
            assertThat(model.hasCovers()).as("no pred_contribs: the file has no covers").isFalse();
        }
        String format = ModelFormat.detect(Files.readAllBytes(ROOT.resolve(version).resolve(file))) == ModelFormat.UBJSON
                ? "UBJSON" : "JSON";
        TABLE.put(version + " " + name + " " + file, String.format(Locale.ROOT, "| XGBoost | %s (%s) | %s%s | %s (`%s`) | %.1e | %s |",
                oracle.get("version").asText(), oracle.get("library").asText(), objective,
                name.contains("output-tree") ? " (multi_output_tree)" : "", format, file, Math.max(marginError, predictionError),
                Double.isNaN(contributionError) ? "no SHAP in this version" : String.format(Locale.ROOT, "%.1e", contributionError)));
    }

    /**
     * The whole road from text: pandas category labels in CSV files, read as snapshots, coded as
     * pandas codes them for a model that stores no labels (XGBoost 1.7: sorted training labels, by
     * code point), scored equal to XGBoost's own predictions on the DataFrame.
     */
    @org.junit.jupiter.api.Test
    void pandasCategoryLabelsGetTheCodesXGBoostWasTrainedOn() throws Exception {
        Path version = ROOT.resolve("v1.7.4");
        JsonNode oracle = oracle(version);
        org.modellens.data.Snapshot train = org.modellens.data.SnapshotBuilder.buildTraining(
                org.modellens.data.SnapshotReaders.read(version.resolve("train.csv")), java.util.Set.of(), java.util.Set.of(), null);
        org.modellens.data.Snapshot test = org.modellens.data.SnapshotBuilder.buildTraining(
                org.modellens.data.SnapshotReaders.read(version.resolve("test.csv")), java.util.Set.of(), java.util.Set.of(), null);
        for (String name : List.of("binary-logistic", "multi-softprob", "reg-gamma")) {
            Model model = ModelLoader.load(version.resolve(name + ".json"), List.of());
            assertThat(model.categoricalInputs()).containsExactly(3, 4);
            ScoredModel scored = ScoredModel.score(null, model, train, test);
            assertThat(scored.model().categoryLevels().get(4)).startsWith("Berlin", "Lyon").endsWith("bern", "\u00c5lesund");
            FeatureMatrix rows = rows(oracle);
            for (int i = 0; i < rows.rows(); i++) {
                for (int j : List.of(3, 4)) {
                    assertThat(Double.valueOf(scored.prod().get(i, j))).as("row %d column %d", i, j).isEqualTo(Double.valueOf(rows.get(i, j)));
                }
            }
            int k = model.outputCount();
            double[] raw = scored.model().rawOutputs(scored.prod(), 0, rows.rows());
            JsonNode margin = oracle.get("models").get(name).get("margin");
            for (int i = 0; i < rows.rows(); i++) {
                for (int g = 0; g < k; g++) {
                    assertThat(raw[i * k + g]).isCloseTo(margin.get(i).get(g).asDouble(), org.assertj.core.api.Assertions.within(TOLERANCE));
                }
            }
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    @AfterAll
    static void writeTable() throws IOException {
        StringBuilder table = new StringBuilder("| library | version | objective | format (file) | max prediction error | "
                + "max contribution error |\n|---|---|---|---|---|---|\n");
        new TreeMap<>(TABLE).values().forEach(row -> table.append(row).append('\n'));
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("xgboost-oracle-table.md"), table);
        }
    }
}
