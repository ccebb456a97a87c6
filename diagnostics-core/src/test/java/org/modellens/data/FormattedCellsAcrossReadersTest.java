package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.checks.Finding;
import org.modellens.settings.Settings;

/**
 * A display-formatted cell ("72 kg", "1,200", "$3.50", "15%", "1.234,5", "N/A") gets the same value
 * and the same findings whichever reader read it: the columnar CSV reader ({@link CsvColumnReader},
 * from the bytes), the general CSV reader (a quoted header sends the same content there) and the XLSX
 * reader (the same cells as text in a workbook written with POI), the last two typed by
 * {@link SnapshotBuilder}. The rule they share is {@link FormattedNumber#recoverColumn}'s: a number
 * with a unit is taken only when the column carries that one unit. (The columnar reader used to take
 * each cell on its own, "160 lb" beside "72 kg", and raised out-of-range and outlier alarms the other
 * readers did not.)
 */
class FormattedCellsAcrossReadersTest {

    @TempDir
    Path dir;

    private static final List<String> NAMES = List.of("weight", "height", "price", "share", "amount", "label");

    /**
     * Rows of a file. Production's weight mixes kg and lb (no number is taken from either), height is
     * in cm throughout (taken), price and amount carry currency and separators, share percent. The
     * first 40 cells of amount are text (in training with two units), so the columnar reader first
     * holds the column as labels.
     */
    private static List<String[]> rows(long seed, boolean prod) {
        Random random = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            double w = 70 + 10 * random.nextGaussian();
            double h = 170 + 8 * random.nextGaussian();
            double p = 20 + 5 * random.nextGaussian();
            double s = 0.3 + 0.1 * random.nextGaussian();
            double a = 1000 + 300 * random.nextGaussian();
            boolean odd = i % 25 == 0; // 4% formatted cells, below the share that makes a column text
            String weight = !odd ? fmt("%.1f", w) : !prod ? "" : i % 2 == 0 ? fmt("%.1f kg", w) : fmt("%.0f lb", w * 2.2);
            String height = odd && prod ? fmt("%.0f cm", h) : fmt("%.1f", h);
            String price = odd && prod ? (i % 3 == 0 ? fmt("$%.2f", p) : i % 3 == 1 ? fmt("%.2f EUR", p) : "N/A") : fmt("%.2f", p);
            String share = odd && prod ? fmt("%.0f%%", 100 * s) : fmt("%.3f", s);
            String amount = i >= 40 ? (i % 50 == 0 ? String.format(Locale.GERMANY, "%,.1f", a + 1000) : fmt("%.1f", a))
                    : prod ? (i % 2 == 0 ? fmt("%,.1f", a + 1000) : fmt("%.0f", a).replace('0', 'o') + "?")
                    : fmt(i % 2 == 0 ? "%.0f kg" : "%.0f lb", a);
            String label = random.nextBoolean() ? "a" : "b";
            rows.add(new String[] {weight, height, price, share, amount, label});
        }
        return rows;
    }

    private static String fmt(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }

    private Path csv(String name, List<String[]> rows, boolean quotedHeader) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < NAMES.size(); c++) {
            out.append(c == 0 ? "" : ";").append(quotedHeader ? "\"" + NAMES.get(c) + "\"" : NAMES.get(c));
        }
        out.append('\n');
        for (String[] row : rows) {
            out.append(String.join(";", row)).append('\n');
        }
        return Files.writeString(dir.resolve(name), out, StandardCharsets.UTF_8);
    }

    private Path xlsx(String name, List<String[]> rows) throws Exception {
        Path path = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(path)) {
            Sheet sheet = wb.createSheet("data");
            Row header = sheet.createRow(0);
            for (int c = 0; c < NAMES.size(); c++) {
                header.createCell(c).setCellValue(NAMES.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < NAMES.size(); c++) {
                    if (!rows.get(r)[c].isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r)[c]); // text cells: the same characters as the CSV
                    }
                }
            }
            wb.write(out);
        }
        return path;
    }

    @Test
    void theSameCellsGiveTheSameColumnsOnEveryRoad() throws Exception {
        List<String[]> train = rows(1, false);
        List<String[]> prod = rows(2, true);
        Snapshot bytesTrain = SnapshotLoader.readTraining(csv("train.csv", train, false), Set.of(), Set.of(), "label");
        Snapshot bytesProd = SnapshotLoader.readLike(csv("prod.csv", prod, false), bytesTrain);
        Snapshot quotedTrain = SnapshotLoader.readTraining(csv("trainq.csv", train, true), Set.of(), Set.of(), "label");
        Snapshot quotedProd = SnapshotLoader.readLike(csv("prodq.csv", prod, true), quotedTrain);
        Snapshot sheetTrain = SnapshotLoader.readTraining(xlsx("train.xlsx", train), Set.of(), Set.of(), "label");
        Snapshot sheetProd = SnapshotLoader.readLike(xlsx("prod.xlsx", prod), sheetTrain);
        ColumnarReadingTest.assertSameColumns(quotedProd, bytesProd, "quoted CSV");
        ColumnarReadingTest.assertSameColumns(sheetProd, bytesProd, "XLSX");
        ColumnarReadingTest.assertSameColumns(quotedTrain, bytesTrain, "quoted CSV, training");
        ColumnarReadingTest.assertSameColumns(sheetTrain, bytesTrain, "XLSX, training");
        // The rule itself: height's one unit is taken, weight's two are not, amount's separators are.
        Column weight = bytesProd.column("weight").orElseThrow();
        Column height = bytesProd.column("height").orElseThrow();
        assertThat(weight.numbers()[50]).isNaN();
        assertThat(height.numbers()[50]).isEqualTo(TypeInference.parseNumber(prod.get(50)[1].replace(" cm", "")));
        assertThat(bytesProd.column("amount").orElseThrow().numbers()[0])
                .isEqualTo(TypeInference.parseNumber(prod.get(0)[4].replace(",", "")));
        assertThat(bytesTrain.column("amount").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(bytesTrain.column("amount").orElseThrow().numbers()[0]).isNaN();
    }

    @Test
    void theSameCellsGiveTheSameFindingsOnEveryRoad() throws Exception {
        List<String[]> train = rows(1, false);
        List<String[]> prod = rows(2, true);
        List<String> bytes = findings(csv("train.csv", train, false), csv("prod.csv", prod, false));
        List<String> quoted = findings(csv("trainq.csv", train, true), csv("prodq.csv", prod, true));
        List<String> sheet = findings(xlsx("train.xlsx", train), xlsx("prod.xlsx", prod));
        // Two units in one column: no number is taken from them, and the finding says so.
        assertThat(bytes).anyMatch(f -> f.startsWith("type-mismatch weight") && f.contains("recovered=0,"));
        assertThat(bytes).anyMatch(f -> f.startsWith("type-mismatch height") && f.contains("recovered=60,"));
        assertThat(quoted).as("quoted CSV").containsExactlyElementsOf(bytes);
        assertThat(sheet).as("XLSX").containsExactlyElementsOf(bytes);
    }

    /**
     * The streamed pass (a file read once, too large to hold) keeps the same rule: "160 lb" beside
     * "72 kg" gives no out-of-range or outlier rows there either, and the exact figures those checks
     * count agree with the file read whole.
     */
    @Test
    void theStreamedPassKeepsTheColumnRule() throws Exception {
        Path train = csv("train.csv", rows(1, false), false);
        Path prod = csv("prod.csv", rows(2, true), false);
        Path streaming = Files.writeString(dir.resolve("stream.properties"), "largeInput.streamAboveMegabytes=0\n");
        List<String> whole = findings(train, prod, Settings.defaults());
        List<String> streamed = findings(train, prod, Settings.withOverrides(streaming));
        assertThat(streamed).filteredOn(f -> f.startsWith("out-of-range") || f.startsWith("outliers"))
                .isNotEmpty().noneMatch(f -> f.contains(" weight "))
                .containsExactlyElementsOf(whole.stream().filter(f -> f.startsWith("out-of-range") || f.startsWith("outliers")).toList());
    }

    private static List<String> findings(Path train, Path prod) throws Exception {
        return findings(train, prod, Settings.defaults());
    }

    private static List<String> findings(Path train, Path prod, Settings settings) throws Exception {
        List<String> out = new ArrayList<>();
        for (Finding f : Diagnosis.run(new DiagnosisRequest(train, prod, "label", "auto", Set.of(), Set.of(),
                settings), (stage, fraction) -> { }).findings()) {
            out.add(f.check() + " " + f.feature() + " " + f.severity() + " " + f.title() + " " + f.detail() + " " + f.evidence()
                    + (f.rows() == null ? "" : " rows " + f.rows().count() + " " + f.rows().examples()));
        }
        return out;
    }
}
