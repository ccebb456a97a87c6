package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/** "NaN"/"Inf" text in a numeric column is one problem: non-finite-values reports it, type-mismatch does not. */
class NonFiniteTextIsReportedOnceTest {

    @TempDir
    Path dir;

    private Path csv(String name, long seed, String everyTwentieth) throws Exception {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder("x,y\n");
        for (int i = 0; i < 2000; i++) {
            String x = everyTwentieth != null && i % 20 == 0 ? everyTwentieth : String.format(Locale.ROOT, "%.4f", random.nextGaussian());
            out.append(x).append(',').append(random.nextBoolean() ? "a" : "b").append('\n');
        }
        return Files.writeString(dir.resolve(name), out);
    }

    private DiagnosticReport diagnose(String prodText) throws Exception {
        return Diagnosis.run(new DiagnosisRequest(csv("train.csv", 1, null), csv("prod.csv", 2, prodText), null, "auto",
                Set.of(), Set.of(), Settings.defaults()), (stage, fraction) -> { });
    }

    @Test
    void nanTextIsNonFiniteOnly() throws Exception {
        DiagnosticReport report = diagnose("NaN");
        assertThat(report.findings()).anyMatch(f -> f.check().equals("non-finite-values") && "x".equals(f.feature()));
        assertThat(report.findings()).noneMatch(f -> f.check().equals(TypeMismatchCheck.ID));
    }

    @Test
    void otherTextIsStillATypeMismatch() throws Exception {
        DiagnosticReport report = diagnose("\"$1,200\"");
        assertThat(report.findings()).anyMatch(f -> f.check().equals(TypeMismatchCheck.ID) && "x".equals(f.feature()));
        assertThat(report.findings()).noneMatch(f -> f.check().equals("non-finite-values"));
    }
}
