package org.modellens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diagnose --model} end to end on the sample case and its XGBoost model. */
class DiagnoseWithModelTest {

    private static final Path TRAIN = Path.of("../sample-data/case/train.csv");
    private static final Path PROD = Path.of("../sample-data/case/prod.csv");
    private static final Path MODEL = Path.of("../sample-data/case/model.json");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.diagnose(args);
    }

    private JsonNode report(String... args) throws IOException {
        Path json = dir.resolve("report.json");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--json", json.toString(), "--fail-on", "never"));
        CliRun run = run(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(json.toFile());
    }

    /**
     * A multiclass XGBoost model with pandas category inputs (fixture made by XGBoost 1.7 from CSV text):
     * the categories are coded as pandas coded them, and with --explain-classes all every row is explained
     * once per class, each naming it; XGBoost's own margins are the oracle.
     */
    @Test
    void multiclassRowsAreExplainedPerNamedClass() throws Exception {
        Path fixtures = Path.of("../diagnostics-core/src/test/resources/org/modellens/model/xgboost/v1.7.4");
        JsonNode report = report("--train", fixtures.resolve("train.csv").toString(), "--prod",
                fixtures.resolve("test.csv").toString(), "--model", fixtures.resolve("multi-softprob.json").toString(),
                "--explain-rows", "3", "--explain-classes", "all");

        JsonNode rows = report.at("/explanations/rows");
        assertThat(rows).hasSize(9);
        JsonNode oracle;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(fixtures.resolve("oracle.json.gz")))) {
            oracle = new ObjectMapper().readTree(in).at("/models/multi-softprob/margin");
        }
        for (int r = 0; r < 9; r++) {
            JsonNode row = rows.get(r);
            int index = row.get("rowIndex").asInt();
            assertThat(index).isEqualTo(r / 3);
            assertThat(row.get("class").asText()).isEqualTo(String.valueOf(r % 3));
            JsonNode margins = oracle.get(index);
            int predicted = 0;
            for (int g = 1; g < 3; g++) {
                predicted = margins.get(g).asDouble() > margins.get(predicted).asDouble() ? g : predicted;
            }
            assertThat(row.get("predictedClass").asText()).isEqualTo(String.valueOf(predicted));
            assertThat(row.get("margin").asDouble()).isCloseTo(margins.get(r % 3).asDouble(), within(1e-5));
        }
        CliRun bad = run("--train", fixtures.resolve("train.csv").toString(), "--prod", fixtures.resolve("test.csv").toString(),
                "--model", fixtures.resolve("multi-softprob.json").toString(), "--explain-classes", "some");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--explain-classes must be predicted or all, not 'some'");
    }

    @Test
    void modelSectionAndExplanationsFollowTheContract() throws IOException {
        JsonNode report = report("--train", TRAIN.toString(), "--prod", PROD.toString(), "--target", "defaulted",
                "--model", MODEL.toString(), "--explain-rows", "10-14");

        assertThat(report.at("/inputs/model/type").asText()).isEqualTo("xgboost");
        assertThat(report.at("/inputs/model/features")).hasSize(9);
        assertThat(report.at("/model/task").asText()).isEqualTo("binary");
        JsonNode explanations = report.get("explanations");
        assertThat(explanations.get("space").asText()).isEqualTo("margin");
        assertThat(explanations.get("method").asText()).isEqualTo("tree-shap");
        assertThat(explanations.at("/globalImportance/train")).hasSize(9);
        assertThat(explanations.at("/globalImportance/prod")).hasSize(9);
        assertThat(explanations.get("attributionDrift")).hasSize(9);
        JsonNode rows = explanations.get("rows");
        assertThat(rows).hasSize(5);
        for (int r = 0; r < 5; r++) {
            JsonNode row = rows.get(r);
            assertThat(row.get("rowIndex").asInt()).isEqualTo(10 + r);
            double sum = row.get("baseValue").asDouble();
            for (JsonNode c : row.get("contributions")) {
                sum += c.asDouble();
            }
            double margin = row.get("margin").asDouble();
            assertThat(sum).isCloseTo(margin, within(1e-9));
            assertThat(row.get("prediction").asDouble()).isCloseTo(1 / (1 + Math.exp(-margin)), within(1e-12));
        }
    }

    @Test
    void defaultExplainsTheFirstThousandRows() throws IOException {
        JsonNode report = report("--train", TRAIN.toString(), "--prod", PROD.toString(), "--model", MODEL.toString());
        JsonNode rows = report.at("/explanations/rows");
        assertThat(rows).hasSize(1000);
        assertThat(rows.get(0).get("rowIndex").asInt()).isZero();
        assertThat(rows.get(999).get("rowIndex").asInt()).isEqualTo(999);
    }

    @Test
    void modelFeaturesAbsentFromProductionFailButDataChecksRun() throws IOException {
        // Production without the credit_score column.
        List<String> lines = Files.readAllLines(PROD);
        String[] header = lines.get(0).split(",", -1);
        int drop = List.of(header).indexOf("credit_score");
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(0, 200)) {
            List<String> cells = new ArrayList<>(List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)));
            cells.remove(drop);
            out.add(String.join(",", cells));
        }
        Path prod = dir.resolve("prod-no-score.csv");
        Files.write(prod, out);

        JsonNode report = report("--train", TRAIN.toString(), "--prod", prod.toString(), "--target", "defaulted",
                "--model", MODEL.toString());

        List<JsonNode> modelFindings = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        report.get("findings").forEach(f -> {
            checks.add(f.get("check").asText());
            if (f.get("feature").isNull() && f.get("check").asText().equals("schema-mismatch")) {
                modelFindings.add(f);
            }
        });
        assertThat(modelFindings).hasSize(1);
        assertThat(modelFindings.get(0).get("severity").asText()).isEqualTo("fail");
        assertThat(modelFindings.get(0).at("/evidence/missingFeatures").asText()).isEqualTo("credit_score");
        assertThat(checks).contains("feature-drift");
        assertThat(report.at("/explanations/globalImportance/train")).hasSize(9);
        assertThat(report.at("/explanations/globalImportance/prod")).isEmpty();
        assertThat(report.at("/explanations/rows")).isEmpty();
    }

    @Test
    void badModelInputsExitTwoWithOneLine() throws IOException {
        Path truncated = dir.resolve("model.json");
        byte[] bytes = Files.readAllBytes(MODEL);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRun run = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--model", truncated.toString());
        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        // The loader tells the format by the bytes: a half model is JSON cut short, said in one line.
        assertThat(run.err().strip()).startsWith("modellens: model.json: ").contains("damaged or truncated")
                .doesNotContain("\tat ");

        CliRun wrongCount = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--model", MODEL.toString(),
                "--model-features", "age,income");
        assertThat(wrongCount.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(wrongCount.err()).contains("model.json: --model-features names 2 features but the model takes 9");

        CliRun badRows = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--model", MODEL.toString(),
                "--explain-rows", "some");
        assertThat(badRows.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(badRows.err()).contains("--explain-rows must be all, a row count N or a 0-based range FROM-TO");
    }
}
