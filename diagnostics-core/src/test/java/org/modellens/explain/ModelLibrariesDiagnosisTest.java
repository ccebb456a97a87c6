package org.modellens.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.Explanations;
import org.modellens.settings.Settings;

/**
 * The whole diagnosis with a model of each library read here (LightGBM with categorical splits and
 * its linear trees, CatBoost, scikit-learn trees in ONNX): the data's text categories are coded as
 * the library coded them, every row scores, and the explainer is the exact one where there is one.
 */
class ModelLibrariesDiagnosisTest {

    @TempDir
    Path dir;

    /** The oracle's rows as training and production CSV files (categories as text where the model names them). */
    private Path csv(String name, JsonNode oracle, int from, int to, String[][] labels) throws Exception {
        List<String> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        oracle.get("features").forEach(f -> header.add(f.asText()));
        lines.add(String.join(",", header));
        for (int i = from; i < to; i++) {
            JsonNode row = oracle.get("rows").get(i);
            List<String> cells = new ArrayList<>();
            for (int j = 0; j < row.size(); j++) {
                JsonNode cell = row.get(j);
                String text = cell.isNull() ? "" : cell.asText();
                if (text.equals("NaN")) {
                    text = "";
                }
                if (labels != null && labels[j] != null && !text.isEmpty()) {
                    double code = Double.parseDouble(text);
                    text = code >= 0 && code < labels[j].length && code == Math.rint(code) ? labels[j][(int) code] : "unseen";
                }
                cells.add(text);
            }
            lines.add(String.join(",", cells));
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    @ParameterizedTest
    @CsvSource({
        "model/lightgbm/v4/binary.txt, model/lightgbm/v4/binary.oracle.json, lightgbm, tree-shap",
        "model/lightgbm/v3/multiclass.txt, model/lightgbm/v3/multiclass.oracle.json, lightgbm, tree-shap",
        "model/lightgbm/v4/linear-tree.txt, model/lightgbm/v4/linear-tree.oracle.json, lightgbm, permutation-shap",
        "model/catboost/binary.json, model/catboost/binary.oracle.json, catboost, tree-shap"})
    void theDiagnosisScoresAndExplainsEveryRow(String modelFile, String oracleFile, String type, String method) throws Exception {
        Path model = Path.of(getClass().getResource("/org/modellens/" + modelFile).toURI());
        JsonNode oracle = new ObjectMapper().readTree(Path.of(getClass().getResource("/org/modellens/" + oracleFile).toURI())
                .toFile());
        String[][] labels = null;
        if (type.equals("lightgbm")) {
            // LightGBM's categorical columns as text; the pandas_categorical line tells the codes.
            String[] regions = {"north", "south", "east", "west", "centre", "coast", "hills", "islands"};
            String[] products = new String[40];
            for (int k = 0; k < 40; k++) {
                products[k] = "P-" + (100 + k);
            }
            labels = new String[][] {null, null, null, regions, products, null};
            Path copy = dir.resolve("model.txt");
            Files.writeString(copy, Files.readString(model) + "\npandas_categorical:" + new ObjectMapper()
                    .writeValueAsString(List.of(List.of(regions), List.of(products))) + "\n");
            model = copy;
        }
        Path train = csv("train.csv", oracle, 0, 100, labels);
        Path prod = csv("prod.csv", oracle, 100, 180, labels);
        DiagnosisRequest request = new DiagnosisRequest(train, prod, null, "auto", Set.of(), Set.of(), Settings.defaults(),
                model, List.of(), ExplainRows.first(40));

        DiagnosticReport report = Diagnosis.run(request, (stage, fraction) -> { });

        assertThat(report.model().type()).isEqualTo(type);
        assertThat(report.findings()).noneMatch(f -> f.check().equals("type-mismatch") && f.feature() == null);
        Explanations explanations = report.explanations();
        assertThat(explanations.method()).isEqualTo(method);
        assertThat(explanations.rows()).hasSize(40);
        if (method.equals("tree-shap")) {
            for (Explanations.RowExplanation row : explanations.rows()) {
                double sum = row.baseValue() + row.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
                assertThat(sum).isCloseTo(row.margin(), within(1e-9));
            }
        }
    }
}
