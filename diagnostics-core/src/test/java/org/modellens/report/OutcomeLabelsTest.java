package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.checks.Finding;
import org.modellens.explain.ExplainRows;
import org.modellens.settings.Settings;
import org.modellens.text.Outcomes;

/**
 * Outcome classes are named by their labels as the data writes them, in every format: a case whose
 * target is text ("default"/"repaid", model and data made by text-labels/make_text_labels_case.py) and
 * the sample case, whose target holds 0 and 1. No report says "class 1", "the positive class" or
 * "positive cases".
 */
class OutcomeLabelsTest {

    private static final Path CASE = Path.of("src/test/resources/org/modellens/report/text-labels");
    /** Words that name a class by position instead of by its label. */
    private static final List<String> POSITIONAL = List.of("class 1", "class 0", "positive class", "negative class",
            "positive case", "Positive case", "ranks positive", "probability of 1", "decides 1 ", "observed positive rate");

    private static DiagnosticReport text;
    private static String pdf;
    private static String json;
    private static String xlsx;

    @BeforeAll
    static void diagnose() throws Exception {
        text = Diagnosis.run(new DiagnosisRequest(CASE.resolve("train.csv"), CASE.resolve("prod.csv"), "loan_status", "auto",
                Set.of(), Set.of(), Settings.defaults(), CASE.resolve("model.onnx"), List.of(), ExplainRows.first(20), null,
                null, null), ProgressListener.NONE);
        pdf = pdfText(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(text, out);
        json = out.toString(StandardCharsets.UTF_8);
        xlsx = workbookText(ReportFixtures.xlsx(text));
    }

    private static String pdfText(DiagnosticReport report) throws Exception {
        try (PDDocument document = Loader.loadPDF(ReportFixtures.pdf(report))) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String workbookText(byte[] bytes) throws Exception {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == CellType.STRING) {
                    cells.add(cell.getStringCellValue());
                }
            })));
        }
        return String.join("\n", cells);
    }

    @Test
    void theModelScoresTheLabelsAsScikitLearnDoes() throws Exception {
        assertThat(text.model().classLabels()).containsExactly("default", "repaid");
        List<String> oracle = Files.readAllLines(CASE.resolve("oracle.csv"));
        List<Explanations.RowExplanation> rows = text.explanations().rows();
        for (int i = 1; i < oracle.size(); i++) {
            String[] cells = oracle.get(i).split(",");
            int row = Integer.parseInt(cells[0]);
            Explanations.RowExplanation explained = rows.stream().filter(r -> r.rowIndex() == row).findFirst().orElseThrow();
            assertThat(explained.prediction()).as("P(repaid) of production row " + row)
                    .isCloseTo(Double.parseDouble(cells[1]), within(1e-5));
            assertThat(explained.outputClass()).isEqualTo("repaid");
        }
    }

    @Test
    void textLabelsAreNamedByTheirTextInEveryFormat() {
        for (String report : List.of(pdf, json, xlsx)) {
            for (String positional : POSITIONAL) {
                assertThat(report).doesNotContain(positional);
            }
            assertThat(report).doesNotContain("loan_status = ");
        }
        assertThat(pdf).contains("ranks repaid above default cases", "it scores the probability of repaid",
                "Probability of repaid");
        assertThat(xlsx).contains("default, repaid", "share of repaid");
        // The checks' own sentences, in the JSON's findings.
        List<String> sentences = text.findings().stream().map(f -> f.title() + " " + f.detail()).toList();
        assertThat(sentences).anyMatch(s -> s.contains("predicted probability of repaid"));
        Finding labelDrift = text.findings().stream().filter(f -> f.check().equals("label-drift")).findFirst().orElseThrow();
        assertThat(labelDrift.detail()).containsPattern("default \\d+\\.\\d%").containsPattern("repaid \\d+\\.\\d%");
    }

    @Test
    void numericLabelsAreNamedWithTheirColumn() throws Exception {
        DiagnosticReport sample = ReportFixtures.sampleDiagnosedWithModel();
        assertThat(sample.model().classLabels()).containsExactly("0", "1");
        String samplePdf = pdfText(sample);
        for (String positional : POSITIONAL) {
            assertThat(samplePdf).doesNotContain(positional);
        }
        assertThat(samplePdf).contains("ranks defaulted = 1 above defaulted = 0 cases", "Defaulted = 1 cases the model missed");
        assertThat(sample.findings()).map(Finding::detail).anyMatch(d -> d.contains("defaulted = 1"));
    }

    @Test
    void aLabelIsNamedWithItsColumnOnlyWhenItIsANumberOrATruthValue() {
        assertThat(Outcomes.name("defaulted", "1")).isEqualTo("defaulted = 1");
        assertThat(Outcomes.name("defaulted", "1.0")).isEqualTo("defaulted = 1.0");
        assertThat(Outcomes.name("churned", "yes")).isEqualTo("churned = yes");
        assertThat(Outcomes.name("status", "default")).isEqualTo("default");
        assertThat(Outcomes.positive("status", List.of("default", "repaid"))).isEqualTo("repaid");
        assertThat(Outcomes.negative("defaulted", List.of())).isEqualTo("defaulted = 0");
    }
}
