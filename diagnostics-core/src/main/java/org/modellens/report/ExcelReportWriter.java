package org.modellens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.modellens.ProgressListener;
import org.modellens.checks.AffectedRows;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.data.Snapshot;
import org.modellens.profile.CategoryCount;
import org.modellens.profile.ColumnProfile;
import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;

/**
 * Writes a {@link DiagnosticReport} as an Excel workbook for stakeholders and for whoever checks the
 * numbers: Summary (verdict, key figures, what changed, what to do, drift chart), Findings (one row
 * per finding, severity coloured, filterable), Evidence, Features (every statistic as a number),
 * Categories, Drift (native chart), Model and Explanations when a model was given, and Inputs.
 *
 * <p>It formats and computes nothing. Every text that comes from the data (column names, category
 * labels, evidence, file names) is written as a string cell with Excel's quote prefix, so a value
 * such as {@code =HYPERLINK(...)} or {@code @SUM(1)} shows literally and is never a formula; the
 * workbook holds no formula cell at all. Values of columns the pii check flagged are masked
 * ({@link PersonalData}).
 */
public final class ExcelReportWriter implements ReportWriter {

    /** Sheet names, in workbook order. */
    public static final String SUMMARY = "Summary";
    public static final String FINDINGS = "Findings";
    public static final String EVIDENCE = "Evidence";
    public static final String FEATURES = "Features";
    public static final String CATEGORIES = "Categories";
    public static final String DRIFT = "Drift";
    public static final String MODEL = "Model";
    public static final String EXPLANATIONS = "Explanations";
    public static final String INPUTS = "Inputs";

    /** How many features the drift chart shows. */
    public static final int CHART_FEATURES = 10;
    /** Explained rows written at most: the sheet is for checking, the JSON holds them all. */
    public static final int MAX_EXPLAINED_ROWS = 10_000;

    /** Profile columns of the Features sheet, for each side. */
    static final List<String> PROFILE_COLUMNS = List.of("rows", "non-missing", "missing", "missing rate", "unparsable",
            "distinct", "mean", "std", "min", "p01", "p05", "p25", "p50", "p75", "p95", "p99", "max");
    /** Drift columns of the Features sheet. */
    static final List<String> DRIFT_COLUMNS = List.of("KS distance", "KS p-value", "Wasserstein", "Wasserstein / training sd",
            "PSI", "standardized mean difference", "chi-square", "chi-square p-value", "chi-square dof",
            "Jensen-Shannon distance", "Cramér's V", "total variation", "total variation (pooled)");

    private static final byte[] TRAIN_COLOUR = {(byte) 0x45, (byte) 0x73, (byte) 0xB3};
    private static final byte[] PROD_COLOUR = {(byte) 0xE6, (byte) 0x80, (byte) 0x1A};
    private static final byte[] FAIL_FILL = {(byte) 0xF4, (byte) 0xC7, (byte) 0xC3};
    private static final byte[] WARN_FILL = {(byte) 0xFC, (byte) 0xE8, (byte) 0xB2};
    private static final byte[] INFO_FILL = {(byte) 0xE3, (byte) 0xEA, (byte) 0xF2};
    private static final byte[] PASS_FILL = {(byte) 0xCE, (byte) 0xEA, (byte) 0xD6};
    private static final byte[] HEADER_FILL = {(byte) 0x2F, (byte) 0x3B, (byte) 0x4C};

    private static final int MAX_CELL_TEXT = 32_767;
    /** Excel's number format for statistics: thousands separated from 1,000 on, four decimals below. */
    static final String STAT_FORMAT = "[>=1000]#,##0;[<=-1000]-#,##0;0.0000";


    private final Clock clock;

    public ExcelReportWriter() {
        this(Clock.systemUTC());
    }

    /** @param clock gives the generation time printed in the workbook */
    public ExcelReportWriter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void write(DiagnosticReport report, OutputStream out) throws IOException {
        write(report, out, ProgressListener.NONE);
    }

