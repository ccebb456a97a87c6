package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.profile.ColumnProfile;
import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;
import org.modellens.text.Numbers;

/** The PDF read back with PDFBox text extraction: the summary comes first, and every number shown equals the report's. */
class PdfReportWriterTest {

    @TempDir
    Path dir;

    private record Extracted(int pages, List<String> byPage, String all) {

        String firstPage() {
            return byPage.get(0);
        }

        /** The text of a page, 1-based. */
        String page(int number) {
            return byPage.get(number - 1);
        }
    }

    private static Extracted extract(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String all = stripper.getText(document);
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return new Extracted(document.getNumberOfPages(), pages, all);
        }
    }

    /** Line breaks from wrapping become spaces, so a sentence can be searched whole. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void firstPageIsTheExecutiveSummary() throws IOException {
        DiagnosticReport report = ReportFixtures.sampleDiagnosedWithModel();
        StakeholderSummary summary = StakeholderSummary.of(report);
        Extracted pdf = extract(ReportFixtures.pdf(report));
        String page = flat(pdf.firstPage());
        assertThat(page).contains("Model diagnosis", "FAIL: the model's output is not reliable on this production data.",
                "Failures: " + report.counts().get(Severity.FAIL) + ", warnings: " + report.counts().get(Severity.WARN)
                        + ", notes: " + report.counts().get(Severity.INFO), "What it costs", "How well the model does",
                "Why: the causes, the costliest first", "Page 1 of " + pdf.pages());
        // The top three causes in their rank, each with its impact in words and its one action.
        assertThat(summary.topCauses()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            StakeholderSummary.TopCause cause = summary.topCauses().get(i);
            assertThat(cause.rank()).isEqualTo(report.causes().get(i).rank());
            assertThat(page).contains(flat(cause.title()), flat(cause.impact()), flat(cause.action()));
        }
        assertThat(page.indexOf(flat(summary.topCauses().get(0).title())))
                .isLessThan(page.indexOf(flat(summary.topCauses().get(1).title())));
        assertThat(page).contains(flat(summary.quality()));
        summary.costs().forEach(line -> assertThat(page).contains(flat(line)));
        assertThat(page).containsPattern("Generated \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC by ModelLens " + report.toolVersion());
        assertThat(page).contains("Report " + report.identity().reportId());
    }

    /** A reader finds each section in the outline, and copy or search finds names whole (no "fi"/"fl" ligatures). */
    @Test
    void sectionsAreBookmarkedAndTextIsSearchable() throws IOException {
        DiagnosticReport report = ReportFixtures.sampleDiagnosedWithModel();
        byte[] bytes = ReportFixtures.pdf(report);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            List<String> titles = new ArrayList<>();
            var outline = document.getDocumentCatalog().getDocumentOutline();
            assertThat(outline).isNotNull();
            outline.children().forEach(item -> titles.add(item.getTitle()));
            assertThat(titles).contains("What it costs", "Why: the causes, the costliest first", "Findings",
                    "Appendix: the numbers behind the report", "Review and sign-off");
        }
        String all = extract(bytes).all();
        assertThat(all).contains("collections_flag", "months_employed", "defaulted").doesNotContain("\uFB01", "\uFB02");
    }

    /** Page 2: what was analysed to the byte, what was not assessed, the words used, and the reviewer's box. */
    @Test
    void secondPageStatesScopeWordsAndSignOff() throws IOException {
        DiagnosticReport report = ReportFixtures.sample();
        Extracted pdf = extract(ReportFixtures.pdf(report));
        String page = flat(pdf.page(2));
        assertThat(page).contains("SHA-256 " + report.inputs().train().source().sha256(),
                "SHA-256 " + report.inputs().prod().source().sha256(), "train.csv · 8,000 rows · 21 columns",
                "prod.csv · 3,000 rows · 21 columns", "Not assessed", "Words used in this report", "Review and sign-off",
                "Report id: " + report.identity().reportId());
        assertThat(page).as("no model was given: the report says so").contains("no model file was given");
    }

    @Test
    void aReportWithoutCausesIsToldByItsFindings() throws IOException {
        DiagnosticReport sample = ReportFixtures.sample();
        DiagnosticReport report = sample.withCauses(List.of(), null);
        StakeholderSummary summary = StakeholderSummary.of(report);
        Extracted pdf = extract(ReportFixtures.pdf(report));
        String page = flat(pdf.firstPage());
        assertThat(page).contains("What changed", "What to do", "KS distance of numeric columns: warn at 0.1, fail at 0.2");
        assertThat(summary.whatChanged()).hasSize(3).allSatisfy(sentence -> assertThat(page).contains(sentence));
        // The drift charts' bar labels are the report's drift figures, one measure per chart.
        String opening = flat(pdf.page(1) + pdf.page(2));
        for (DriftRanking.Panel panel : DriftRanking.panels(report, 5)) {
            assertThat(opening).contains(panel.title(), panel.measure().axisTitle());
            for (DriftRanking.FeatureDrift drift : panel.features()) {
                assertThat(opening).contains(drift.feature());
                assertShown(opening, drift.feature() + " ", Numbers.number(drift.value()), drift.value());
            }
        }
    }

    @Test
    void everyMaterialFindingHasItsSectionAndEveryPageItsNumber() throws IOException {
        DiagnosticReport report = ReportFixtures.sample();
        Extracted pdf = extract(ReportFixtures.pdf(report));
        String all = flat(pdf.all());
        for (Finding finding : report.findings()) {
            assertThat(all).contains(flat(finding.title()));
            if (finding.severity() != Severity.INFO) {
                assertThat(all).contains(flat(finding.detail()));
            }
        }
        for (int page = 1; page <= pdf.pages(); page++) {
            assertThat(all).contains("Page " + page + " of " + pdf.pages());
        }
        assertThat(all).contains("Appendix: the numbers behind the report", "Numeric columns", "Categorical columns");
        assertThat(pdf.pages()).isBetween(4, 20);
    }

    @Test
    void evidenceNumbersOfEachFindingEqualTheReport() throws IOException {
        DiagnosticReport report = ReportFixtures.sample();
        String all = flat(extract(ReportFixtures.pdf(report)).all());
        List<String> evidence = new ArrayList<>();
        Matcher m = Pattern.compile("Evidence: (.*?)(?= (FAIL|WARN) | Notes \\(| ModelLens ·)").matcher(all);
        while (m.find()) {
            evidence.add(m.group(1));
        }
        List<Finding> material = report.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
        assertThat(evidence).hasSize(material.size());
        int checked = 0;
        for (int i = 0; i < material.size(); i++) {
            for (Map.Entry<String, Object> entry : material.get(i).evidence().entrySet()) {
                if (entry.getValue() instanceof Number number) {
                    Matcher value = Pattern.compile("(?:^| · )" + Pattern.quote(entry.getKey()) + " (< \\S+|\\S+)").matcher(evidence.get(i));
                    assertThat(value.find()).as(entry.getKey() + " in " + evidence.get(i)).isTrue();
                    assertNumberEquals(value.group(1), number.doubleValue(), material.get(i).check() + " " + entry.getKey());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void appendixTablesShowTheReportsStatistics() throws IOException {
        DiagnosticReport report = ReportFixtures.sample();
        String text = extract(ReportFixtures.pdf(report)).all();
        String appendix = text.substring(text.indexOf("Numeric columns"));
        int rows = 0;
        for (FeatureComparison feature : report.features()) {
            String line = appendix.lines().filter(l -> l.startsWith(feature.name() + " ")).findFirst().orElseThrow(
                    () -> new AssertionError("no appendix row for " + feature.name()));
            String[] cells = line.substring(feature.name().length() + 1).trim().split(" ");
            ColumnProfile train = feature.trainProfile();
            ColumnProfile prod = feature.prodProfile();
            DriftStatistics drift = feature.drift();
            // A column absent from production (renamed there) shows "–" on the production side.
            boolean inProd = prod != null;
            double[] expected;
            if (!train.quantiles().isEmpty()) {
                expected = new double[]{train.missingRate(), inProd ? prod.missingRate() : Double.NaN, train.mean(),
                    inProd ? prod.mean() : Double.NaN, train.quantiles().get("p50"),
                    inProd ? prod.quantiles().get("p50") : Double.NaN,
                    drift == null ? Double.NaN : drift.ks().statistic(), drift == null ? Double.NaN : drift.psi(),
                    drift == null ? Double.NaN : drift.wassersteinRelative()};
            } else {
                boolean categorical = drift != null && !drift.isNumeric();
                expected = new double[]{train.missingRate(), inProd ? prod.missingRate() : Double.NaN, train.distinct(),
                    inProd ? prod.distinct() : Double.NaN,
                    categorical ? drift.totalVariationPooled() : Double.NaN, categorical ? drift.jensenShannon() : Double.NaN,
                    categorical ? drift.cramersV() : Double.NaN, categorical ? drift.chiSquare().pValue() : Double.NaN};
            }
            assertThat(cells).as(line).hasSize(expected.length);
            for (int c = 0; c < expected.length; c++) {
                assertNumberEquals(cells[c], expected[c], feature.name() + " column " + (c + 1));
            }
            rows++;
        }
        assertThat(rows).isEqualTo(report.features().size());
        for (Map.Entry<String, Double> setting : report.settings().entrySet()) {
            String line = appendix.lines().filter(l -> l.startsWith(setting.getKey() + " ")).findFirst().orElseThrow();
            assertNumberEquals(line.substring(setting.getKey().length() + 1).trim(), setting.getValue(), setting.getKey());
        }
        assertThat(flat(appendix)).contains("SHA-256 " + report.inputs().train().source().sha256());
    }

    @Test
    void fontsAreEmbeddedAndEveryGlyphRenders() throws IOException {
        Path train = dir.resolve("t.csv");
        Path prod = dir.resolve("p.csv");
        // A column name and categories with accents, symbols and a script the font lacks.
        String header = "température_€,ratio_≥×\n";
        StringBuilder a = new StringBuilder(header);
        StringBuilder b = new StringBuilder(header);
        for (int i = 0; i < 300; i++) {
            a.append(i % 2 == 0 ? "été" : "hiver").append(',').append(i % 10).append('\n');
            b.append(i % 3 == 0 ? "模型" : "été").append(',').append(i % 10).append('\n');
        }
        java.nio.file.Files.writeString(train, a);
        java.nio.file.Files.writeString(prod, b);
        DiagnosticReport report = ReportFixtures.diagnose(train, prod, null);
        byte[] bytes = ReportFixtures.pdf(report);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int fonts = 0;
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSans");
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
        String all = flat(extract(bytes).all());
        assertThat(all).contains("température_€", "ratio_≥×", "été");
        // CJK is not in DejaVu Sans: printed as '?', the export does not fail.
        assertThat(all).contains("??").doesNotContain("模型");
    }

    @Test
    void modelAndExplanationSectionsAppearOnlyWithAModel() throws IOException {
        String without = flat(extract(ReportFixtures.pdf(ReportFixtures.sample())).all());
        assertThat(without).doesNotContain("Model quality").doesNotContain("What drives the model");
        DiagnosticReport report = ReportFixtures.sampleWithModel();
        String text = extract(ReportFixtures.pdf(report)).all();
        String all = flat(text);
        assertThat(all).contains("Model quality", "ROC curve", "What drives the model", "Importance: training vs production",
                "Explained production rows");
        for (Map.Entry<String, Double> metric : report.model().trainMetrics().entrySet()) {
            // The table names each metric in words (no camelCase outside the appendix).
            String label = CauseWords.metricLabel(metric.getKey(), report);
            // The table's row, not the page-1 chart's bar label that starts alike with one number.
            String line = text.lines().filter(l -> l.startsWith(label + " "))
                    .filter(l -> l.substring(label.length()).trim().split(" ").length >= 2).findFirst().orElseThrow();
            String[] cells = line.substring(label.length() + 1).trim().split(" ");
            assertNumberEquals(cells[0], metric.getValue(), metric.getKey() + " training");
            assertNumberEquals(cells[1], report.model().prodMetrics().get(metric.getKey()), metric.getKey() + " production");
        }
        assertThat(all).contains("training 0.3125, production 0.5375");
        for (Explanations.RowExplanation row : report.explanations().rows().subList(0, PdfReportWriter.EXPLAINED_ROWS_SHOWN)) {
            String line = text.lines().filter(l -> l.startsWith(row.rowIndex() + " ")).filter(l -> l.split(" ").length >= 4)
                    .reduce((first, second) -> second).orElseThrow();
            String[] cells = line.split(" ");
            assertNumberEquals(cells[1], row.prediction(), "row " + row.rowIndex() + " prediction");
            assertNumberEquals(cells[2], row.margin(), "row " + row.rowIndex() + " margin");
            assertNumberEquals(cells[3], row.baseValue(), "row " + row.rowIndex() + " base value");
        }
    }

    @Test
    void personalDataFlaggedByThePiiCheckNeverAppearsRaw() throws IOException {
        DiagnosticReport report = ReportFixtures.personal(dir);
        String all = flat(extract(ReportFixtures.pdf(report)).all());
        for (String raw : ReportFixtures.RAW_EMAILS) {
            assertThat(all).doesNotContain(raw);
        }
        assertThat(all).doesNotContain(ReportFixtures.NEW_EMAIL).doesNotContain("example.org")
                .contains("email holds e-mail addresses", PersonalData.mask(ReportFixtures.RAW_EMAILS.get(0)));
    }

    @Test
    void writesTheSampleCaseWithinItsBudget() {
        DiagnosticReport report = ReportFixtures.sampleWithModel();
        ReportFixtures.pdf(report);
        // CPU time of the writing thread: the budget holds on a quiet machine, and a loaded one does not fake a failure.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        byte[] bytes = ReportFixtures.pdf(report);
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("PDF report of the sample case: %.3f s CPU, %.3f s wall, %d bytes%n", cpu,
                (System.nanoTime() - wallStart) / 1e9, bytes.length);
        assertThat(cpu).isLessThan(1.0);
    }

    /** The number as printed (4 significant digits, a percentage, an en dash) equals the report's value. */
    static void assertNumberEquals(String shown, double expected, String what) {
        if (!Double.isFinite(expected)) {
            assertThat(shown).as(what).isEqualTo(Numbers.NONE);
            return;
        }
        if (shown.startsWith("<")) {
            // A p-value below what a double carries: the report's value must be below the bound printed.
            assertThat(expected).as(what).isLessThan(Double.parseDouble(shown.substring(1).strip()));
            return;
        }
        String plain = shown.replace(",", "");
        double value;
        double tolerance;
        if (plain.endsWith("%")) {
            value = Double.parseDouble(plain.substring(0, plain.length() - 1)) / 100;
            tolerance = 0.0005 + 1e-12;
        } else {
            value = Double.parseDouble(plain);
            tolerance = Math.abs(expected) * 5e-4 + 1e-300;
        }
        assertThat(value).as(what + ": shown " + shown + ", report " + expected).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(tolerance));
    }

    private static void assertShown(String text, String prefix, String shown, double expected) {
        assertThat(text).contains(shown);
        assertNumberEquals(shown, expected, prefix.trim());
    }

    @Test
    void awkwardReportsStillRender() throws IOException {
        // A column absent from production, a column empty on both sides, one production row, a huge label.
        String huge = "x".repeat(40_000);
        Path train = dir.resolve("t.csv");
        Path prod = dir.resolve("p.csv");
        StringBuilder a = new StringBuilder("amount,kind,empty,gone\n");
        for (int i = 0; i < 50; i++) {
            a.append(i).append(',').append(i == 0 ? huge : "k" + i % 3).append(",,").append(i % 7).append('\n');
        }
        java.nio.file.Files.writeString(train, a);
        // The one production row brings a category as long as a book: the drift chart of kind labels a bar with it.
        java.nio.file.Files.writeString(prod, "amount,kind,empty\n3," + "y".repeat(40_000) + ",\n");
        DiagnosticReport report = ReportFixtures.diagnose(train, prod, null);
        assertThat(report.findings()).anyMatch(f -> f.check().equals("schema-mismatch") && "gone".equals(f.feature()));
        assertThat(report.findings()).anyMatch(f -> f.check().equals("feature-drift") && "kind".equals(f.feature())
                && f.severity() != Severity.INFO);

        String all = flat(extract(ReportFixtures.pdf(report)).all());
        assertThat(all).contains("Column gone is missing from production").containsPattern("y{5,}… ");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(ReportFixtures.xlsx(report)))) {
            assertThat(workbook.getSheet(ExcelReportWriter.FEATURES).getLastRowNum()).isEqualTo(4);
        }
    }
}
