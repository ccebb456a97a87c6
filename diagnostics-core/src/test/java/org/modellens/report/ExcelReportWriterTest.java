package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.profile.CategoryCount;
import org.modellens.profile.ColumnProfile;
import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;

/** The workbook read back with POI: every number shown equals the report's, and data never becomes a formula. */
class ExcelReportWriterTest {

    @TempDir
    Path dir;

    private static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @Test
    void summaryStatesTheVerdictWhatChangedWhatToDoAndTheKeyFigures() throws IOException {
        DiagnosticReport report = ReportFixtures.sample();
        StakeholderSummary summary = StakeholderSummary.of(report);
        try (XSSFWorkbook workbook = read(ReportFixtures.xlsx(report))) {
            assertThat(workbook.getSheetName(0)).isEqualTo(ExcelReportWriter.SUMMARY);
            Sheet sheet = workbook.getSheet(ExcelReportWriter.SUMMARY);
            List<String> texts = texts(sheet);
            // No model was given: the verdict says what the data means, not that the model's output is unreliable.
            assertThat(texts).contains("FAIL: the production data is broken or far from training; a model fed with it would "
                    + "not be reliable.", "Why: the causes, the costliest first", "Not assessed", "Report id");
            assertThat(summary.topCauses()).hasSize(StakeholderSummary.TOP);
            for (StakeholderSummary.TopCause cause : summary.topCauses()) {
                assertThat(texts).contains(cause.title(), StakeholderText.get("section.todo") + ": " + cause.action());
            }
            assertThat(summary.whatChanged()).containsExactlyElementsOf(
                    report.causes().stream().limit(StakeholderSummary.TOP).map(org.modellens.causes.Cause::title).toList());
            Map<String, Double> figures = labelledNumbers(sheet);
            assertThat(figures.get("Training rows")).isEqualTo(report.inputs().train().rows());
            assertThat(figures.get("Production rows")).isEqualTo(report.inputs().prod().rows());
            assertThat(figures.get("Columns compared")).isEqualTo(report.features().size());
            assertThat(figures.get("Failures")).isEqualTo(report.counts().get(Severity.FAIL).doubleValue());
            assertThat(figures.get("Warnings")).isEqualTo(report.counts().get(Severity.WARN).doubleValue());
            assertThat(figures.get("Notes")).isEqualTo(report.counts().get(Severity.INFO).doubleValue());
        }
    }