    @Override
    public void write(DiagnosticReport report, OutputStream out, ProgressListener progress) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            PersonalData personal = PersonalData.of(report);
            String generated = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT));
            progress.stage("Excel: summary", 0.0);
            XSSFSheet summary = workbook.createSheet(SUMMARY);
            progress.stage("Excel: findings", 0.15);
            writeFindings(workbook.createSheet(FINDINGS), report, personal, styles);
            writeEvidence(workbook.createSheet(EVIDENCE), report, personal, styles);
            progress.stage("Excel: features", 0.35);
            writeFeatures(workbook.createSheet(FEATURES), report, personal, styles);
            writeCategories(workbook.createSheet(CATEGORIES), report, personal, styles);
            XSSFSheet drift = workbook.createSheet(DRIFT);
            List<DriftBlock> driftBlocks = writeDrift(drift, report, styles);
            writeSummary(summary, report, personal, styles, generated, drift, driftBlocks);
            progress.stage("Excel: model", 0.6);
            if (report.model() != null) {
                writeModel(workbook.createSheet(MODEL), report, styles);
            }
            if (report.explanations() != null) {
                writeExplanations(workbook.createSheet(EXPLANATIONS), report.explanations(), report.inputs().target(), styles);
            }
            if (report.timeline() != null) {
                ExcelTimelineSheet.write(workbook, report.timeline());
            }
            writeInputs(workbook.createSheet(INPUTS), report, styles, generated);
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                fitHeaders(workbook.getSheetAt(i));
                printOnePageWide(workbook.getSheetAt(i));
            }
            progress.stage("Excel: saving", 0.8);
            workbook.write(out);
            progress.stage("Excel: done", 1.0);
        }
    }

    /** Header text longer than this is a heading sentence across the sheet, not a column's header. */
    private static final int HEADER_MAX_LENGTH = 80;

    /**
     * No header is cut: every column is at least as wide as the longest word of its header (bold text,
     * wrapped), and every header row is tall enough for its wrapped lines. Excel and LibreOffice size
     * neither on opening a file.
     */
    static void fitHeaders(XSSFSheet sheet) {
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            int lines = 0;
            double points = 11;
            for (Cell cell : row) {
                if (!isHeader(cell)) {
                    continue;
                }
                org.apache.poi.xssf.usermodel.XSSFFont font = ((XSSFCellStyle) cell.getCellStyle()).getFont();
                points = Math.max(points, font.getFontHeightInPoints());
                // Column widths count the digit "0" of the default 11-point font; bold letters run about 15% wider.
                double scale = font.getFontHeightInPoints() / 11.0 * 1.15;
                String text = cell.getStringCellValue();
                int longest = 0;
                for (String word : text.split(" ")) {
                    longest = Math.max(longest, word.length());
                }
                int needed = (int) Math.ceil(longest * scale) + 2;
                int column = cell.getColumnIndex();
                if (sheet.getColumnWidth(column) < needed * 256) {
                    sheet.setColumnWidth(column, Math.min(needed, 255) * 256);
                }
                lines = Math.max(lines, wrappedLines(text, (sheet.getColumnWidth(column) / 256.0 - 2) / scale));
            }
            if (lines > 1) {
                row.setHeightInPoints((float) Math.max(row.getHeightInPoints(), lines * points * 1.35 + 2));
            }
        }
    }

    /** A column header: short bold wrapped text. */
    static boolean isHeader(Cell cell) {
        if (cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
            return false;
        }
        XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
        return style.getWrapText() && style.getFont().getBold() && cell.getStringCellValue().length() <= HEADER_MAX_LENGTH;
    }

    /** The lines text takes when wrapped at spaces to lines of at most {@code width} characters. */
    static int wrappedLines(String text, double width) {
        int lines = 1;
        int used = 0;
        for (String word : text.split(" ")) {
            int length = word.length();
            if (used == 0) {
                used = length;
            } else if (used + 1 + length <= width) {
                used += 1 + length;
            } else {
                lines++;
                used = length;
            }
        }
        return lines;
    }

    /**
     * Landscape, one page wide: a stakeholder who prints a sheet gets it whole. Table sheets repeat
     * their header row on every printed page, and the print area is the used range.
     */
    private static void printOnePageWide(XSSFSheet sheet) {
        if (!sheet.getSheetName().equals(SUMMARY) && sheet.getPhysicalNumberOfRows() > 1) {
            sheet.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
        }
        int lastColumn = 0;
        int lastRow = sheet.getLastRowNum();
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            lastColumn = Math.max(lastColumn, row.getLastCellNum());
        }
        // The charts print too: the print area reaches the far corner of every drawing.
        if (sheet.getDrawingPatriarch() != null) {
            for (org.apache.poi.xssf.usermodel.XSSFShape shape : sheet.getDrawingPatriarch().getShapes()) {
                if (shape.getAnchor() instanceof org.apache.poi.xssf.usermodel.XSSFClientAnchor anchor) {
                    lastColumn = Math.max(lastColumn, anchor.getCol2() + (anchor.getDx2() > 0 ? 1 : 0));
                    lastRow = Math.max(lastRow, anchor.getRow2() - (anchor.getDy2() > 0 ? 0 : 1));
                }
            }
        }
        if (lastColumn > 0) {
            sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), 0, lastColumn - 1, 0, lastRow);
        }
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    // ---------------------------------------------------------------- Summary

    private static void writeSummary(XSSFSheet sheet, DiagnosticReport report, PersonalData personal, Styles styles,
                                     String generated, XSSFSheet drift, List<DriftBlock> driftBlocks) {
        StakeholderSummary summary = StakeholderSummary.of(report);
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 95 * 256);
        int r = 0;
        text(sheet.createRow(r++), 0, StakeholderText.get("report.title"), styles.title);
        text(sheet.createRow(r++), 0, StakeholderText.get("report.subtitle"), styles.subtitle);
        text(sheet.createRow(r++), 0, StakeholderText.get("report.generated", generated, report.toolVersion()), styles.subtitle);
        r++;
        XSSFRow verdict = sheet.createRow(r++);
        verdict.setHeightInPoints(24);
        text(verdict, 0, StakeholderText.get("verdict.label"), styles.bold);
        text(verdict, 1, summary.verdictText(), styles.verdict.get(summary.verdict()));
        text(sheet.createRow(r++), 1, summary.countsText(), styles.wrap);
        r++;
        ReportIdentity identity = report.identity();
        if (identity != null) {
            r = labelled(sheet, r, "Report id", identity.reportId(), styles);
            r = labelled(sheet, r, "Model", identity.modelLabel(report.model() == null ? "no model given"
                    : report.model().type() + " model (unnamed)"), styles);
            if (!identity.modelOwner().isEmpty()) {
                r = labelled(sheet, r, "Owner", identity.modelOwner(), styles);
            }
            if (!identity.intendedUse().isEmpty()) {
                r = labelled(sheet, r, "Intended use", identity.intendedUse(), styles);
            }
            r++;
        }
        if (!summary.costs().isEmpty()) {
            text(sheet.createRow(r++), 0, StakeholderText.get("section.impact"), styles.section);
            r = bulleted(sheet, r, summary.costs(), personal, styles);
            r++;
        }
        if (summary.quality() != null) {
            text(sheet.createRow(r++), 0, StakeholderText.get("section.quality"), styles.section);
            r = bulleted(sheet, r, List.of(summary.quality()), personal, styles);
            r++;
        }
        if (!summary.topCauses().isEmpty()) {
            text(sheet.createRow(r++), 0, StakeholderText.get("section.causes"), styles.section);
            for (StakeholderSummary.TopCause cause : summary.topCauses()) {
                XSSFRow row = sheet.createRow(r++);
                text(row, 0, cause.rank() + ".", styles.right);
                dataText(row, 1, personal.text(cause.title()), styles.dataWrap);
                fitWrappedHeight(sheet, row);
                if (!cause.impact().isEmpty()) {
                    XSSFRow impact = sheet.createRow(r++);
                    dataText(impact, 1, personal.text(cause.impact()), styles.dataWrap);
                    fitWrappedHeight(sheet, impact);
                }
                XSSFRow action = sheet.createRow(r++);
                dataText(action, 1, StakeholderText.get("section.todo") + ": " + personal.text(cause.action()), styles.dataWrap);
                fitWrappedHeight(sheet, action);
            }
        } else {
            text(sheet.createRow(r++), 0, StakeholderText.get("section.changed"), styles.section);
            r = numbered(sheet, r, summary.whatChanged(), personal, styles);
        }
        if (!summary.alsoAffected().isEmpty()) {
            dataText(sheet.createRow(r++), 1, personal.text(StakeholderText.get("section.alsoAffectedSheet",
                    String.join(", ", summary.alsoAffected()))), styles.dataWrap);
        }
        r++;
        if (summary.topCauses().isEmpty()) {
            text(sheet.createRow(r++), 0, StakeholderText.get("section.todo"), styles.section);
            r = numbered(sheet, r, summary.whatToDo(), personal, styles);
            r++;
        }
        if (!summary.notAssessed().isEmpty()) {
            text(sheet.createRow(r++), 0, StakeholderText.get("section.notAssessed"), styles.section);
            r = bulleted(sheet, r, summary.notAssessed(), personal, styles);
            r++;
        }
        text(sheet.createRow(r++), 0, StakeholderText.get("section.keyFigures"), styles.section);
        Snapshot train = report.inputs().train();
        Snapshot prod = report.inputs().prod();
        Map<Severity, Long> counts = report.counts();
        r = keyFigure(sheet, r, "Training rows", train.rows(), styles.keyCount);
        r = keyFigure(sheet, r, "Production rows", prod.rows(), styles.keyCount);
        r = keyFigure(sheet, r, "Columns compared", report.features().size(), styles.keyCount);
        r = keyFigure(sheet, r, "Failures", counts.get(Severity.FAIL), styles.keyCount);
        r = keyFigure(sheet, r, "Warnings", counts.get(Severity.WARN), styles.keyCount);
        r = keyFigure(sheet, r, "Notes", counts.get(Severity.INFO), styles.keyCount);
        ModelSection model = report.model();
        if (model != null) {
            for (Map.Entry<String, Double> metric : model.trainMetrics().entrySet()) {
                // Counts print as counts ("566", never "566.0000"); metrics by name, classes by their labels.
                boolean counted = metric.getKey().equals("rows") || metric.getKey().startsWith("false");
                CellStyle style = counted ? styles.keyCount : styles.keyStat;
                String label = CauseWords.metricLabel(metric.getKey(), report);
                r = keyFigure(sheet, r, label + ", training", metric.getValue(), style);
                Double prodValue = model.prodMetrics().get(metric.getKey());
                if (prodValue != null) {
                    r = keyFigure(sheet, r, label + ", production" + (model.prodEstimated() ? " (estimated)" : ""), prodValue, style);
                }
            }
        }
        placeDriftCharts(sheet, sheet.getLastRowNum() + 2, 2, drift, driftBlocks);
    }

    private static int bulleted(XSSFSheet sheet, int r, List<String> sentences, PersonalData personal, Styles styles) {
        for (String sentence : sentences) {
            XSSFRow row = sheet.createRow(r++);
            text(row, 0, "\u00b7", styles.right);
            dataText(row, 1, personal.text(sentence), styles.dataWrap);
            fitWrappedHeight(sheet, row);
        }
        return r;
    }

    private static int numbered(XSSFSheet sheet, int r, List<String> sentences, PersonalData personal, Styles styles) {
        int n = 1;
        for (String sentence : sentences) {
            XSSFRow row = sheet.createRow(r++);
            text(row, 0, n++ + ".", styles.right);
            dataText(row, 1, personal.text(sentence), styles.dataWrap);
            fitWrappedHeight(sheet, row);
        }
        return r;
    }

    private static int keyFigure(XSSFSheet sheet, int r, String label, double value, CellStyle style) {
        XSSFRow row = sheet.createRow(r);
        text(row, 0, label, null);
        number(row, 1, value, style);
        return r + 1;
    }

    // ---------------------------------------------------------------- Findings and evidence

    /** Header of the findings register: the report's findings plus columns a reviewer fills in and pivots on. */
    static final List<String> REGISTER = List.of("#", "Severity", "Severity level", "Cause", "Cause kind", "Check", "Column",
            "Model input", "Finding", "Detail", "Metric", "Value", "Affected rows", "Example rows (0-based)", "What to do",
            "Owner", "Status", "Due date");

    private static void writeFindings(XSSFSheet sheet, DiagnosticReport report, PersonalData personal, Styles styles) {
        header(sheet, REGISTER, styles);
        int[] widths = {5, 10, 8, 7, 18, 18, 20, 8, 60, 80, 22, 12, 14, 24, 60, 18, 12, 12};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        Map<Integer, org.modellens.causes.Cause> causeOf = new java.util.HashMap<>();
        report.causes().forEach(cause -> cause.findings().forEach(index -> causeOf.put(index, cause)));
        java.util.Set<String> inputs = report.model() == null ? java.util.Set.of() : java.util.Set.copyOf(report.model().features());
        int r = 1;
        for (Finding finding : report.findings()) {
            XSSFRow row = sheet.createRow(r);
            org.modellens.causes.Cause cause = causeOf.get(r - 1);
            number(row, 0, r, styles.count);
            text(row, 1, finding.severity().jsonName(), styles.centre);
            number(row, 2, finding.severity().ordinal() + 1, styles.count);
            if (cause != null) {
                number(row, 3, cause.rank(), styles.count);
                text(row, 4, cause.kind(), styles.plain);
            }
            text(row, 5, finding.check(), styles.plain);
            dataText(row, 6, finding.feature() == null ? "" : finding.feature(), styles.data);
            if (report.model() != null && finding.feature() != null) {
                text(row, 7, inputs.contains(finding.feature()) ? "yes" : "no", styles.centre);
            }
            dataText(row, 8, personal.text(finding.title()), styles.dataWrap);
            dataText(row, 9, personal.text(finding.detail()), styles.dataWrap);
            finding.evidence().entrySet().stream().filter(e -> e.getValue() instanceof Double d && Double.isFinite(d))
                    .findFirst().ifPresent(e -> {
                        text(row, 10, e.getKey(), styles.plain);
                        number(row, 11, (Double) e.getValue(), styles.stat);
                    });
            AffectedRows rows = finding.rows();
            if (rows != null) {
                number(row, 12, rows.count(), styles.count);
                text(row, 13, rows.examples().stream().map(String::valueOf).collect(Collectors.joining(", ")), styles.wrap);
            }
            dataText(row, 14, cause != null ? personal.text(cause.whatToDo())
                    : StakeholderText.whatToDo(finding.check(), finding.feature()), styles.dataWrap);
            text(row, 16, finding.severity() == Severity.INFO ? "noted" : "open", styles.plain);
            fitWrappedHeight(sheet, row);
            r++;
        }
        finishTable(sheet, r - 1, REGISTER.size());
        severityColours(sheet, 1, r - 1, 1);
    }

    private static void writeEvidence(XSSFSheet sheet, DiagnosticReport report, PersonalData personal, Styles styles) {
        List<String> headers = List.of("Finding #", "Severity", "Check", "Column", "Statistic", "Value");
        header(sheet, headers, styles);
        int[] widths = {10, 10, 18, 20, 30, 40};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        int r = 1;
        int index = 1;
        for (Finding finding : report.findings()) {
            for (Map.Entry<String, Object> entry : finding.evidence().entrySet()) {
                XSSFRow row = sheet.createRow(r++);
                number(row, 0, index, styles.count);
                text(row, 1, finding.severity().jsonName(), styles.centre);
                text(row, 2, finding.check(), styles.plain);
                dataText(row, 3, finding.feature() == null ? "" : finding.feature(), styles.data);
                text(row, 4, entry.getKey(), styles.plain);
                Object value = entry.getValue();
                if (value instanceof Number n) {
                    number(row, 5, n.doubleValue(), !(value instanceof Double) ? styles.count
                            : entry.getKey().toLowerCase(Locale.ROOT).endsWith("pvalue") ? styles.pValue : styles.stat);
                } else {
                    dataText(row, 5, evidenceText(finding, value, personal), styles.data);
                }
            }
            index++;
        }
        finishTable(sheet, r - 1, headers.size());
        severityColours(sheet, 1, r - 1, 1);
    }

    /** An evidence value that is not a number: masked when its column is flagged. */
    static String evidenceText(Finding finding, Object value, PersonalData personal) {
        boolean flagged = personal.isFlagged(finding.feature()) && !PersonalData.CHECK.equals(finding.check());
        if (value instanceof List<?> list) {
            return list.stream().map(item -> flagged ? PersonalData.mask(String.valueOf(item)) : personal.text(String.valueOf(item)))
                    .collect(Collectors.joining("; "));
        }
        String text = String.valueOf(value);
        return flagged ? PersonalData.mask(text) : personal.text(text);
    }

    // ---------------------------------------------------------------- Features and categories

    private static void writeFeatures(XSSFSheet sheet, DiagnosticReport report, PersonalData personal, Styles styles) {
        List<String> headers = new ArrayList<>(List.of("Column", "Role", "Type"));
        for (String side : List.of("training", "production")) {
            for (String column : PROFILE_COLUMNS) {
                headers.add(side + ": " + column);
            }
        }
        headers.addAll(DRIFT_COLUMNS);
        headers.add("Note");
        header(sheet, headers, styles);
        sheet.setColumnWidth(0, 22 * 256);
        for (int i = 3; i < headers.size() - 1; i++) {
            sheet.setColumnWidth(i, 14 * 256);
        }
        sheet.setColumnWidth(headers.size() - 1, 40 * 256);
        int r = 1;
        for (FeatureComparison feature : report.features()) {
            XSSFRow row = sheet.createRow(r++);
            dataText(row, 0, feature.name(), styles.data);
            text(row, 1, feature.role().jsonName(), styles.plain);
            text(row, 2, feature.type().jsonName(), styles.plain);
            boolean masked = personal.isFlagged(feature.name());
            int c = 3;
            c = profile(row, c, feature.trainProfile(), masked, styles);
            c = profile(row, c, feature.prodProfile(), masked, styles);
            DriftStatistics drift = feature.drift();
            if (drift != null) {
                if (drift.isNumeric()) {
                    number(row, c, drift.ks().statistic(), styles.stat);
                    number(row, c + 1, drift.ks().pValue(), styles.pValue);
                    number(row, c + 2, drift.wasserstein(), styles.value);
                    number(row, c + 3, drift.wassersteinRelative(), styles.stat);
                    number(row, c + 4, drift.psi(), styles.stat);
                    number(row, c + 5, drift.standardizedMeanDifference(), styles.stat);
                } else {
                    number(row, c + 6, drift.chiSquare().statistic(), styles.value);
                    number(row, c + 7, drift.chiSquare().pValue(), styles.pValue);
                    number(row, c + 8, drift.chiSquare().dof(), styles.count);
                    number(row, c + 9, drift.jensenShannon(), styles.stat);
                    number(row, c + 10, drift.cramersV(), styles.stat);
                    number(row, c + 11, drift.totalVariation(), styles.stat);
                    number(row, c + 12, drift.totalVariationPooled(), styles.stat);
                }
            }
            if (masked) {
                text(row, c + DRIFT_COLUMNS.size(), StakeholderText.get("masked"), styles.plain);
            } else if (feature.prodProfile() == null) {
                text(row, c + DRIFT_COLUMNS.size(), "absent from production", styles.plain);
            }
        }
        finishTable(sheet, r - 1, headers.size());
        sheet.createFreezePane(1, 1);
    }

    private static int profile(XSSFRow row, int c, ColumnProfile profile, boolean masked, Styles styles) {
        if (profile == null) {
            return c + PROFILE_COLUMNS.size();
        }
        number(row, c, profile.rows(), styles.count);
        number(row, c + 1, profile.count(), styles.count);
        number(row, c + 2, profile.missing(), styles.count);
        number(row, c + 3, profile.missingRate(), styles.rate);
        number(row, c + 4, profile.unparsable(), styles.count);
        number(row, c + 5, profile.distinct(), styles.count);
        if (!masked && !profile.quantiles().isEmpty()) {
            number(row, c + 6, profile.mean(), styles.value);
            number(row, c + 7, profile.std(), styles.value);
            number(row, c + 8, profile.min(), styles.value);
            int q = c + 9;
            for (String level : List.of("p01", "p05", "p25", "p50", "p75", "p95", "p99")) {
                number(row, q++, profile.quantiles().getOrDefault(level, Double.NaN), styles.value);
            }
            number(row, c + 16, profile.max(), styles.value);
        }
        return c + PROFILE_COLUMNS.size();
    }

    private static void writeCategories(XSSFSheet sheet, DiagnosticReport report, PersonalData personal, Styles styles) {
        List<String> headers = List.of("Column", "Side", "Category", "Rows", "Share of non-missing");
        header(sheet, headers, styles);
        int[] widths = {22, 12, 36, 12, 20};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        int r = 1;
        for (FeatureComparison feature : report.features()) {
            for (String side : List.of("training", "production")) {
                ColumnProfile profile = side.equals("training") ? feature.trainProfile() : feature.prodProfile();
                if (profile == null) {
                    continue;
                }
                for (CategoryCount category : profile.topCategories()) {
                    XSSFRow row = sheet.createRow(r++);
                    dataText(row, 0, feature.name(), styles.data);
                    text(row, 1, side, styles.plain);
                    dataText(row, 2, personal.value(feature.name(), category.label()), styles.data);
                    number(row, 3, category.count(), styles.count);
                    number(row, 4, category.share(), styles.rate);
                }
            }
        }
        finishTable(sheet, r - 1, headers.size());
    }

    /** The rows of the Drift sheet that hold one measure's features (0-based, inclusive). */
    private record DriftBlock(DriftRanking.Panel panel, int firstRow, int lastRow) {
    }

    /** Columns of the Drift sheet. */
    static final List<String> DRIFT_SHEET_COLUMNS = List.of("Column", "Measure", "Value", "Warn at", "Fail at", "Severity");

    /**
     * The top features of each measure, one block of rows per measure with the levels in force, and one
     * chart per measure: a measure never shares an axis with another.
     */
    private static List<DriftBlock> writeDrift(XSSFSheet sheet, DiagnosticReport report, Styles styles) {
        header(sheet, DRIFT_SHEET_COLUMNS, styles);
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 18 * 256);
        for (int c = 2; c < DRIFT_SHEET_COLUMNS.size(); c++) {
            sheet.setColumnWidth(c, 11 * 256);
        }
        List<DriftBlock> blocks = new ArrayList<>();
        int r = 1;
        for (DriftRanking.Panel panel : DriftRanking.panels(report, CHART_FEATURES)) {
            int first = r;
            for (DriftRanking.FeatureDrift drift : panel.features()) {
                XSSFRow row = sheet.createRow(r++);
                dataText(row, 0, drift.feature(), styles.data);
                text(row, 1, drift.measure(), styles.plain);
                number(row, 2, drift.value(), styles.stat);
                number(row, 3, panel.warn(), styles.stat);
                number(row, 4, panel.fail(), styles.stat);
                text(row, 5, drift.severity().jsonName(), styles.centre);
            }
            blocks.add(new DriftBlock(panel, first, r - 1));
        }
        finishTable(sheet, r - 1, DRIFT_SHEET_COLUMNS.size());
        severityColours(sheet, 1, r - 1, 5);
        placeDriftCharts(sheet, r + 1, DRIFT_SHEET_COLUMNS.size(), sheet, blocks);
        return blocks;
    }

    /** Rows a drift chart spans: two charts and their gaps fill a printed landscape page. */
    private static final int DRIFT_CHART_ROWS = 15;

    /**
     * The drift charts under a sheet's text, as wide as its first {@code columns} columns, so they print with it:
     * a page break before the first and then before every other, so no chart is cut by a page.
     */
    private static void placeDriftCharts(XSSFSheet sheet, int top, int columns, XSSFSheet data, List<DriftBlock> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            if (i % 2 == 0 && top > 0) {
                sheet.setRowBreak(top - 1);
            }
            driftChart(sheet, 0, top, columns, top + DRIFT_CHART_ROWS, data, blocks.get(i));
            top += DRIFT_CHART_ROWS + 1;
        }
    }

    /**
     * One measure's drift as a native column chart: a bar per feature coloured by its severity, and the
     * warn and fail levels as lines across it (line series over the same axes), the value axis titled
     * with the measure.
     */
    private static void driftChart(XSSFSheet sheet, int col1, int row1, int col2, int row2, XSSFSheet data, DriftBlock block) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2));
        DriftRanking.FeatureDrift largest = block.panel().features().get(0);
        chart.setTitleText(block.panel().title() + (block.panel().offScale() ? " (" + largest.feature() + ", "
                + org.modellens.text.Numbers.number(largest.value()) + ", runs off the scale)" : ""));
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.LEFT);
        valueAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        valueAxis.setMinimum(0);
        if (block.panel().offScale()) {
            valueAxis.setMaximum(PdfCharts.ticks(0, block.panel().axisMax())[PdfCharts.ticks(0, block.panel().axisMax()).length - 1]);
        }
        valueAxis.setNumberFormat("0.00");
        valueAxis.setTitle(block.panel().measure().label);
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(data,
                new CellRangeAddress(block.firstRow(), block.lastRow(), 0, 0));
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        XDDFChartData.Series values = bars.addSeries(labels, XDDFDataSourcesFactory.fromNumericCellRange(data,
                new CellRangeAddress(block.firstRow(), block.lastRow(), 2, 2)));
        values.setTitle(block.panel().measure().label, null);
        values.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(INFO_BAR)));
        List<DriftRanking.FeatureDrift> features = block.panel().features();
        for (int i = 0; i < features.size(); i++) {
            byte[] colour = switch (features.get(i).severity()) {
                case FAIL -> FAIL_BAR;
                case WARN -> WARN_BAR;
                case INFO -> INFO_BAR;
            };
            values.getDataPoint(i).setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
        }
        chart.plot(bars);
        if (Double.isFinite(block.panel().warn())) {
            XDDFLineChartData levels = (XDDFLineChartData) chart.createData(ChartTypes.LINE, categoryAxis, valueAxis);
            levels.setVaryColors(false);
            for (int c : new int[]{3, 4}) {
                XDDFLineChartData.Series level = (XDDFLineChartData.Series) levels.addSeries(labels,
                        XDDFDataSourcesFactory.fromNumericCellRange(data, new CellRangeAddress(block.firstRow(), block.lastRow(), c, c)));
                level.setTitle(c == 3 ? "warn level" : "fail level", null);
                level.setMarkerStyle(MarkerStyle.NONE);
                level.setSmooth(false);
                XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(c == 3 ? WARN_BAR : FAIL_BAR)));
                line.setWidth(2.0);
                level.setLineProperties(line);
            }
            chart.plot(levels);
        }
    }

    /** Bar colours by severity, as the PDF's. */
    private static final byte[] FAIL_BAR = {(byte) 0xBF, (byte) 0x2B, (byte) 0x26};
    private static final byte[] WARN_BAR = {(byte) 0xD9, (byte) 0x8C, (byte) 0x00};
    private static final byte[] INFO_BAR = {(byte) 0x73, (byte) 0x85, (byte) 0x99};

    // ---------------------------------------------------------------- Model and explanations

    private static void writeModel(XSSFSheet sheet, DiagnosticReport report, Styles styles) {
        ModelSection model = report.model();
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 18 * 256);
        sheet.setColumnWidth(2, 18 * 256);
        sheet.setColumnWidth(3, 44 * 256);
        // The curve table's y header reads on two lines, not five.
        sheet.setColumnWidth(4, 30 * 256);
        int r = 0;
        r = labelled(sheet, r, "Model file", model.path() == null ? "" : model.path(), styles);
        r = labelled(sheet, r, "Type", model.type(), styles);
        r = labelled(sheet, r, "Task", model.task() == null ? "" : model.task(), styles);
        XSSFRow thresholdRow = sheet.createRow(r++);
        text(thresholdRow, 0, "Decision threshold", styles.bold);
        number(thresholdRow, 1, model.threshold(), styles.stat);
        r = labelled(sheet, r, "Features (model order)", String.join(", ", model.features()), styles);
        if (!model.classLabels().isEmpty()) {
            String target = report.inputs() == null ? null : report.inputs().target();
            r = labelled(sheet, r, "Classes (as in the data)", String.join(", ", model.classLabels().stream()
                    .map(label -> org.modellens.text.Outcomes.name(target, label)).toList()), styles);
        }
        r++;
        XSSFRow head = sheet.createRow(r++);
        text(head, 0, "Metric", styles.header);
        text(head, 1, "Training", styles.header);
        text(head, 2, model.prodEstimated() ? "Production (estimated)" : "Production", styles.header);
        text(head, 3, "In words", styles.header);
        Set<String> metrics = new LinkedHashSet<>(model.trainMetrics().keySet());
        metrics.addAll(model.prodMetrics().keySet());
        for (String metric : metrics) {
            XSSFRow row = sheet.createRow(r++);
            text(row, 0, metric, styles.plain);
            // Counts as counts: "566", never "566.0000".
            CellStyle style = metric.equals("rows") || metric.startsWith("false") ? styles.count : styles.stat;
            number(row, 1, model.trainMetrics().getOrDefault(metric, Double.NaN), style);
            number(row, 2, model.prodMetrics().getOrDefault(metric, Double.NaN), style);
            text(row, 3, CauseWords.metricLabel(metric, report), styles.plain);
        }
        ModelSection.CostSummary cost = model.cost();
        if (cost != null) {
            r++;
            text(sheet.createRow(r++), 0, "Expected cost", styles.section);
            r = keyFigure(sheet, r, "Cost of a false positive", cost.falsePositiveCost(), styles.value);
            r = keyFigure(sheet, r, "Cost of a false negative", cost.falseNegativeCost(), styles.value);
            r = keyFigure(sheet, r, "Threshold", cost.threshold(), styles.stat);
            r = keyFigure(sheet, r, "Cost per row, training", cost.trainCostPerRow(), styles.value);
            r = keyFigure(sheet, r, "Cost per row, production" + (cost.prodEstimated() ? " (estimated)" : ""),
                    cost.prodCostPerRow(), styles.value);
        }
        if (!model.curves().isEmpty()) {
            r++;
            XSSFRow curveHead = sheet.createRow(r++);
            List<String> names = List.of("Curve", "Side", "Point", "x (ROC: false positive rate; calibration: mean predicted)",
                    "y (ROC: true positive rate; calibration: observed rate)", "Rows in bin");
            for (int i = 0; i < names.size(); i++) {
                text(curveHead, i, names.get(i), styles.header);
            }
            for (ModelSection.Curve curve : model.curves()) {
                for (int i = 0; i < curve.x().length; i++) {
                    XSSFRow row = sheet.createRow(r++);
                    text(row, 0, curve.kind(), styles.plain);
                    text(row, 1, curve.side(), styles.plain);
                    number(row, 2, i, styles.count);
                    number(row, 3, curve.x()[i], styles.stat);
                    number(row, 4, curve.y()[i], styles.stat);
                    if (i < curve.counts().length) {
                        number(row, 5, curve.counts()[i], styles.count);
                    }
                }
            }
        }
    }

    private static int labelled(XSSFSheet sheet, int r, String label, String value, Styles styles) {
        XSSFRow row = sheet.createRow(r);
        text(row, 0, label, styles.bold);
        dataText(row, 1, value, styles.data);
        return r + 1;
    }

    private static void writeExplanations(XSSFSheet sheet, Explanations explanations, String target, Styles styles) {
        sheet.setColumnWidth(0, 22 * 256);
        String units = explanations.unitsFor(target);
        int r = 0;
        r = labelled(sheet, r, "Attribution method", explanations.method(), styles);
        r = labelled(sheet, r, "Output space", explanations.space(), styles);
        r = labelled(sheet, r, "Contribution units", units, styles);
        r++;
        int tableTop = r;
        XSSFRow head = sheet.createRow(r++);
        text(head, 0, "Feature", styles.header);
        text(head, 1, "Mean |contribution|, training (" + units + ")", styles.header);
        text(head, 2, "Mean |contribution|, production (" + units + ")", styles.header);
        Set<String> features = new LinkedHashSet<>(explanations.globalTrain().keySet());
        features.addAll(explanations.globalProd().keySet());
        for (String feature : features) {
            XSSFRow row = sheet.createRow(r++);
            dataText(row, 0, feature, styles.data);
            number(row, 1, explanations.globalTrain().getOrDefault(feature, Double.NaN), styles.stat);
            number(row, 2, explanations.globalProd().getOrDefault(feature, Double.NaN), styles.stat);
        }
        int chartRows = Math.min(features.size(), CHART_FEATURES);
        if (chartRows > 0) {
            barChart(sheet, 4, tableTop, 14, tableTop + 20, "Mean |contribution| in " + units + ": training vs production", sheet,
                    tableTop + 1, tableTop + chartRows, 0,
                    List.of(new SeriesColumn(1, StakeholderText.get("side.train"), TRAIN_COLOUR),
                            new SeriesColumn(2, StakeholderText.get("side.prod"), PROD_COLOUR)), Double.NaN, "0.00");
        }
        r = Math.max(r, tableTop + 22);
        text(sheet.createRow(r++), 0, StakeholderText.get("section.rowExplanations"), styles.section);
        Set<String> contributionNames = new LinkedHashSet<>();
        explanations.rows().forEach(row -> contributionNames.addAll(row.contributions().keySet()));
        XSSFRow rowsHead = sheet.createRow(r++);
        List<String> fixed = List.of("Production row (0-based)", "Prediction", "Output (" + units + ")", "Base value (" + units + ")");
        for (int i = 0; i < fixed.size(); i++) {
            text(rowsHead, i, fixed.get(i), styles.header);
        }
        int c = fixed.size();
        for (String name : contributionNames) {
            dataText(rowsHead, c++, name, styles.header);
        }
        int written = 0;
        for (Explanations.RowExplanation explained : explanations.rows()) {
            if (written++ == MAX_EXPLAINED_ROWS) {
                text(sheet.createRow(r++), 0, "… " + (explanations.rows().size() - MAX_EXPLAINED_ROWS)
                        + " more rows in the JSON report", styles.plain);
                break;
            }
            XSSFRow row = sheet.createRow(r++);
            number(row, 0, explained.rowIndex(), styles.count);
            number(row, 1, explained.prediction(), styles.stat);
            number(row, 2, explained.margin(), styles.stat);
            number(row, 3, explained.baseValue(), styles.stat);
            int k = fixed.size();
            for (String name : contributionNames) {
                number(row, k++, explained.contributions().getOrDefault(name, Double.NaN), styles.stat);
            }
        }
    }

    // ---------------------------------------------------------------- Inputs

    private static void writeInputs(XSSFSheet sheet, DiagnosticReport report, Styles styles, String generated) {
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 70 * 256);
        sheet.setColumnWidth(2, 70 * 256);
        int r = 0;
        XSSFRow head = sheet.createRow(r++);
        text(head, 0, "", styles.header);
        text(head, 1, StakeholderText.get("side.train"), styles.header);
        text(head, 2, StakeholderText.get("side.prod"), styles.header);
        Snapshot train = report.inputs().train();
        Snapshot prod = report.inputs().prod();
        r = pair(sheet, r, "File", train.source().path().toString(), prod.source().path().toString(), styles);
        r = pair(sheet, r, "Format", train.source().format(), prod.source().format(), styles);
        XSSFRow rows = sheet.createRow(r++);
        text(rows, 0, "Rows", styles.bold);
        number(rows, 1, train.rows(), styles.count);
        number(rows, 2, prod.rows(), styles.count);
        XSSFRow columns = sheet.createRow(r++);
        text(columns, 0, "Columns", styles.bold);
        number(columns, 1, train.columns().size(), styles.count);
        number(columns, 2, prod.columns().size(), styles.count);
        r = pair(sheet, r, "SHA-256", train.source().sha256(), prod.source().sha256(), styles);
        r++;
        r = labelled(sheet, r, "Target", report.inputs().target() == null ? "(none)" : report.inputs().target(), styles);
        r = labelled(sheet, r, "Task", report.inputs().task() == null ? "(none)" : report.inputs().task(), styles);
        if (report.model() != null) {
            r = labelled(sheet, r, "Model file", report.model().path() == null ? "" : report.model().path(), styles);
            r = labelled(sheet, r, "Model type", report.model().type(), styles);
        }
        r = labelled(sheet, r, "Tool", "ModelLens " + report.toolVersion(), styles);
        r = labelled(sheet, r, "Generated", generated, styles);
        r++;
        XSSFRow settingsHead = sheet.createRow(r++);
        text(settingsHead, 0, "Setting", styles.header);
        text(settingsHead, 1, "Value", styles.header);
        for (Map.Entry<String, Double> setting : new TreeMap<>(report.settings()).entrySet()) {
            XSSFRow row = sheet.createRow(r++);
            text(row, 0, setting.getKey(), styles.plain);
            // A seed is a name, not a quantity: no thousands separators.
            double v = setting.getValue();
            number(row, 1, v, setting.getKey().endsWith("seed") ? styles.plainInteger
                    : v == Math.rint(v) && Math.abs(v) < 1e15 ? styles.count : styles.decimal);
        }
    }

    private static int pair(XSSFSheet sheet, int r, String label, String train, String prod, Styles styles) {
        XSSFRow row = sheet.createRow(r);
        text(row, 0, label, styles.bold);
        dataText(row, 1, train, styles.data);
        dataText(row, 2, prod, styles.data);
        return r + 1;
    }

    // ---------------------------------------------------------------- Charts

    /** A chart series: values in {@code column}, titled, filled with {@code colour}. */
    private record SeriesColumn(int column, String title, byte[] colour) {
    }

    /** A native horizontal bar chart, first category on top, reading its values from {@code data}. */
    private static void barChart(XSSFSheet sheet, int col1, int row1, int col2, int row2, String title,
                                 XSSFSheet data, int firstRow, int lastRow, int labelColumn, List<SeriesColumn> series,
                                 double axisMax, String axisFormat) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        if (series.size() > 1) {
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
        XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.LEFT);
        categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
        XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        valueAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        valueAxis.setMinimum(0);
        if (Double.isFinite(axisMax)) {
            valueAxis.setMaximum(axisMax);
        }
        valueAxis.setNumberFormat(axisFormat);
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(data,
                new CellRangeAddress(firstRow, lastRow, labelColumn, labelColumn));
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
        bars.setBarDirection(BarDirection.BAR);
        bars.setBarGrouping(BarGrouping.CLUSTERED);
        bars.setVaryColors(false);
        for (SeriesColumn column : series) {
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(data,
                    new CellRangeAddress(firstRow, lastRow, column.column(), column.column()));
            XDDFChartData.Series added = bars.addSeries(labels, values);
            added.setTitle(column.title(), null);
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(column.colour())));
            added.setShapeProperties(shape);
        }
        chart.plot(bars);
    }

    // ---------------------------------------------------------------- Cells

    private static void header(XSSFSheet sheet, List<String> names, Styles styles) {
        XSSFRow row = sheet.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            dataText(row, i, names.get(i), styles.header);
        }
    }

    private static void finishTable(XSSFSheet sheet, int lastRow, int columns) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 0), 0, columns - 1));
    }

    /** Colours the severity column: the rule compares the cell with a constant, so it stays when the user sorts. */
    private static void severityColours(XSSFSheet sheet, int firstRow, int lastRow, int column) {
        if (lastRow < firstRow) {
            return;
        }
        XSSFSheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        CellRangeAddress[] range = {new CellRangeAddress(firstRow, lastRow, column, column)};
        for (Map.Entry<String, byte[]> level : Map.of("fail", FAIL_FILL, "warn", WARN_FILL, "info", INFO_FILL).entrySet()) {
            XSSFConditionalFormattingRule rule = formatting.createConditionalFormattingRule(ComparisonOperator.EQUAL,
                    "\"" + level.getKey() + "\"");
            rule.createPatternFormatting().setFillBackgroundColor(new XSSFColor(level.getValue(), null));
            formatting.addConditionalFormatting(range, rule);
        }
    }

    /**
     * Sets a row tall enough for its wrapped text. Excel sizes such rows when it edits them, but
     * neither it nor LibreOffice does so on opening a file, so the wrapped lines would overlap.
     */
    private static void fitWrappedHeight(XSSFSheet sheet, XSSFRow row) {
        int lines = 1;
        for (Cell cell : row) {
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getCellStyle().getWrapText()) {
                // Column width is in 1/256 of a "0"; sentences in the default font run about a quarter narrower.
                double perLine = sheet.getColumnWidth(cell.getColumnIndex()) / 256.0 * 1.25;
                lines = Math.max(lines, (int) Math.ceil(cell.getStringCellValue().length() / perLine));
            }
        }
        row.setHeightInPoints(Math.min(409, lines * 15f));
    }

    /** A string cell with text ModelLens wrote (labels, headings). */
    private static void text(XSSFRow row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /**
     * A string cell with text that may come from the data. A string cell is never evaluated, and the
     * style's quote prefix keeps Excel and LibreOffice from turning "=..." into a formula when the
     * user edits the cell or the sheet is exported.
     */
    private static void dataText(XSSFRow row, int column, String value, CellStyle quotePrefixedStyle) {
        Cell cell = row.createCell(column);
        String text = value == null ? "" : value;
        // A cell holds at most 32,767 characters; a longer value from the data is cut, not an error.
        cell.setCellValue(text.length() > MAX_CELL_TEXT ? text.substring(0, MAX_CELL_TEXT - 1) + "…" : text);
        cell.setCellStyle(quotePrefixedStyle);
    }

    /** A numeric cell; {@code NaN} and infinities leave the cell empty (Excel has no NaN). */
    private static void number(XSSFRow row, int column, double value, CellStyle style) {
        if (!Double.isFinite(value)) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Every cell style of the workbook, created once (a workbook holds at most 64,000). */
    private static final class Styles {
        final XSSFCellStyle title;
        final XSSFCellStyle subtitle;
        final XSSFCellStyle section;
        final XSSFCellStyle bold;
        final XSSFCellStyle header;
        final XSSFCellStyle plain;
        final XSSFCellStyle right;
        final XSSFCellStyle centre;
        final XSSFCellStyle wrap;
        final XSSFCellStyle data;
        final XSSFCellStyle dataWrap;
        final XSSFCellStyle count;
        final XSSFCellStyle rate;
        final XSSFCellStyle stat;
        final XSSFCellStyle pValue;
        final XSSFCellStyle value;
        final XSSFCellStyle plainInteger;
        final XSSFCellStyle decimal;
        final XSSFCellStyle keyCount;
        final XSSFCellStyle keyStat;
        final Map<String, XSSFCellStyle> verdict;

        Styles(XSSFWorkbook workbook) {
            title = workbook.createCellStyle();
            title.setFont(font(workbook, 16, true, null));
            subtitle = workbook.createCellStyle();
            subtitle.setFont(font(workbook, 10, false, new byte[]{0x55, 0x5F, 0x6B}));
            section = workbook.createCellStyle();
            section.setFont(font(workbook, 12, true, null));
            bold = workbook.createCellStyle();
            bold.setFont(font(workbook, 11, true, null));
            bold.setVerticalAlignment(VerticalAlignment.TOP);
            header = workbook.createCellStyle();
            header.setFont(font(workbook, 11, true, new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
            header.setFillForegroundColor(new XSSFColor(HEADER_FILL, null));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setQuotePrefixed(true);
            plain = workbook.createCellStyle();
            plain.setVerticalAlignment(VerticalAlignment.TOP);
            right = workbook.createCellStyle();
            right.setAlignment(HorizontalAlignment.RIGHT);
            right.setVerticalAlignment(VerticalAlignment.TOP);
            centre = workbook.createCellStyle();
            centre.setAlignment(HorizontalAlignment.CENTER);
            centre.setVerticalAlignment(VerticalAlignment.TOP);
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            data = workbook.createCellStyle();
            data.setQuotePrefixed(true);
            data.setVerticalAlignment(VerticalAlignment.TOP);
            dataWrap = workbook.createCellStyle();
            dataWrap.setQuotePrefixed(true);
            dataWrap.setWrapText(true);
            dataWrap.setVerticalAlignment(VerticalAlignment.TOP);
            count = numberStyle(workbook, "#,##0");
            rate = numberStyle(workbook, "0.0%");
            // Four decimals for a statistic, whole numbers from 1,000 on: never "8000.0000".
            stat = numberStyle(workbook, STAT_FORMAT);
            pValue = numberStyle(workbook, "0.00E+00");
            value = numberStyle(workbook, "#,##0.00##");
            plainInteger = numberStyle(workbook, "0");
            // Up to six decimals, at least one: 0.005 reads 0.005, never 5E-03 nor "0.".
            decimal = numberStyle(workbook, "0.0#####");
            // Key figures sit in the wide sentence column: left-aligned, they read next to their label.
            keyCount = numberStyle(workbook, "#,##0");
            keyCount.setAlignment(HorizontalAlignment.LEFT);
            keyStat = numberStyle(workbook, STAT_FORMAT);
            keyStat.setAlignment(HorizontalAlignment.LEFT);
            verdict = Map.of("pass", verdictStyle(workbook, PASS_FILL), "warn", verdictStyle(workbook, WARN_FILL),
                    "fail", verdictStyle(workbook, FAIL_FILL));
        }

        private static XSSFCellStyle numberStyle(XSSFWorkbook workbook, String format) {
            XSSFCellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }

        private static XSSFCellStyle verdictStyle(XSSFWorkbook workbook, byte[] fill) {
            XSSFCellStyle style = workbook.createCellStyle();
            style.setFont(font(workbook, 13, true, null));
            style.setFillForegroundColor(new XSSFColor(fill, null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setWrapText(true);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderTop(BorderStyle.THIN);
            return style;
        }

        private static Font font(XSSFWorkbook workbook, int points, boolean bold, byte[] colour) {
            XSSFFont font = workbook.createFont();
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            if (colour != null) {
                font.setColor(new XSSFColor(colour, null));
            }
            return font;
        }
    }
}
