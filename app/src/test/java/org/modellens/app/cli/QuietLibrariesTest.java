package org.modellens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, noise: ONNX Runtime's coloured native log, POI's FATAL trace for a DOCTYPE in
 * {@code [Content_Types].xml} and SLF4J's three lines on every Parquet read came before the one clean
 * line. Native logging and a library's first-use warnings only show in a fresh process, so each case
 * runs the launcher in its own JVM and reads its whole stderr.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class QuietLibrariesTest {

    private static final Path CORE_RESOURCES = Path.of("../diagnostics-core/src/test/resources/org/modellens");

    @TempDir
    Path dir;

    private record Run(int exitCode, List<String> lines) {

        /** stderr without the progress lines. */
        List<String> messages() {
            return lines.stream().filter(l -> !l.startsWith("[")).toList();
        }
    }

    private static Run launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.modellens.app.Launcher", "diagnose"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(err, StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void aParquetReadPrintsNoSlf4jLines() throws Exception {
        Path train = Files.copy(CORE_RESOURCES.resolve("data/codec-snappy.parquet"), dir.resolve("train.parquet"));
        Path prod = Files.copy(CORE_RESOURCES.resolve("data/codec-gzip.parquet"), dir.resolve("prod.parquet"));

        Run run = launch("--train", train.toString(), "--prod", prod.toString());

        assertThat(run.lines()).noneMatch(l -> l.contains("SLF4J"));
        assertThat(run.messages().get(0)).startsWith("Verdict").as("the summary comes first");
    }

    @Test
    void aDoctypeInContentTypesIsOneLineWithoutPoisTrace() throws Exception {
        Path train = Files.copy(CORE_RESOURCES.resolve("corpus/train.csv"), dir.resolve("train.csv"));
        Path xlsx = doctypeWorkbook(dir.resolve("prod.xlsx"));

        Run run = launch("--train", train.toString(), "--prod", xlsx.toString());

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.messages()).hasSize(1);
        assertThat(run.messages().get(0)).startsWith("modellens: prod.xlsx cannot be read as an Excel (.xlsx) workbook");
    }

    @Test
    void onnxRuntimeRefusingAModelPrintsOnlyOurLine() throws Exception {
        Path train = Files.copy(CORE_RESOURCES.resolve("corpus/train.csv"), dir.resolve("train.csv"));

        Run run = launch("--train", train.toString(), "--prod", train.toString(), "--model",
                CORE_RESOURCES.resolve("hostile/unknown-op.onnx").toString(), "--model-features", "a,b,c,d");

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.messages()).hasSize(1);
        assertThat(run.messages().get(0)).startsWith("modellens: unknown-op.onnx: not a readable ONNX model (")
                .doesNotContain("\u001b[");
    }

    @Test
    void onnxRuntimeWarningsStayOutOfTheOutput() throws Exception {
        Path train = Files.copy(CORE_RESOURCES.resolve("corpus/train.csv"), dir.resolve("train.csv"));

        Run run = launch("--train", train.toString(), "--prod", train.toString(), "--model",
                CORE_RESOURCES.resolve("hostile/unused-initializer.onnx").toString(), "--model-features", "a,b,c,d");

        assertThat(run.lines()).noneMatch(l -> l.contains("onnxruntime") || l.contains("\u001b["));
        assertThat(run.messages().get(0)).startsWith("Verdict");
    }

    /** A valid workbook whose [Content_Types].xml declares a DOCTYPE (refused by POI's XML hardening). */
    private static Path doctypeWorkbook(Path file) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("data");
            sheet.createRow(0).createCell(0).setCellValue("a");
            sheet.createRow(1).createCell(0).setCellValue(1);
            workbook.write(plain);
        }
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(plain.toByteArray()));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("[Content_Types].xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int declarationEnd = xml.indexOf("?>") + 2;
                    xml = xml.substring(0, declarationEnd) + "<!DOCTYPE Types [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                            + xml.substring(declarationEnd);
                    bytes = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return file;
    }
}
