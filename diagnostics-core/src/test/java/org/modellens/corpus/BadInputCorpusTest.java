package org.modellens.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import blue.strategic.parquet.ParquetWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.data.ColumnType;
import org.modellens.data.RawTable;
import org.modellens.data.SnapshotReaders;
import org.modellens.data.UnreadableInputException;
import org.modellens.profile.FeatureComparison;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * Every item of the bad-input corpus ends in a clear error naming file, line and column, or in a
 * specific finding: never a stack trace, never a hang (each test has a timeout). Small fixtures are
 * committed under {@code src/test/resources/org/modellens/corpus} with {@code make_corpus.py}; big or
 * odd ones (10,000 columns, a 1 MB cell, a zip bomb, unsupported Parquet types) are generated here.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputCorpusTest {

    @TempDir
    Path dir;

    static Path corpus(String name) {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/org/modellens/corpus/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static DiagnosticReport diagnose(Path train, Path prod) throws UnreadableInputException {
        return Diagnosis.run(new DiagnosisRequest(train, prod, null, "auto", Set.of(), Set.of(), Settings.defaults()),
                (stage, fraction) -> { });
    }

    static List<Finding> findings(DiagnosticReport report, String check, String feature) {
        return report.findings().stream()
                .filter(f -> f.check().equals(check) && java.util.Objects.equals(f.feature(), feature)).toList();
    }

    @Test
    void raggedShortRowNamesFileLineAndCounts() {
        assertThatThrownBy(() -> SnapshotReaders.read(corpus("ragged-short.csv")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("ragged-short.csv: line 4 has 2 fields, the header has 4");
    }

    @Test
    void overLongRowNamesFileLineAndCounts() {
        assertThatThrownBy(() -> SnapshotReaders.read(corpus("ragged-long.csv")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("ragged-long.csv: line 5 has 5 fields, the header has 4");
    }

    @Test
    void unbalancedQuoteNamesTheLineAndSaysWhy() {
        assertThatThrownBy(() -> SnapshotReaders.read(corpus("unbalanced-quote.csv")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("unbalanced-quote.csv: line 3 has 2 fields, the header has 3; its field 2 runs over 3 line "
                        + "break(s), probably because a quote opened there is never closed");
    }

    @Test
    void quoteNeverClosedInTheLastColumnDoesNotSwallowTheFile() {
        assertThatThrownBy(() -> SnapshotReaders.read(corpus("unclosed-quote-at-end.csv")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("unclosed-quote-at-end.csv: line 3, column 3: a quote opened there is never closed, so the "
                        + "rest of the file (3 more lines) would be one cell");
    }

    @Test
    void nulByteIsDamageNamedByLineAndColumn() {
        assertThatThrownBy(() -> SnapshotReaders.read(corpus("nul-byte.csv")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("nul-byte.csv: line 3, column 2 holds a NUL byte (0x00): the file is damaged or not plain text");
    }

    @Test
    void mixedEncodingsAreDecodedCellByCellAndReported() throws Exception {
        RawTable table = SnapshotReaders.read(corpus("mixed-encoding.csv"));
        assertThat(table.columns().get(1)).containsExactly("Zürich", "Malmö", "Zürich", "Malmö");
        assertThat(table.source().notes()).containsExactly("mixed-encoding.csv mixes text encodings. 2 cells are UTF-8 "
                + "(first at data row 1, column 2 (city)) and 2 ISO-8859-1 (first at data row 3, column 2 (city)). "
                + "Each cell was decoded in its own encoding; the export should be fixed to write one.");

        DiagnosticReport report = diagnose(corpus("mixed-encoding.csv"), corpus("mixed-encoding.csv"));
        assertThat(findings(report, "input-format", null)).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.title()).isEqualTo("mixed-encoding.csv mixes text encodings");
        });
    }

    @Test
    void utf16WithByteOrderMarkIsRead() throws Exception {
        RawTable table = SnapshotReaders.read(corpus("utf16.csv"));
        assertThat(table.names()).containsExactly("id", "city");
        assertThat(table.columns().get(1)).containsExactly("Zürich", "Malmö");
        assertThat(table.source().notes()).isEmpty();
    }

    @Test
    void duplicateColumnNamesAreRefusedNamingBothPositions() {
        assertThatThrownBy(() -> SnapshotReaders.read(corpus("duplicate-names.csv")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("duplicate-names.csv: line 1 (header) names column \"amount\" twice (columns 2 and 4)");
    }

    @Test
    void allMissingProductionColumnIsAMissingValuesFailure() throws Exception {
        DiagnosticReport report = diagnose(corpus("train.csv"), corpus("all-missing.csv"));

        List<Finding> missing = findings(report, "missing-values", "score");
        assertThat(missing).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat(f.title()).isEqualTo("score: missing values rose from 0.0% to 100.0%");
            assertThat(f.rows().count()).isEqualTo(200);
        });
        FeatureComparison score = feature(report, "score");
        assertThat(score.drift()).isNull();
        assertThat(score.prodProfile().count()).isZero();
        // No other column is touched by it.
        assertThat(report.findings()).filteredOn(f -> f.severity() != Severity.INFO)
                .allMatch(f -> "score".equals(f.feature()));
    }

    @Test
    void allMissingTrainingColumnIsSaidToBeEmpty() throws Exception {
        DiagnosticReport report = diagnose(corpus("all-missing.csv"), corpus("train.csv"));

        assertThat(findings(report, "constant-feature", "score")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.title()).isEqualTo("score is empty in training");
        });
        assertThat(findings(report, "missing-values", "score")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.FAIL));
    }

    @Test
    void nanAndInfinityTextIsAFindingNotANumberNorACategory() throws Exception {
        DiagnosticReport report = diagnose(corpus("train.csv"), corpus("nan-inf.csv"));

        FeatureComparison score = feature(report, "score");
        assertThat(score.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(score.prodProfile().count()).isEqualTo(200);
        assertThat(score.prodProfile().unparsable()).isEqualTo(40);
        assertThat(score.prodSorted()).hasSize(160);
        assertThat(java.util.Arrays.stream(score.prodSorted()).allMatch(Double::isFinite)).isTrue();
        assertThat(findings(report, "non-finite-values", "score")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat(f.title()).isEqualTo("score: 20.0% of production values are NaN or Infinity text");
            assertThat(f.rows().count()).isEqualTo(40);
            assertThat(f.rows().examples()).startsWith(0, 5, 10, 15);
            assertThat(f.evidence()).containsEntry("prodCount", 40L).containsEntry("trainCount", 0L);
        });
    }

    @Test
    void nanTextInTrainingKeepsTheColumnNumeric() throws Exception {
        // 20% NaN/Inf text in training: still numeric; the same share in production is no alarm.
        DiagnosticReport report = diagnose(corpus("nan-inf.csv"), corpus("nan-inf.csv"));

        assertThat(feature(report, "score").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(findings(report, "non-finite-values", "score")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void headerThatIsDataIsAWarning() throws Exception {
        Path headerless = corpus("header-is-data.csv");
        String firstRow = Files.readAllLines(headerless).get(0).replace(",", ", ");
        DiagnosticReport report = diagnose(headerless, headerless);

        assertThat(findings(report, "input-format", null)).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.title()).isEqualTo("The header of header-is-data.csv looks like a row of data");
            assertThat(f.detail()).startsWith("4 of 4 column names of header-is-data.csv (" + firstRow + ")");
        });
    }

    @Test
    void ordinaryHeadersAndYearColumnsAreNotTakenForData() throws Exception {
        assertThat(findings(diagnose(corpus("train.csv"), corpus("train.csv")), "input-format", null)).isEmpty();
        // Wide tables name columns by year: integer names over numbers are a legitimate header.
        StringBuilder wide = new StringBuilder("2019,2020,2021\n");
        java.util.Random random = new java.util.Random(7);
        for (int r = 0; r < 100; r++) {
            wide.append(random.nextInt(1000)).append(',').append(random.nextInt(1000)).append(',')
                    .append(random.nextInt(1000)).append('\n');
        }
        Path years = write("years.csv", wide.toString());
        assertThat(findings(diagnose(years, years), "input-format", null)).isEmpty();
    }

    @Test
    void tenThousandColumnsAreReadAndDiagnosed() throws Exception {
        int columns = 10_000;
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            csv.append(c == 0 ? "" : ",").append("c").append(c);
        }
        csv.append('\n');
        java.util.Random random = new java.util.Random(11);
        // Category codes, as wide one-hot or survey extracts have them. (Numbers would run 10,000 tiny
        // exact KS tests, whose JIT profile then slows StatsPropertiesTest's timing of a large one.)
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < columns; c++) {
                csv.append(c == 0 ? "" : ",").append("v").append(random.nextInt(4));
            }
            csv.append('\n');
        }
        Path wide = write("wide.csv", csv.toString());

        RawTable table = SnapshotReaders.read(wide);
        assertThat(table.names()).hasSize(columns);
        assertThat(table.rows()).isEqualTo(30);
        DiagnosticReport report = diagnose(wide, wide);
        assertThat(report.features()).hasSize(columns);
        assertThat(report.verdict()).isEqualTo("pass");
    }

    @Test
    void oneMegabyteCellIsReadAndKeptOutOfSentences() throws Exception {
        String huge = "x".repeat(1 << 20);
        Path train = write("t.csv", "id,city\n" + "1,Oslo\n2,Bergen\n".repeat(100));
        Path prod = write("p.csv", "id,city\n" + "1,Oslo\n2,Bergen\n".repeat(99) + "3,\"" + huge + "\"\n4,Oslo\n");

        assertThat(SnapshotReaders.read(prod).columns().get(1)).contains(huge);
        DiagnosticReport report = diagnose(train, prod);
        assertThat(findings(report, "unseen-category", "city")).singleElement().satisfies(f -> {
            assertThat(f.detail()).hasSizeLessThan(500).contains("xxxxxxxx... (1048576 characters)");
            assertThat(f.evidence().get("examples").toString()).hasSizeLessThan(200);
        });
    }

    @Test
    void xlsxZipBombIsRefusedWithoutUnpacking() throws Exception {
        Path good = dir.resolve("good.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(good)) {
            Sheet sheet = workbook.createSheet("data");
            sheet.createRow(0).createCell(0).setCellValue("amount");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(1.5);
            workbook.write(out);
        }
        // 200 MB of blanks inside the sheet part compress to about 200 KB: a ratio far beyond 1:100.
        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(good));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] body = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(body, StandardCharsets.UTF_8);
                    int end = xml.indexOf("</sheetData>");
                    out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        out.write(blanks);
                    }
                    out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(body);
                }
                out.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(1_000_000);

        assertThatThrownBy(() -> SnapshotReaders.read(bomb)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("bomb.xlsx was refused: its part xl/worksheets/sheet1.xml would expand to more than "
                        + "100 times its compressed size, the mark of a zip bomb, so it is not unpacked");
    }

    @Test
    void parquetWithUnsupportedColumnTypesIsRefusedNamingTheColumn() throws Exception {
        // parquet-floor writes no INT96 or raw binary values, but a file may declare such columns
        // (left null here): the schema alone must be refused before any row is read.
        assertThatThrownBy(() -> SnapshotReaders.read(parquet("legacy.parquet",
                Types.buildMessage().required(PrimitiveTypeName.INT32).named("id")
                        .optional(PrimitiveTypeName.INT96).named("booked_at").named("rec"))))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("legacy.parquet: column \"booked_at\" uses the legacy INT96 timestamp type, which is not "
                        + "supported; write timestamps as INT64");
        assertThatThrownBy(() -> SnapshotReaders.read(parquet("blob.parquet",
                Types.buildMessage().required(PrimitiveTypeName.INT32).named("id")
                        .optional(PrimitiveTypeName.BINARY).named("photo").named("rec"))))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("blob.parquet: column \"photo\" holds raw binary values (BINARY), which are not supported");
        assertThatThrownBy(() -> SnapshotReaders.read(parquet("nested.parquet",
                Types.buildMessage().required(PrimitiveTypeName.INT32).named("id")
                        .optionalGroup().optional(PrimitiveTypeName.DOUBLE).named("x").named("point").named("rec"))))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("nested.parquet: column \"point\" is a nested (group/list/map) column, which is not supported");
    }

    private Path parquet(String name, MessageType schema) throws IOException {
        Path file = dir.resolve(name);
        try (ParquetWriter<Integer> writer = ParquetWriter.writeFile(schema, file.toFile(), (id, values) -> values.write("id", id))) {
            for (int id = 0; id < 3; id++) {
                writer.write(id);
            }
        }
        return file;
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static FeatureComparison feature(DiagnosticReport report, String name) {
        return report.features().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
