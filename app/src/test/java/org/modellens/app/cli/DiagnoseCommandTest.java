package org.modellens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on real files: the sample case, and each kind of bad input. */
class DiagnoseCommandTest {

    private static final Path TRAIN = Path.of("../sample-data/case/train.csv");
    private static final Path PROD = Path.of("../sample-data/case/prod.csv");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.diagnose(args);
    }

    private Path csv(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void sampleCaseFindsThePlantedProblemsAndFails() throws IOException {
        Path json = dir.resolve("report.json");

        CliRun run = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--target", "defaulted", "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(DiagnoseCommand.EXIT_FINDINGS);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/verdict").asText()).isEqualTo("fail");
        assertThat(report.at("/inputs/train/sha256").asText()).hasSize(64);
        assertThat(report.at("/inputs/task").asText()).isEqualTo("binary");
        List<String> alarms = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (!f.get("severity").asText().equals("info")) {
                alarms.add(f.get("check").asText() + ":" + f.get("feature").asText());
            }
        });
        assertThat(alarms).contains("feature-drift:income", "unseen-category:loan_purpose", "missing-values:months_employed",
                "out-of-range:loan_amount", "constant-feature:promo_code", "duplicate-rows:null", "label-drift:defaulted",
                "feature-drift:interest_rate", "schema-mismatch:dependents", "type-mismatch:annual_fee",
                "unit-mismatch:interest_rate", "unit-mismatch:loan_amount", "leakage:collections_flag", "pii:customer_email");
        // Unchanged columns must stay quiet.
        assertThat(alarms).noneMatch(a -> a.endsWith(":age") || a.endsWith(":credit_score") || a.endsWith(":region")
                || a.endsWith(":home_ownership") || a.endsWith(":employment_type") || a.endsWith(":num_open_accounts"));
        // The rename names its counterpart; e-mail addresses appear only masked.
        report.get("findings").forEach(f -> {
            if (f.get("check").asText().equals("schema-mismatch") && f.get("feature").asText().equals("dependents")) {
                assertThat(f.at("/evidence/likelyRenamedTo").asText()).isEqualTo("number_of_dependents");
            }
        });
        assertThat(Files.readString(json)).doesNotContainPattern("[a-z]+\\.[a-z]+\\d+@example\\.(com|org|net)");
        JsonNode income = findFeature(report, "income");
        assertThat(income.at("/drift/ks/statistic").asDouble()).isBetween(0.0, 1.0);
        assertThat(income.at("/train/quantiles/p50").isNumber()).isTrue();
    }

    private static JsonNode findFeature(JsonNode report, String name) {
        for (JsonNode feature : report.get("features")) {
            if (feature.get("name").asText().equals(name)) {
                return feature;
            }
        }
        throw new AssertionError("no feature " + name);
    }

    @Test
    void jsonGoesToStandardOutputWithDash() {
        CliRun run = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--json", "-", "--fail-on", "never");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"schemaVersion\" : 1");
    }

    @Test
    void failOnWarnTurnsWarningsIntoExitOne() throws IOException {
        Path train = csv("t.csv", "a,b\n" + "1,x\n".repeat(50) + "2,y\n".repeat(50));
        Path prod = csv("p.csv", "a,b\n" + "1,x\n".repeat(50) + "2,y\n".repeat(50));

        assertThat(run("--train", train.toString(), "--prod", prod.toString()).exitCode()).isZero();
    }

    @Test
    void missingFileIsExitTwoNamingTheFile() {
        CliRun run = run("--train", dir.resolve("nope.csv").toString(), "--prod", PROD.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.csv").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void emptyFileIsExitTwo() throws IOException {
        CliRun run = run("--train", csv("empty.csv", "").toString(), "--prod", PROD.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("empty.csv").doesNotContain("\tat ");
    }

    @Test
    void headerOnlyFileIsExitTwo() throws IOException {
        CliRun run = run("--train", TRAIN.toString(), "--prod", csv("header.csv", "a,b,c\n").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("header.csv");
    }

    @Test
    void raggedRowIsExitTwoNamingTheLine() throws IOException {
        CliRun run = run("--train", csv("ragged.csv", "a,b,c\n1,2,3\n4,5\n").toString(), "--prod", PROD.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ragged.csv").contains("3");
    }

    @Test
    void binaryFileIsExitTwo() throws IOException {
        Path binary = dir.resolve("model.csv");
        byte[] bytes = new byte[4096];
        new java.util.Random(1).nextBytes(bytes);
        Files.write(binary, bytes);

        CliRun run = run("--train", binary.toString(), "--prod", PROD.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("model.csv");
    }

    @Test
    void unknownTargetIsExitTwoNamingTheColumn() {
        CliRun run = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--target", "churned");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("churned").contains("train.csv");
    }

    @Test
    void columnEntirelyMissingFromProductionIsAFailFinding() throws IOException {
        Path train = csv("t.csv", "a,b\n" + "1,x\n2,y\n".repeat(30));
        Path prod = csv("p.csv", "a\n" + "1\n2\n".repeat(30));

        CliRun run = run("--train", train.toString(), "--prod", prod.toString(), "--json", "-");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("schema-mismatch").contains("Column b is missing from production");
    }

    @Test
    void oneRowProductionFileStillGivesAReportWithoutFalseAlarms() throws IOException {
        // One ordinary row, taken from training: nothing about it is alarming. Only the model's columns
        // are kept: the sample's customer_email is personal data, a genuine warning about training itself.
        List<String> lines = Files.readAllLines(TRAIN).stream()
                .map(line -> String.join(",", java.util.Arrays.asList(line.split(",", -1)).subList(0, 18))).toList();
        Path train = csv("train18.csv", String.join("\n", lines) + "\n");
        CliRun run = run("--train", train.toString(), "--prod", csv("one.csv", lines.get(0) + "\n" + lines.get(1) + "\n").toString(),
                "--json", "-", "--fail-on", "warn");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"rows\" : 1");
    }

    @Test
    void unknownSettingIsExitTwo() throws IOException {
        Path settings = csv("s.properties", "drift.numeric.ks.wran=0.2\n");

        CliRun run = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--settings", settings.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("drift.numeric.ks.wran");
    }

    @Test
    void unknownOverrideColumnIsReportedNotFatal() {
        CliRun run = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--categorical", "no_such_column",
                "--json", "-", "--fail-on", "never");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no_such_column");
    }

    @Test
    void sampleCaseWritesTheExcelAndPdfReports() throws IOException {
        Path xlsx = dir.resolve("report.xlsx");
        Path pdf = dir.resolve("report.pdf");

        Path json = dir.resolve("report.json");
        CliRun run = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--target", "defaulted",
                "--xlsx", xlsx.toString(), "--pdf", pdf.toString(), "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(DiagnoseCommand.EXIT_FINDINGS);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
            // One row per finding of the same diagnosis, in the same order.
            assertThat(workbook.getSheet("Findings").getLastRowNum()).isEqualTo(report.get("findings").size());
            for (int i = 0; i < report.get("findings").size(); i++) {
                assertThat(workbook.getSheet("Findings").getRow(i + 1).getCell(8).getStringCellValue())
                        .isEqualTo(report.get("findings").get(i).get("title").asText());
            }
        }
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setEndPage(1);
            // No model was given: the verdict speaks of the data, not of a model's output.
            assertThat(stripper.getText(document).replaceAll("\\s+", " "))
                    .contains("FAIL: the production data is broken or far from training; a model fed with it would not be reliable.");
        }
        // Written through a temporary file, which is gone; the reports follow the umask, not owner-only.
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".modellens-"));
        }
    }

    @Test
    void reportInAMissingFolderIsExitTwoNamingIt() {
        Path pdf = dir.resolve("no-such-folder").resolve("report.pdf");

        CliRun run = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--pdf", pdf.toString());

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("report.pdf").contains("no-such-folder").contains("does not exist")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void existingReportIsReplacedWhole() throws IOException {
        Path xlsx = dir.resolve("report.xlsx");
        Files.writeString(xlsx, "an older report");

        CliRun run = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--xlsx", xlsx.toString(), "--fail-on", "never");

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(workbook.getSheet("Features")).isNotNull();
        }
    }
}
