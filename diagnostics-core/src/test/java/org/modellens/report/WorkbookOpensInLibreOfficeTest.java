package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbooks open in LibreOffice: converted headless to PDF, their text read back. A data value
 * such as "=1+1" must come out as written, not as 2. Skipped only where LibreOffice is not
 * installed; .ci/run installs it and sets MODELLENS_REQUIRE_LIBREOFFICE=1, so in CI a missing
 * LibreOffice fails the test too. Any failure to convert fails it.
 */
class WorkbookOpensInLibreOfficeTest {

    @TempDir
    Path dir;

    @Test
    void sampleAndHostileWorkbooksOpenAndShowDataLiterally() throws IOException, InterruptedException {
        Optional<Path> soffice = onPath("soffice");
        if ("1".equals(System.getenv("MODELLENS_REQUIRE_LIBREOFFICE"))) {
            assertThat(soffice).as("soffice on PATH (MODELLENS_REQUIRE_LIBREOFFICE=1, as .ci/run sets)").isPresent();
        }
        Assumptions.assumeTrue(soffice.isPresent(), "LibreOffice (soffice) is not installed: workbook not opened");
        Path sample = dir.resolve("sample.xlsx");
        Path hostile = dir.resolve("hostile.xlsx");
        Files.write(sample, ReportFixtures.xlsx(ReportFixtures.sampleWithModel()));
        Files.write(hostile, ReportFixtures.xlsx(ReportFixtures.hostile(dir)));
        Path out = dir.resolve("converted");
        convert(soffice.get(), "pdf", out, sample, hostile);

        String sampleText = text(out.resolve("sample.pdf"));
        DiagnosticReport report = ReportFixtures.sample();
        assertThat(sampleText).contains("Model diagnosis", "FAIL: the model's output is not reliable on this production data.",
                "What changed", "What to do", report.inputs().train().source().sha256());
        assertThat(sampleText).contains(report.findings().get(0).check());

        String hostileText = text(out.resolve("hostile.pdf"));
        for (String value : ReportFixtures.HOSTILE) {
            assertThat(hostileText).contains(value);
        }
        assertThat(hostileText).contains(ReportFixtures.HOSTILE_UNSEEN, ReportFixtures.HOSTILE_COLUMN);

        // Cell by cell: every sheet as CSV (filter token 12 = -1). A formula would export its result
        // ("click", 1, 2), a literal exports as written.
        convert(soffice.get(), "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", out, hostile);
        List<String> categories = Files.readAllLines(out.resolve("hostile-Categories.csv"));
        for (String value : ReportFixtures.HOSTILE) {
            assertThat(categories).anyMatch(line -> line.startsWith("segment,training," + csv(value) + ","));
        }
        assertThat(categories).anyMatch(line -> line.startsWith("segment,production," + csv(ReportFixtures.HOSTILE_UNSEEN) + ","));
        assertThat(categories).anyMatch(line -> line.startsWith(csv(ReportFixtures.HOSTILE_COLUMN) + ",training,"));
        List<String> features = Files.readAllLines(out.resolve("hostile-Features.csv"));
        assertThat(features).anyMatch(line -> line.startsWith(csv(ReportFixtures.HOSTILE_COLUMN) + ",feature,categorical,"));
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private void convert(Path soffice, String format, Path out, Path... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", format, "--outdir", out.toString()));
        for (Path file : files) {
            command.add(file.toString());
        }
        Path log = dir.resolve("soffice.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("LibreOffice finished: " + Files.readString(log)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    }

    private static String text(Path pdf) throws IOException {
        assertThat(pdf).exists();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isPositive();
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static Optional<Path> onPath(String program) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
