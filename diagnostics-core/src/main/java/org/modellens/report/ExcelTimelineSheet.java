package org.modellens.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import java.util.Set;

import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.modellens.checks.Severity;
import org.modellens.timeline.ChangePoint;
import org.modellens.timeline.Timeline;
import org.modellens.timeline.TimelineChunk;

/**
 * The Timeline sheet of the Excel report: one row per chunk (rows, performance with its interval and the band
 * of normal chunks, mean prediction, then each feature's drift coloured by the chunk's severity), the change
 * points in words below, and native line charts of the performance against its band and of the drift of
 * the features that changed.
 */
final class ExcelTimelineSheet {

    static final String NAME = "Timeline";

    private static final byte[] FAIL_FILL = {(byte) 0xF4, (byte) 0xC7, (byte) 0xC3};
    private static final byte[] WARN_FILL = {(byte) 0xFC, (byte) 0xE8, (byte) 0xB2};
    private static final byte[][] LINE_COLOURS = {
            {(byte) 0xE6, (byte) 0x80, (byte) 0x1A}, {(byte) 0x45, (byte) 0x73, (byte) 0xB3}, {(byte) 0x2E, (byte) 0x8B, (byte) 0x57},
            {(byte) 0x8E, (byte) 0x44, (byte) 0xAD}, {(byte) 0xC0, (byte) 0x39, (byte) 0x2B}};
    private static final byte[] BAND_COLOUR = {(byte) 0x99, (byte) 0x99, (byte) 0x99};
    /** Features drawn in the drift chart at most: the ones with change points first. */
    private static final int CHART_FEATURES = 5;

    private ExcelTimelineSheet() {
    }

    static void write(XSSFWorkbook workbook, Timeline timeline) {
        XSSFSheet sheet = workbook.createSheet(NAME);
        XSSFCellStyle header = workbook.createCellStyle();
        XSSFFont bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setQuotePrefixed(true);
        header.setWrapText(true);
        XSSFCellStyle text = workbook.createCellStyle();
        text.setQuotePrefixed(true);
        // The change points' title is a sentence across the sheet: bold, not wrapped into column A.
        XSSFCellStyle heading = workbook.createCellStyle();
        heading.setFont(bold);
        XSSFCellStyle index = workbook.createCellStyle();
        index.setDataFormat(workbook.createDataFormat().getFormat("0"));
        XSSFCellStyle count = workbook.createCellStyle();
        count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        XSSFCellStyle number = workbook.createCellStyle();
        number.setDataFormat(workbook.createDataFormat().getFormat("0.000"));
        XSSFCellStyle warn = fill(workbook, number, WARN_FILL);
        XSSFCellStyle fail = fill(workbook, number, FAIL_FILL);

        List<String> features = new ArrayList<>();
        timeline.chunks().forEach(chunk -> chunk.features().keySet().forEach(name -> {
            if (!features.contains(name)) {
                features.add(name);
            }
        }));
        boolean performance = timeline.chunks().stream().anyMatch(chunk -> chunk.performance() != null);
        String metric = timeline.chunks().stream().filter(c -> c.performance() != null).map(c -> c.performance().metric())
                .findFirst().orElse("performance");
        List<String> columns = new ArrayList<>(List.of("Chunk", "Start", "End", "Rows", metric, "lower (95%)", "upper (95%)",
                "normal band low", "normal band high", "estimated", "mean prediction"));
        int firstFeature = columns.size();
        for (String feature : features) {
            columns.add(feature);
        }
        XSSFRow head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            head.createCell(c).setCellValue(columns.get(c));
            head.getCell(c).setCellStyle(header);
        }
        int r = 1;
        for (TimelineChunk chunk : timeline.chunks()) {
            XSSFRow row = sheet.createRow(r++);
            row.createCell(0).setCellValue(chunk.index());
            row.getCell(0).setCellStyle(index);
            row.createCell(1).setCellValue(chunk.start());
            row.createCell(2).setCellValue(chunk.end());
            row.createCell(3).setCellValue(chunk.rows());
            row.getCell(3).setCellStyle(count);
            TimelineChunk.ChunkPerformance p = chunk.performance();
            if (p != null) {
                number(row, 4, p.value(), number);
                number(row, 5, p.lower(), number);
                number(row, 6, p.upper(), number);
                number(row, 7, p.bandLower(), number);
                number(row, 8, p.bandUpper(), number);
                row.createCell(9).setCellValue(p.estimated() ? "estimated (CBPE)" : "realized");
            }
            number(row, 10, chunk.prediction().getOrDefault("mean", Double.NaN), number);
            for (int f = 0; f < features.size(); f++) {
                TimelineChunk.FeatureDrift cell = chunk.features().get(features.get(f));
                if (cell != null) {
                    number(row, firstFeature + f, cell.value(),
                            cell.severity() == Severity.FAIL ? fail : cell.severity() == Severity.WARN ? warn : number);
                }
            }
        }
        int lastChunkRow = r - 1;
        r++;
        XSSFRow title = sheet.createRow(r++);
        title.createCell(0).setCellValue("Change points: when each change began (" + timeline.column() + ", by "
                + timeline.chunk() + "; feature cells coloured where the chunk is outside the band of normal chunks "
                + "and beyond the practical level)");
        title.getCell(0).setCellStyle(heading);
        for (ChangePoint point : timeline.changePoints()) {
            XSSFRow row = sheet.createRow(r++);
            row.createCell(0).setCellValue(point.chunkIndex());
            row.getCell(0).setCellStyle(index);
            row.createCell(1).setCellValue(point.start());
            row.createCell(2).setCellValue(point.cause() > 0 ? "cause " + point.cause() : "");
            row.createCell(3).setCellValue(point.sentence());
            row.getCell(3).setCellStyle(text);
        }
        if (timeline.changePoints().isEmpty()) {
            sheet.createRow(r++).createCell(0).setCellValue("No sustained change: every chunk stayed within the band of normal chunks.");
        }
        if (timeline.unparsableDates() > 0) {
            sheet.createRow(r++).createCell(0).setCellValue(timeline.unparsableDates()
                    + " production rows have no readable time and are in no chunk.");
        }
        sheet.setColumnWidth(1, 12 * 256);
        sheet.setColumnWidth(2, 12 * 256);
        sheet.createFreezePane(1, 1);

