package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.XDDFColorRgbBinary;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.modellens.checks.FeatureDriftCheck;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.text.Numbers;

/**
 * What a risk manager checks on the printed reports: the drift charts (one measure per axis, the
 * alarm levels drawn, bars coloured as the findings say), the units of importance, the rows behind
 * each calibration point, and an Excel workbook that prints whole with every number formatted.
 */
class ChartsAndPrintTest {

    private static String pdfText(DiagnosticReport report) throws IOException {
        try (PDDocument document = Loader.loadPDF(ReportFixtures.pdf(report))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    private static XSSFWorkbook workbook(DiagnosticReport report) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(ReportFixtures.xlsx(report)));
    }

    // ------------------------------------------------------------------ drift

    @Test
    void driftBarsReachTheirColourByTheirOwnMeasureAndNeverAboveTheFinding() {
        DiagnosticReport report = ReportFixtures.sample();
        List<DriftRanking.Panel> panels = DriftRanking.panels(report, 100);
        assertThat(panels).isNotEmpty();
        int coloured = 0;
        for (DriftRanking.Panel panel : panels) {
            assertThat(panel.warn()).isEqualTo(report.settings().get(panel.measure().settingsKey + ".warn"));
            assertThat(panel.fail()).isEqualTo(report.settings().get(panel.measure().settingsKey + ".fail"));
            for (DriftRanking.FeatureDrift bar : panel.features()) {
                assertThat(bar.measure()).as("one measure per axis").isEqualTo(panel.measure().label);
                Severity finding = report.findings().stream()
                        .filter(f -> f.check().equals(FeatureDriftCheck.ID) && bar.feature().equals(f.feature()))
                        .map(Finding::severity).findFirst().orElse(Severity.INFO);
                Severity reached = bar.value() >= panel.fail() ? Severity.FAIL : bar.value() >= panel.warn() ? Severity.WARN : Severity.INFO;
                assertThat(bar.severity()).as(bar.feature() + " on " + bar.measure())
                        .isEqualTo(reached.compareTo(finding) <= 0 ? reached : finding);
                coloured += bar.severity() == Severity.INFO ? 0 : 1;
            }
        }
        assertThat(coloured).as("the sample case's drifted columns are coloured").isGreaterThan(2);
        // interest_rate arrives x100: its KS distance is past the fail line and its feature-drift finding fails.
        assertThat(panels.get(0).features().get(0)).extracting(DriftRanking.FeatureDrift::feature, DriftRanking.FeatureDrift::severity)
                .containsExactly("interest_rate", Severity.FAIL);
    }

    @Test
    void theExcelDriftBarsAreColouredByTheirSeverity() throws IOException {
        DiagnosticReport report = ReportFixtures.sample();
        List<DriftRanking.Panel> panels = DriftRanking.panels(report, ExcelReportWriter.CHART_FEATURES);
        try (XSSFWorkbook workbook = workbook(report)) {
            List<XSSFChart> charts = workbook.getSheet(ExcelReportWriter.DRIFT).getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(panels.size());
            for (int c = 0; c < panels.size(); c++) {
                XDDFChartData.Series bars = charts.get(c).getChartSeries().get(0).getSeries(0);
                List<DriftRanking.FeatureDrift> features = panels.get(c).features();
                for (int i = 0; i < features.size(); i++) {
                    XDDFSolidFillProperties fill = (XDDFSolidFillProperties) bars.getDataPoint(i).getShapeProperties().getFillProperties();
                    byte[] rgb = ((XDDFColorRgbBinary) fill.getColor()).getValue();
                    Severity severity = features.get(i).severity();
                    // Red dominates a fail bar, red and green an amber warn bar, a slate grey has the most blue.
                    int red = rgb[0] & 0xFF;
                    int green = rgb[1] & 0xFF;
                    int blue = rgb[2] & 0xFF;
                    switch (severity) {
                        case FAIL -> assertThat(red).isGreaterThan(green * 3 / 2).isGreaterThan(blue * 3 / 2);
                        case WARN -> assertThat(red + green).isGreaterThan(blue * 4);
                        case INFO -> assertThat(blue).isGreaterThan(red);
                    }
                }
            }
        }
    }

    @Test
    void thePdfDrawsEachMeasureOnItsOwnChartWithItsLevels() throws IOException {
        DiagnosticReport report = ReportFixtures.sampleDiagnosedWithModel();
        String text = pdfText(report);
        assertThat(text).contains(StakeholderText.get("section.drift"));
        for (DriftRanking.Panel panel : DriftRanking.panels(report, 10)) {
            assertThat(text).contains(panel.title(), panel.measure().axisTitle(),
                    "warn " + Numbers.number(panel.warn()), "fail " + Numbers.number(panel.fail()));
        }
    }

