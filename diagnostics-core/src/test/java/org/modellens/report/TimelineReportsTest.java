package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.settings.Settings;
import org.modellens.timeline.ChangePoint;
import org.modellens.timeline.Timeline;

/** The sample case over time, with its model, in the Excel Timeline sheet and the PDF's trend page, read back. */
class TimelineReportsTest {

    private static DiagnosticReport report;

    @BeforeAll
    static void diagnose() throws Exception {
        report = Diagnosis.run(new DiagnosisRequest(ReportFixtures.SAMPLE_TRAIN, ReportFixtures.SAMPLE_PROD, "defaulted", "auto",
                Set.of(), Set.of(), Settings.defaults(), Path.of("../sample-data/case/model.json"), List.of(), null,
                Path.of("../sample-data/case/reference.csv"), "application_date", null), ProgressListener.NONE);
    }

    @Test
    void excelHasATimelineSheetWithNativeLineCharts() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExcelReportWriter().write(report, out);
        Timeline timeline = report.timeline();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheet(ExcelTimelineSheet.NAME);
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("auc");
            for (int c = 0; c < timeline.chunks().size(); c++) {
                assertThat(sheet.getRow(c + 1).getCell(1).getStringCellValue()).isEqualTo(timeline.chunks().get(c).start());
                assertThat(sheet.getRow(c + 1).getCell(3).getNumericCellValue()).isEqualTo(timeline.chunks().get(c).rows());
                assertThat(sheet.getRow(c + 1).getCell(4).getNumericCellValue())
                        .isEqualTo(timeline.chunks().get(c).performance().value());
            }
            StringBuilder text = new StringBuilder();
            sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('\n')));
            for (ChangePoint point : timeline.changePoints()) {
                assertThat(text).contains(point.sentence());
            }
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);
            for (XSSFChart chart : charts) {
                List<XDDFChartData> data = chart.getChartSeries();
                assertThat(data).singleElement().isInstanceOf(XDDFLineChartData.class);
                assertThat(data.get(0).getSeriesCount()).isGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void pdfHasATrendPageSayingWhenEachChangeBegan() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportWriter().write(report, out);
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            String all = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(all).contains("Production over time", "Production cut by week of application_date: 9 chunks",
                    "months_employed started arriving empty in the week of 27 October 2025", "Model auc per chunk");
        }
    }
}
