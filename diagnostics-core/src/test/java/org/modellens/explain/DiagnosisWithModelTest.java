package org.modellens.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/** The core entry point with a model: predictions, explanations, and rows the model cannot score. */
class DiagnosisWithModelTest {

    private static final String HEADER = "age,income,score,ratio,count,flag,noise,label";

    @TempDir
    Path dir;

    private Path csv(String name, int rows, long seed, int textRows) throws Exception {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < rows; i++) {
            // Text no reading recovers a number from ("12,000" would be read as 12000 and scored).
            String income = i < textRows ? "see note" : String.format(java.util.Locale.ROOT, "%.2f", 20000 + 30000 * random.nextDouble());
            lines.add(String.format(java.util.Locale.ROOT, "%.1f,%s,%.0f,%.3f,%d,%d,%.3f,%d", 20 + 40 * random.nextDouble(), income,
                    300 + 550 * random.nextDouble(), random.nextDouble(), random.nextInt(6), random.nextInt(2),
                    random.nextGaussian(), random.nextInt(2)));
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    @Test
    void unscorableProductionRowsAreCountedNotGuessed() throws Exception {
        Path train = csv("train.csv", 400, 1, 0);
        Path prod = csv("prod.csv", 300, 2, 30);
        Path model = Path.of(getClass().getResource("binary.json").toURI());
        DiagnosisRequest request = new DiagnosisRequest(train, prod, "label", "auto", Set.of(), Set.of(), Settings.defaults(),
                model, List.of(), ExplainRows.first(50));

        DiagnosticReport report = Diagnosis.run(request, (stage, fraction) -> { });

        Finding unscorable = report.findings().stream()
                .filter(f -> f.check().equals("type-mismatch") && f.feature() == null).findFirst().orElseThrow();
        assertThat(unscorable.severity()).isEqualTo(Severity.FAIL);
        assertThat(unscorable.evidence()).containsEntry("unscorableRows", 30L);
        assertThat(unscorable.rows().examples()).startsWith(0, 1, 2);
        // The first 30 rows are unscorable: the 50 asked for leave 20 explained, from row 30 on.
        assertThat(report.explanations().rows()).hasSize(20);
        assertThat(report.explanations().rows().get(0).rowIndex()).isEqualTo(30);
        assertThat(report.model().features()).containsExactly("age", "income", "score", "ratio", "count", "flag", "noise");
        assertThat(report.explanations().globalTrain()).hasSize(7);
    }

    @Test
    void onnxModelIsExplainedByPermutationShapWithItsDefaults() throws Exception {
        Random random = new Random(3);
        List<String> train = new ArrayList<>(List.of("a,b,c,d"));
        List<String> prod = new ArrayList<>(List.of("a,b,c,d"));
        for (int i = 0; i < 300; i++) {
            train.add(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", random.nextGaussian(), random.nextGaussian(),
                    random.nextGaussian(), random.nextGaussian()));
            prod.add(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", random.nextGaussian() + 1, random.nextGaussian(),
                    random.nextGaussian(), random.nextGaussian()));
        }
        Path trainFile = dir.resolve("t.csv");
        Path prodFile = dir.resolve("p.csv");
        Files.write(trainFile, train);
        Files.write(prodFile, prod);
        Path model = Path.of(getClass().getResource("/org/modellens/model/logistic.onnx").toURI());
        DiagnosisRequest request = new DiagnosisRequest(trainFile, prodFile, null, "auto", Set.of(), Set.of(),
                Settings.defaults(), model, List.of(), null);

        DiagnosticReport report = Diagnosis.run(request, (stage, fraction) -> { });

        assertThat(report.model().type()).isEqualTo("onnx");
        assertThat(report.explanations().method()).isEqualTo("permutation-shap");
        assertThat(report.explanations().space()).isEqualTo("probability");
        assertThat(report.explanations().rows()).hasSize(100);
        for (var row : report.explanations().rows()) {
            double sum = row.baseValue() + row.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(sum).isCloseTo(row.prediction(), org.assertj.core.api.Assertions.within(1e-6));
        }
        // b has the largest weight (-2) on inputs of equal spread: it leads on training.
        assertThat(report.explanations().globalTrain().keySet().iterator().next()).isEqualTo("b");
        assertThat(report.explanations().attributionDrift()).hasSize(4);
    }
}