        if (lastChunkRow < 1) {
            return;
        }
        int chartRow = r + 1;
        if (performance) {
            lineChart(sheet, chartRow, "Model " + metric + " per chunk, with the band of normal chunks", lastChunkRow,
                    List.of(new Line(4, metric, LINE_COLOURS[0], false), new Line(7, "normal band low", BAND_COLOUR, true),
                            new Line(8, "normal band high", BAND_COLOUR, true)));
            chartRow += 20;
        }
        Set<String> drawn = new LinkedHashSet<>();
        timeline.changePoints().stream().map(ChangePoint::feature).filter(f -> f != null && features.contains(f)).forEach(drawn::add);
        features.stream().filter(f -> drawn.size() < CHART_FEATURES).forEach(drawn::add);
        List<Line> lines = new ArrayList<>();
        int i = 0;
        for (String feature : drawn) {
            if (lines.size() == CHART_FEATURES) {
                break;
            }
            lines.add(new Line(firstFeature + features.indexOf(feature), feature, LINE_COLOURS[i++ % LINE_COLOURS.length], false));
        }
        lineChart(sheet, chartRow, "Drift against training per chunk (KS distance or total variation)", lastChunkRow, lines);
    }

    private record Line(int column, String title, byte[] colour, boolean dashed) {
    }

    /** A native line chart over the chunk rows, categories from the Start column. */
    private static void lineChart(XSSFSheet sheet, int row, String title, int lastRow, List<Line> lines) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, row, 12, row + 18));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setNumberFormat("0.00");
        XDDFDataSource<String> starts = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, lastRow, 1, 1));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, categories, values);
        data.setVaryColors(false);
        for (Line line : lines) {
            XDDFNumericalDataSource<Double> series = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(1, lastRow, line.column(), line.column()));
            XDDFLineChartData.Series added = (XDDFLineChartData.Series) data.addSeries(starts, series);
            added.setTitle(line.title(), null);
            added.setSmooth(false);
            added.setMarkerStyle(line.dashed() ? MarkerStyle.NONE : MarkerStyle.CIRCLE);
            XDDFLineProperties stroke = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(line.colour())));
            if (line.dashed()) {
                stroke.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
            }
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setLineProperties(stroke);
            added.setShapeProperties(shape);
        }
        chart.plot(data);
    }

    private static XSSFCellStyle fill(XSSFWorkbook workbook, XSSFCellStyle base, byte[] colour) {
        XSSFCellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(base);
        style.setFillForegroundColor(new XSSFColor(colour, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private static void number(XSSFRow row, int column, double value, XSSFCellStyle style) {
        if (Double.isFinite(value)) {
            row.createCell(column).setCellValue(value);
            row.getCell(column).setCellStyle(style);
        }
    }

}
