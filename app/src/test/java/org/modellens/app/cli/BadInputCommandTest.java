package org.modellens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus through the command line: exit 2 with one line on stderr naming file, line
 * and column, or the specific finding in the summary; never a stack trace, never a hang.
 * The corpus and its generator live in diagnostics-core's test resources.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputCommandTest {

    private static final Path CORPUS = Path.of("../diagnostics-core/src/test/resources/org/modellens/corpus");
    private static final Path TRAIN = CORPUS.resolve("train.csv");

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {

        /** stderr without the progress lines. */
        String message() {
            return err.lines().filter(l -> !l.startsWith("[")).reduce("", (a, b) -> a + b + "\n");
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("diagnose"));
        all.addAll(List.of(args));
        int code = DiagnoseCommand.execute(all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Run run = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        return run;
    }

    private static Run diagnose(String prod) {
        return run("--train", TRAIN.toString(), "--prod", CORPUS.resolve(prod).toString());
    }

    @Test
    void shortRowIsExitTwoNamingFileAndLine() {
        Run run = diagnose("ragged-short.csv");

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.message()).isEqualTo("modellens: ragged-short.csv: line 4 has 2 fields, the header has 4\n");
    }

    @Test
    void longRowIsExitTwoNamingFileAndLine() {
        Run run = diagnose("ragged-long.csv");

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.message()).isEqualTo("modellens: ragged-long.csv: line 5 has 5 fields, the header has 4\n");
    }

    @Test
    void unbalancedQuoteIsExitTwoNamingTheLine() {
        Run run = diagnose("unbalanced-quote.csv");

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.message()).isEqualTo("modellens: unbalanced-quote.csv: line 3 has 2 fields, the header has 3; its "
                + "field 2 runs over 3 line break(s), probably because a quote opened there is never closed\n");
    }

    @Test
    void nulByteIsExitTwoNamingLineAndColumn() {
        Run run = diagnose("nul-byte.csv");

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.message()).isEqualTo(
                "modellens: nul-byte.csv: line 3, column 2 holds a NUL byte (0x00): the file is damaged or not plain text\n");
    }

    @Test
    void mixedEncodingsWarn() {
        Path mixed = CORPUS.resolve("mixed-encoding.csv");
        Run run = run("--train", mixed.toString(), "--prod", mixed.toString(), "--fail-on", "warn");

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_FINDINGS);
        assertThat(run.err()).contains("WARN  mixed-encoding.csv mixes text encodings");
    }

    @Test
    void duplicateColumnNamesAreExitTwoNamingBothColumns() {
        Run run = diagnose("duplicate-names.csv");

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.message()).isEqualTo(
                "modellens: duplicate-names.csv: line 1 (header) names column \"amount\" twice (columns 2 and 4)\n");
    }

    @Test
    void nanAndInfinityTextFailsNamingTheColumn() {
        Run run = diagnose("nan-inf.csv");

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_FINDINGS);
        assertThat(run.err()).contains("FAIL  score: 20.0% of production values are NaN or Infinity text");
    }

    @Test
    void allMissingColumnFailsNamingTheColumn() {
        Run run = diagnose("all-missing.csv");

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_FINDINGS);
        assertThat(run.err()).contains("FAIL  score: missing values rose from 0.0% to 100.0%");
    }

    @Test
    void headerThatIsDataWarns() {
        Path headerless = CORPUS.resolve("header-is-data.csv");
        Run run = run("--train", headerless.toString(), "--prod", headerless.toString(), "--fail-on", "warn");

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_FINDINGS);
        assertThat(run.err()).contains("WARN  The header of header-is-data.csv looks like a row of data");
    }

    @Test
    void damagedWorkbookIsExitTwoInOneLine() throws IOException {
        Path broken = dir.resolve("broken.xlsx");
        Files.write(broken, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8});

        Run run = run("--train", TRAIN.toString(), "--prod", broken.toString());

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.message()).startsWith("modellens: broken.xlsx cannot be read as an Excel (.xlsx) workbook")
                .hasLineCount(1);
    }

    @Test
    void xlsxZipBombIsExitTwoWithoutUnpacking() throws IOException {
        Path good = dir.resolve("good.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.OutputStream out = Files.newOutputStream(good)) {
            workbook.createSheet("data").createRow(0).createCell(0).setCellValue("amount");
            workbook.getSheetAt(0).createRow(1).createCell(0).setCellValue(1.5);
            workbook.write(out);
        }
        Path bomb = dir.resolve("bomb.xlsx");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(good));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                int end = xml.indexOf("</sheetData>");
                if (entry.getName().equals("xl/worksheets/sheet1.xml") && end > 0) {
                    // 50 MB of blanks, valid XML, inside the sheet: they compress about 1000:1.
                    out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    out.write(" ".repeat(50 << 20).getBytes(StandardCharsets.US_ASCII));
                    out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(xml.getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }

        Run run = run("--train", TRAIN.toString(), "--prod", bomb.toString());

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.message()).startsWith("modellens: bomb.xlsx was refused: its part xl/").contains("zip bomb")
                .hasLineCount(1);
    }

    @Test
    void largeFilesAreStreamedAndTheJsonSaysWhatIsApproximate() throws IOException {
        Path settings = dir.resolve("stream.properties");
        Files.writeString(settings, "largeInput.streamAboveMegabytes=0\nlargeInput.sampleRows=50\n");

        Run run = run("--train", TRAIN.toString(), "--prod", CORPUS.resolve("nan-inf.csv").toString(),
                "--settings", settings.toString(), "--json", "-");

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_FINDINGS);
        assertThat(run.err()).contains("Streaming nan-inf.csv")
                .contains("FAIL  score: 20.0% of production values are NaN or Infinity text");
        assertThat(run.out()).contains("\"streamed\" : true", "\"sampledRows\" : 50", "\"accuracy\"", "\"errorBound\"");
    }

    @Test
    void damagedParquetIsExitTwoInOneLine() throws IOException {
        Path broken = dir.resolve("broken.parquet");
        Files.writeString(broken, "PAR1 not really PAR1");

        Run run = run("--train", TRAIN.toString(), "--prod", broken.toString());

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.message()).startsWith("modellens: broken.parquet is not a readable Parquet file").hasLineCount(1);
    }
}
