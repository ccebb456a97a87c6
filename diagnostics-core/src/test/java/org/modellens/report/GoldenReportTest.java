package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.explain.ExplainRows;
import org.modellens.settings.Settings;

/**
 * The sample case's report, as the README's first command makes it, against files committed beside
 * this test: the JSON whole, and the text a reader extracts from the PDF. Any change to a figure, a
 * finding, a cause or a sentence fails here until it is looked at and the files are regenerated:
 *
 * <pre>mvn -B -q -pl diagnostics-core test -Dtest=GoldenReportTest -Dmodellens.golden.update=true</pre>
 *
 * then read {@code git diff diagnostics-core/src/test/resources/golden} before committing it.
 */
class GoldenReportTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("modellens.golden.update");
    /** A fixed clock: the PDF prints when it was made. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-01T09:00:00Z"), ZoneOffset.UTC);

    private static DiagnosticReport sample() throws Exception {
        // Twenty explained rows keep the file readable; every other figure is the full run's.
        return Diagnosis.run(new DiagnosisRequest(ReportFixtures.SAMPLE_TRAIN, ReportFixtures.SAMPLE_PROD, "defaulted", "auto",
                Set.of(), Set.of(), Settings.defaults(), Path.of("../sample-data/case/model.json"), List.of(),
                ExplainRows.first(20), Path.of("../sample-data/case/reference.csv"), null, null), ProgressListener.NONE);
    }

    @Test
    void theSampleReportEqualsItsGoldenFiles() throws Exception {
        DiagnosticReport report = sample();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, json);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new PdfReportWriter(CLOCK).write(report, pdf);
        String pdfText;
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            pdfText = stripper.getText(document);
        }
        compare("sample-report.json", json.toString(StandardCharsets.UTF_8));
        compare("sample-report-pdf.txt", pdfText);
    }

    private static void compare(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s: regenerate with -Dmodellens.golden.update=true", file).exists();
        List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> lines = actual.lines().toList();
        for (int i = 0; i < Math.min(expected.size(), lines.size()); i++) {
            assertThat(lines.get(i)).as("%s line %d changed (regenerate with -Dmodellens.golden.update=true and read the diff)",
                    name, i + 1).isEqualTo(expected.get(i));
        }
        assertThat(lines).as("%s: lines added or removed", name).hasSameSizeAs(expected);
    }
}