    // ------------------------------------------------------------------ importance units

    @Test
    void importanceSaysItsUnitsInEveryFormat() throws IOException {
        DiagnosticReport report = ReportFixtures.sampleDiagnosedWithModel();
        assertThat(report.explanations().units()).as("binary:logistic XGBoost explains in log-odds").isEqualTo("log-odds");
        assertThat(pdfText(report)).contains("Importance: training vs production (mean |contribution|, log-odds)");
        try (XSSFWorkbook workbook = workbook(report)) {
            XSSFSheet sheet = workbook.getSheet(ExcelReportWriter.EXPLANATIONS);
            List<String> texts = new ArrayList<>();
            sheet.forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }));
            assertThat(texts).contains("Mean |contribution|, training (log-odds)", "Mean |contribution|, production (log-odds)",
                    "Contribution units", "log-odds");
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, json);
        assertThat(json.toString(StandardCharsets.UTF_8)).containsPattern("\"units\"\\s*:\\s*\"log-odds\"");
    }

    @Test
    void regressionContributionsAreInTheTargetsUnits() {
        Explanations explanations = new Explanations("margin", "tree-shap", Map.of("x", 1.0), Map.of("x", 2.0), List.of(),
                List.of(), null, null, List.of(), List.of(), org.modellens.model.Model.TARGET_UNITS);
        assertThat(explanations.unitsFor("price")).isEqualTo("units of price");
        assertThat(new Explanations("probability", "permutation-shap", Map.of(), Map.of(), List.of()).unitsFor("y"))
                .isEqualTo("probability");
    }

    // ------------------------------------------------------------------ calibration

    @Test
    void everyCalibrationPointSaysHowManyRowsItRestsOn() throws IOException {
        DiagnosticReport report = ReportFixtures.sampleDiagnosedWithModel();
        ModelSection model = report.model();
        List<ModelSection.Curve> calibration = model.curves().stream().filter(c -> c.kind().equals("calibration")).toList();
        assertThat(calibration).extracting(ModelSection.Curve::side).containsExactly("train", "prod");
        for (ModelSection.Curve curve : calibration) {
            assertThat(curve.counts()).hasSameSizeAs(curve.x());
            assertThat(java.util.Arrays.stream(curve.counts()).min().orElse(0)).isPositive();
            long rows = java.util.Arrays.stream(curve.counts()).sum();
            Map<String, Double> metrics = curve.side().equals("train") ? model.trainMetrics() : model.prodMetrics();
            assertThat((double) rows).as("the bins hold every labelled row of " + curve.side()).isEqualTo(metrics.get("rows"));
        }
        String text = pdfText(report);
        assertThat(text).contains("Rows behind each point of the calibration chart", "Rows in bin");
        for (ModelSection.Curve curve : calibration) {
            for (int i = 0; i < curve.counts().length; i++) {
                assertThat(text).contains(Numbers.number(curve.x()[i]) + " " + Numbers.number(curve.y()[i]) + " "
                        + Numbers.count(curve.counts()[i]));
            }
        }
        try (XSSFWorkbook workbook = workbook(report)) {
            XSSFSheet sheet = workbook.getSheet(ExcelReportWriter.MODEL);
            int found = 0;
            for (Row row : sheet) {
                Cell kind = row.getCell(0);
                if (kind != null && kind.getCellType() == CellType.STRING && kind.getStringCellValue().equals("calibration")) {
                    ModelSection.Curve curve = calibration.get(row.getCell(1).getStringCellValue().equals("train") ? 0 : 1);
                    int point = (int) row.getCell(2).getNumericCellValue();
                    assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(curve.counts()[point]);
                    found++;
                }
            }
            assertThat(found).isEqualTo(calibration.stream().mapToInt(c -> c.counts().length).sum());
        }
    }

    // ------------------------------------------------------------------ Excel print

    /** Every sheet prints landscape, one page wide, over its used range; every table repeats its header row. */
    @Test
    void everySheetPrintsOnePageWide() throws IOException {
        try (XSSFWorkbook workbook = workbook(ReportFixtures.sampleDiagnosedWithModel())) {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                XSSFSheet sheet = workbook.getSheetAt(i);
                assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).as(sheet.getSheetName() + ": as many pages down as needed")
                        .isZero();
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(workbook.getPrintArea(i)).as(sheet.getSheetName()).isNotNull();
            }
        }
    }

    /**
     * No number is shown in Excel's "General" format (it prints 8000.0000-like noise or 1E-05 for a rate):
     * every numeric cell of every sheet carries its own format.
     */
    @Test
    void everyNumericCellHasANumberFormat() throws IOException {
        for (DiagnosticReport report : List.of(ReportFixtures.sample(), ReportFixtures.sampleDiagnosedWithModel())) {
            try (XSSFWorkbook workbook = workbook(report)) {
                int numbers = 0;
                for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                    XSSFSheet sheet = workbook.getSheetAt(i);
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() == CellType.NUMERIC) {
                                String format = cell.getCellStyle().getDataFormatString();
                                assertThat(format).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                                        .isNotBlank().isNotEqualToIgnoringCase("General");
                                numbers++;
                            }
                        }
                    }
                }
                assertThat(numbers).isGreaterThan(500);
            }
        }
    }

    /**
     * No header is cut: each header cell's column is wider than the header's longest word, and the row is
     * tall enough for the header's lines wrapped at that width (a bold 11-point character is counted as wide
     * as the "0" that column widths count in).
     */
    @Test
    void headersAreNeverCut() throws IOException {
        try (XSSFWorkbook workbook = workbook(ReportFixtures.sampleDiagnosedWithModel())) {
            int headers = 0;
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                XSSFSheet sheet = workbook.getSheetAt(i);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != CellType.STRING) {
                            continue;
                        }
                        XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
                        String text = cell.getStringCellValue();
                        if (!style.getFont().getBold() || !style.getWrapText() || text.length() > 80 || text.isEmpty()) {
                            continue;
                        }
                        headers++;
                        double width = sheet.getColumnWidth(cell.getColumnIndex()) / 256.0 - 1;
                        int longest = 0;
                        for (String word : text.split(" ")) {
                            longest = Math.max(longest, word.length());
                        }
                        String where = sheet.getSheetName() + "!" + cell.getAddress() + " \"" + text + "\"";
                        assertThat((double) longest).as(where + ": longest word fits the column").isLessThanOrEqualTo(width);
                        int lines = ExcelReportWriter.wrappedLines(text, width);
                        assertThat(row.getHeightInPoints()).as(where + ": " + lines + " lines fit the row")
                                .isGreaterThanOrEqualTo(lines * style.getFont().getFontHeightInPoints() * 1.2f);
                    }
                }
            }
            assertThat(headers).isGreaterThan(60);
        }
    }

    /** A count prints as a count ("566"), never with a statistic's four decimals ("566.0000"). */
    @Test
    void countsPrintAsCounts() throws IOException {
        DiagnosticReport report = ReportFixtures.sampleDiagnosedWithModel();
        try (XSSFWorkbook workbook = workbook(report)) {
            int counts = 0;
            for (String name : List.of(ExcelReportWriter.MODEL, ExcelReportWriter.SUMMARY)) {
                for (Row row : workbook.getSheet(name)) {
                    Cell label = row.getCell(0);
                    Cell value = row.getCell(name.equals(ExcelReportWriter.MODEL) ? 2 : 1);
                    if (label == null || label.getCellType() != CellType.STRING || value == null || value.getCellType() != CellType.NUMERIC) {
                        continue;
                    }
                    String text = label.getStringCellValue();
                    if (text.startsWith("false") || text.equals("rows") || text.contains("(false ") || text.startsWith("labelled rows")) {
                        assertThat(value.getCellStyle().getDataFormatString()).as(name + " " + text).isEqualTo("#,##0");
                        counts++;
                    }
                }
            }
            assertThat(counts).isGreaterThanOrEqualTo(9);
        }
    }

    @Test
    void noStatisticIsShownWithTrailingNoiseOrInScientificNotationUnlessAPValue() throws IOException {
        try (XSSFWorkbook workbook = workbook(ReportFixtures.sample())) {
            XSSFSheet inputs = workbook.getSheet(ExcelReportWriter.INPUTS);
            for (Row row : inputs) {
                Cell key = row.getCell(0);
                Cell value = row.getCell(1);
                if (key != null && key.getCellType() == CellType.STRING && value != null && value.getCellType() == CellType.NUMERIC) {
                    String format = value.getCellStyle().getDataFormatString();
                    if (key.getStringCellValue().toLowerCase(Locale.ROOT).endsWith("seed")) {
                        assertThat(format).as("a seed is a name: no separators").isEqualTo("0");
                    } else {
                        assertThat(format).as(key.getStringCellValue()).doesNotContain("E");
                    }
                }
            }
        }
    }
}