    @Test
    void findingsSheetHasOneRowPerFindingColouredFilteredAndFrozen() throws IOException {
        DiagnosticReport report = ReportFixtures.sampleDiagnosedWithModel();
        try (XSSFWorkbook workbook = read(ReportFixtures.xlsx(report))) {
            XSSFSheet sheet = workbook.getSheet(ExcelReportWriter.FINDINGS);
            assertThat(sheet.getLastRowNum()).isEqualTo(report.findings().size());
            java.util.Map<Integer, org.modellens.causes.Cause> causeOf = new java.util.HashMap<>();
            report.causes().forEach(cause -> cause.findings().forEach(index -> causeOf.put(index, cause)));
            for (int i = 0; i < report.findings().size(); i++) {
                Finding finding = report.findings().get(i);
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(finding.severity().jsonName());
                assertThat(row.getCell(2).getNumericCellValue()).as("numeric severity").isEqualTo(finding.severity().ordinal() + 1);
                org.modellens.causes.Cause cause = causeOf.get(i);
                if (cause != null) {
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(cause.rank());
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo(cause.kind());
                }
                assertThat(row.getCell(5).getStringCellValue()).isEqualTo(finding.check());
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo(finding.feature() == null ? "" : finding.feature());
                if (finding.feature() != null) {
                    assertThat(row.getCell(7).getStringCellValue()).as("model input flag of " + finding.feature())
                            .isEqualTo(report.model().features().contains(finding.feature()) ? "yes" : "no");
                }
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo(finding.title());
                assertThat(row.getCell(9).getStringCellValue()).isEqualTo(finding.detail());
                if (finding.rows() != null) {
                    assertThat(row.getCell(12).getNumericCellValue()).isEqualTo(finding.rows().count());
                }
                assertThat(row.getCell(16).getStringCellValue()).isEqualTo(finding.severity() == Severity.INFO ? "noted" : "open");
            }
            assertThat(sheet.getRow(0).getCell(15).getStringCellValue()).isEqualTo("Owner");
            assertThat(sheet.getRepeatingRows().formatAsString()).as("header row printed on every page").isEqualTo("1:1");
            assertThat(workbook.getPrintArea(workbook.getSheetIndex(sheet))).contains("$A$1:$R$" + (report.findings().size() + 1));
            assertThat(sheet.getRow(0).getCell(17).getStringCellValue()).isEqualTo("Due date");
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:R" + (report.findings().size() + 1));
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            var formatting = sheet.getSheetConditionalFormatting();
            assertThat(formatting.getNumConditionalFormattings()).isEqualTo(3);
            List<String> rules = new ArrayList<>();
            for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
                var format = formatting.getConditionalFormattingAt(i);
                assertThat(format.getFormattingRanges()[0].formatAsString()).isEqualTo("B2:B" + (report.findings().size() + 1));
                rules.add(format.getRule(0).getFormula1());
            }
            assertThat(rules).containsExactlyInAnyOrder("\"fail\"", "\"warn\"", "\"info\"");
        }
    }

    @Test
    void evidenceSheetHoldsEveryNumberOfEveryFinding() throws IOException {
        DiagnosticReport report = ReportFixtures.sample();
        try (XSSFWorkbook workbook = read(ReportFixtures.xlsx(report))) {
            Sheet sheet = workbook.getSheet(ExcelReportWriter.EVIDENCE);
            int r = 1;
            int checked = 0;
            for (int f = 0; f < report.findings().size(); f++) {
                for (Map.Entry<String, Object> entry : report.findings().get(f).evidence().entrySet()) {
                    Row row = sheet.getRow(r++);
                    assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(f + 1);
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo(entry.getKey());
                    if (entry.getValue() instanceof Number number) {
                        assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(number.doubleValue());
                        checked++;
                    }
                }
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(r - 1);
            assertThat(checked).isGreaterThan(50);
        }
    }

    @Test
    void featuresSheetHoldsEveryStatisticAsANumberEqualToTheReport() throws IOException {
        DiagnosticReport report = ReportFixtures.sample();
        try (XSSFWorkbook workbook = read(ReportFixtures.xlsx(report))) {
            Sheet sheet = workbook.getSheet(ExcelReportWriter.FEATURES);
            Map<String, Integer> column = new HashMap<>();
            for (Cell cell : sheet.getRow(0)) {
                column.put(cell.getStringCellValue(), cell.getColumnIndex());
            }
            int numbers = 0;
            for (int i = 0; i < report.features().size(); i++) {
                FeatureComparison feature = report.features().get(i);
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(feature.name());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(feature.type().jsonName());
                Map<String, Double> expected = new HashMap<>();
                profile(expected, "training", feature.trainProfile());
                profile(expected, "production", feature.prodProfile());
                DriftStatistics drift = feature.drift();
                if (drift != null && drift.isNumeric()) {
                    expected.put("KS distance", drift.ks().statistic());
                    expected.put("KS p-value", drift.ks().pValue());
                    expected.put("Wasserstein", drift.wasserstein());
                    expected.put("Wasserstein / training sd", drift.wassersteinRelative());
                    expected.put("PSI", drift.psi());
                    expected.put("standardized mean difference", drift.standardizedMeanDifference());
                } else if (drift != null) {
                    expected.put("chi-square", drift.chiSquare().statistic());
                    expected.put("chi-square p-value", drift.chiSquare().pValue());
                    expected.put("chi-square dof", (double) drift.chiSquare().dof());
                    expected.put("Jensen-Shannon distance", drift.jensenShannon());
                    expected.put("Cramér's V", drift.cramersV());
                    expected.put("total variation", drift.totalVariation());
                    expected.put("total variation (pooled)", drift.totalVariationPooled());
                }
                for (Map.Entry<String, Double> e : expected.entrySet()) {
                    Cell cell = row.getCell(column.get(e.getKey()));
                    if (Double.isFinite(e.getValue())) {
                        assertThat(cell.getCellType()).as(feature.name() + " " + e.getKey()).isEqualTo(CellType.NUMERIC);
                        assertThat(cell.getNumericCellValue()).as(feature.name() + " " + e.getKey()).isEqualTo(e.getValue());
                        assertThat(cell.getCellStyle().getDataFormatString()).isNotEqualTo("@");
                        numbers++;
                    } else {
                        assertThat(cell).as(feature.name() + " " + e.getKey() + " has no value").isNull();
                    }
                }
            }
            assertThat(numbers).isGreaterThan(300);
        }
    }

    private static void profile(Map<String, Double> into, String side, ColumnProfile profile) {
        if (profile == null) {
            return;
        }
        into.put(side + ": rows", (double) profile.rows());
        into.put(side + ": non-missing", (double) profile.count());
        into.put(side + ": missing", (double) profile.missing());
        into.put(side + ": missing rate", profile.missingRate());
        into.put(side + ": distinct", (double) profile.distinct());
        if (!profile.quantiles().isEmpty()) {
            into.put(side + ": mean", profile.mean());
            into.put(side + ": std", profile.std());
            into.put(side + ": min", profile.min());
            into.put(side + ": max", profile.max());
            profile.quantiles().forEach((level, value) -> into.put(side + ": " + level, value));
        }
    }

    @Test
    void categoriesSheetListsTheTopCategoriesOfEachSide() throws IOException {
        DiagnosticReport report = ReportFixtures.sample();
        try (XSSFWorkbook workbook = read(ReportFixtures.xlsx(report))) {
            Sheet sheet = workbook.getSheet(ExcelReportWriter.CATEGORIES);
            int r = 1;
            for (FeatureComparison feature : report.features()) {
                for (ColumnProfile profile : new ColumnProfile[]{feature.trainProfile(), feature.prodProfile()}) {
                    if (profile == null) {
                        continue;
                    }
                    for (CategoryCount category : profile.topCategories()) {
                        Row row = sheet.getRow(r++);
                        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(feature.name());
                        assertThat(row.getCell(2).getStringCellValue()).isEqualTo(category.label());
                        assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(category.count());
                        assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(category.share());
                    }
                }
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(r - 1);
        }
    }

    @Test
    void driftChartsAreNativeChartsOneMeasurePerAxisWithTheirAlarmLevels() throws IOException {
        DiagnosticReport report = ReportFixtures.sample();
        try (XSSFWorkbook workbook = read(ReportFixtures.xlsx(report))) {
            XSSFSheet drift = workbook.getSheet(ExcelReportWriter.DRIFT);
            List<DriftRanking.Panel> panels = DriftRanking.panels(report, ExcelReportWriter.CHART_FEATURES);
            assertThat(panels).extracting(p -> p.measure().label).containsExactly("KS distance", "PSI", "Total variation");
            assertThat(panels.get(0).features().get(0).feature()).isEqualTo("interest_rate");
            int r = 1;
            for (DriftRanking.Panel panel : panels) {
                int first = r;
                for (DriftRanking.FeatureDrift feature : panel.features()) {
                    Row row = drift.getRow(r++);
                    String name = row.getCell(0).getStringCellValue();
                    FeatureComparison compared = report.features().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
                    double expected = switch (panel.measure()) {
                        case KS -> compared.drift().ks().statistic();
                        case PSI -> compared.drift().psi();
                        case TOTAL_VARIATION -> compared.drift().totalVariationPooled();
                    };
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo(panel.measure().label);
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(expected);
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(report.settings().get(panel.measure().settingsKey + ".warn"));
                    assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(report.settings().get(panel.measure().settingsKey + ".fail"));
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo(feature.severity().jsonName());
                }
                // Each measure's chart reads only its own rows: its bars, and its warn and fail lines.
                for (XSSFSheet sheet : List.of(drift, workbook.getSheet(ExcelReportWriter.SUMMARY))) {
                    XSSFChart chart = sheet.getDrawingPatriarch().getCharts().get(panels.indexOf(panel));
                    assertThat(chart.getTitleText().getString()).startsWith(panel.title());
                    XDDFChartData bars = chart.getChartSeries().get(0);
                    assertThat(bars).isInstanceOf(XDDFBarChartData.class);
                    assertThat(bars.getSeries(0).getValuesData().getDataRangeReference())
                            .isEqualTo("Drift!$C$" + (first + 1) + ":$C$" + r);
                    XDDFChartData lines = chart.getChartSeries().get(1);
                    assertThat(lines).isInstanceOf(org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.class);
                    assertThat(lines.getSeries(0).getValuesData().getDataRangeReference()).isEqualTo("Drift!$D$" + (first + 1) + ":$D$" + r);
                    assertThat(lines.getSeries(1).getValuesData().getDataRangeReference()).isEqualTo("Drift!$E$" + (first + 1) + ":$E$" + r);
                }
            }
        }
    }

    @Test
    void modelAndExplanationSheetsAppearOnlyWithAModel() throws IOException {
        try (XSSFWorkbook without = read(ReportFixtures.xlsx(ReportFixtures.sample()))) {
            assertThat(without.getSheet(ExcelReportWriter.MODEL)).isNull();
            assertThat(without.getSheet(ExcelReportWriter.EXPLANATIONS)).isNull();
        }
        DiagnosticReport report = ReportFixtures.sampleWithModel();
        try (XSSFWorkbook workbook = read(ReportFixtures.xlsx(report))) {
            Map<String, Double> model = labelledNumbers(workbook.getSheet(ExcelReportWriter.MODEL));
            assertThat(model.get("Decision threshold")).isEqualTo(report.model().threshold());
            assertThat(model.get("Cost per row, production")).isEqualTo(report.model().cost().prodCostPerRow());
            Sheet metrics = workbook.getSheet(ExcelReportWriter.MODEL);
            Map<String, double[]> byMetric = new HashMap<>();
            for (Row row : metrics) {
                Cell name = row.getCell(0);
                if (name != null && report.model().trainMetrics().containsKey(name.getStringCellValue()) && row.getCell(2) != null) {
                    byMetric.put(name.getStringCellValue(), new double[]{row.getCell(1).getNumericCellValue(),
                        row.getCell(2).getNumericCellValue()});
                }
            }
            report.model().trainMetrics().forEach((metric, value) -> {
                assertThat(byMetric.get(metric)[0]).isEqualTo(value);
                assertThat(byMetric.get(metric)[1]).isEqualTo(report.model().prodMetrics().get(metric));
            });
            Map<String, Double> summary = labelledNumbers(workbook.getSheet(ExcelReportWriter.SUMMARY));
            assertThat(summary.get("AUC, training")).isEqualTo(0.8123);
            assertThat(summary.get("AUC, production")).isEqualTo(0.6542);

            XSSFSheet explanations = workbook.getSheet(ExcelReportWriter.EXPLANATIONS);
            Map<String, double[]> importance = new HashMap<>();
            int rowsHeader = -1;
            for (Row row : explanations) {
                Cell first = row.getCell(0);
                if (first == null || first.getCellType() != CellType.STRING) {
                    continue;
                }
                if (report.explanations().globalTrain().containsKey(first.getStringCellValue()) && row.getCell(2) != null) {
                    importance.put(first.getStringCellValue(), new double[]{row.getCell(1).getNumericCellValue(),
                        row.getCell(2).getNumericCellValue()});
                }
                if (first.getStringCellValue().startsWith("Production row")) {
                    rowsHeader = row.getRowNum();
                }
            }
            report.explanations().globalTrain().forEach((feature, value) -> {
                assertThat(importance.get(feature)[0]).isEqualTo(value);
                assertThat(importance.get(feature)[1]).isEqualTo(report.explanations().globalProd().get(feature));
            });
            assertThat(rowsHeader).isPositive();
            Row header = explanations.getRow(rowsHeader);
            for (int i = 0; i < report.explanations().rows().size(); i++) {
                Explanations.RowExplanation expected = report.explanations().rows().get(i);
                Row row = explanations.getRow(rowsHeader + 1 + i);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(expected.rowIndex());
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(expected.prediction());
                assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(expected.margin());
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(expected.baseValue());
                for (int c = 4; c < header.getLastCellNum(); c++) {
                    assertThat(row.getCell(c).getNumericCellValue())
                            .isEqualTo(expected.contributions().get(header.getCell(c).getStringCellValue()));
                }
            }
            List<XSSFChart> charts = explanations.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            assertThat(charts.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(2);
        }
    }

    @Test
    void inputsSheetFingerprintsTheFilesAndListsTheSettings() throws IOException {
        DiagnosticReport report = ReportFixtures.sample();
        try (XSSFWorkbook workbook = read(ReportFixtures.xlsx(report))) {
            Sheet sheet = workbook.getSheet(ExcelReportWriter.INPUTS);
            assertThat(texts(sheet)).contains(report.inputs().train().source().sha256(), report.inputs().prod().source().sha256(),
                    "ModelLens " + report.toolVersion(), "defaulted", "binary");
            Map<String, Double> numbers = labelledNumbers(sheet);
            report.settings().forEach((key, value) -> assertThat(numbers.get(key)).as(key).isEqualTo(value));
            Row rows = null;
            for (Row row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("Rows")) {
                    rows = row;
                }
            }
            assertThat(rows).isNotNull();
            assertThat(rows.getCell(1).getNumericCellValue()).isEqualTo(report.inputs().train().rows());
            assertThat(rows.getCell(2).getNumericCellValue()).isEqualTo(report.inputs().prod().rows());
        }
    }

    @Test
    void valuesFromTheDataThatLookLikeFormulasStayLiteralText() throws IOException {
        DiagnosticReport report = ReportFixtures.hostile(dir);
        assertThat(report.findings()).anyMatch(f -> f.check().equals("unseen-category")
                && f.evidence().get("examples").toString().contains(ReportFixtures.HOSTILE_UNSEEN));
        try (XSSFWorkbook workbook = read(ReportFixtures.xlsx(report))) {
            List<Cell> hostileCells = new ArrayList<>();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING && startsLikeAFormula(cell.getStringCellValue())) {
                            hostileCells.add(cell);
                        }
                    }
                }
            }
            List<String> values = hostileCells.stream().map(Cell::getStringCellValue).toList();
            assertThat(values).containsAll(ReportFixtures.HOSTILE).contains(ReportFixtures.HOSTILE_UNSEEN, ReportFixtures.HOSTILE_COLUMN);
            assertThat(hostileCells).allSatisfy(cell -> assertThat(cell.getCellStyle().getQuotePrefixed())
                    .as(cell.getSheet().getSheetName() + "!" + cell.getAddress() + " " + cell.getStringCellValue()).isTrue());
        }
    }

    static boolean startsLikeAFormula(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
    }

    @Test
    void personalDataFlaggedByThePiiCheckNeverAppearsRaw() throws IOException {
        DiagnosticReport report = ReportFixtures.personal(dir);
        // The raw addresses are there to leak: in the category counts the report carries and in a sentence.
        FeatureComparison email = report.features().stream().filter(f -> f.name().equals("email")).findFirst().orElseThrow();
        assertThat(email.trainCategories().contains(ReportFixtures.RAW_EMAILS.get(0))).isTrue();
        assertThat(report.findings()).anyMatch(f -> f.detail().contains(ReportFixtures.NEW_EMAIL));
        byte[] bytes = ReportFixtures.xlsx(report);
        try (XSSFWorkbook workbook = read(bytes)) {
            List<String> all = new ArrayList<>();
            for (Sheet sheet : workbook) {
                all.addAll(texts(sheet));
            }
            String text = String.join("\n", all);
            for (String raw : ReportFixtures.RAW_EMAILS) {
                assertThat(text).doesNotContain(raw);
            }
            assertThat(text).doesNotContain(ReportFixtures.NEW_EMAIL).contains(PersonalData.mask(ReportFixtures.NEW_EMAIL));
            assertThat(text).contains(PersonalData.mask(ReportFixtures.RAW_EMAILS.get(0)));
        }
        // Nor anywhere in the file's XML (charts, shared strings).
        assertThat(XlsxText.allXml(bytes)).doesNotContain("example.org");
    }

    // ---------------------------------------------------------------- helpers

    static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }
        }
        return texts;
    }

    /** Label in column A, number in column B. */
    static Map<String, Double> labelledNumbers(Sheet sheet) {
        Map<String, Double> numbers = new HashMap<>();
        for (Row row : sheet) {
            Cell label = row.getCell(0);
            Cell value = row.getCell(1);
            if (label != null && value != null && label.getCellType() == CellType.STRING && value.getCellType() == CellType.NUMERIC) {
                numbers.put(label.getStringCellValue(), value.getNumericCellValue());
            }
        }
        return numbers;
    }

    @Test
    void writesTheSampleCaseWithinItsBudget() {
        DiagnosticReport report = ReportFixtures.sampleWithModel();
        ReportFixtures.xlsx(report);
        // CPU time of the writing thread: the budget holds on a quiet machine, and a loaded one does not fake a failure.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        byte[] bytes = ReportFixtures.xlsx(report);
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("Excel report of the sample case: %.3f s CPU, %.3f s wall, %d bytes%n", cpu,
                (System.nanoTime() - wallStart) / 1e9, bytes.length);
        assertThat(cpu).isLessThan(1.0);
    }
}
