package org.modellens.hostile;

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
import org.modellens.data.FormattedNumber;
import org.modellens.data.TypeInference;
import org.modellens.profile.ColumnProfile;
import org.modellens.profile.FeatureComparison;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * Issue 19, silent wrong numbers: a production column of {@code 1e400} was reported as
 * min = max = mean = 1.0 ("1" with the unit "e400"), and "-1e400", "1d", "2f" became -1, 1 and 2
 * through the unit-suffix reading, with no non-finite finding.
 */
class SilentNumbersTest {

    @TempDir
    Path dir;

    @Test
    void anOverflowingLiteralIsNonFiniteAndNoNumberWithAUnit() {
        assertThat(TypeInference.isNonFiniteWord("1e400")).isTrue();
        assertThat(TypeInference.isNonFiniteWord(" -1e400 ")).isTrue();
        assertThat(TypeInference.isNonFiniteWord("1" + "0".repeat(400))).isTrue();
        assertThat(TypeInference.isNonFiniteWord("1e300")).isFalse();
        assertThat(TypeInference.isNonFiniteWord("12kg")).isFalse();
        assertThat(FormattedNumber.recover("1e400")).isNull();
        assertThat(FormattedNumber.recover("-1e400")).isNull();
    }

    @Test
    void literalSuffixesAreNoUnits() {
        assertThat(FormattedNumber.recover("1d")).isNull();
        assertThat(FormattedNumber.recover("2f")).isNull();
        assertThat(FormattedNumber.recover("3L")).isNull();
        assertThat(FormattedNumber.recover("12 kg")).isEqualTo(new FormattedNumber.Recovered(12, FormattedNumber.Kind.UNIT, "kg"));
        assertThat(FormattedNumber.recover("15%").value()).isEqualTo(15);
    }

    @Test
    void aUnitIsTakenOnlyWhereTheWholeColumnCarriesIt() {
        String[] oneUnit = {"12 kg", "3", "4.5 kg", null};
        String[] mixed = {"12 kg", "3", "4 g", "$5"};
        double[] one = TypeInference.parseNumbers(oneUnit);
        double[] two = TypeInference.parseNumbers(mixed);

        FormattedNumber.recoverColumn(oneUnit, one);
        FormattedNumber.recoverColumn(mixed, two);

        assertThat(one).containsExactly(12, 3, 4.5, Double.NaN);
        assertThat(two).as("kg beside g: neither is read; the currency still is").containsExactly(Double.NaN, 3, Double.NaN, 5);
    }

    private Path csv(String name, long seed, String everyCell) throws Exception {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder("x,y\n");
        for (int i = 0; i < 500; i++) {
            String x = everyCell != null ? everyCell : String.format(Locale.ROOT, "%.4f", random.nextGaussian());
            out.append(x).append(',').append(random.nextBoolean() ? "a" : "b").append('\n');
        }
        return Files.writeString(dir.resolve(name), out);
    }

    @Test
    void aProductionColumnOfOneEFourHundredIsReportedNonFiniteNotAsOne() throws Exception {
        DiagnosticReport report = Diagnosis.run(new DiagnosisRequest(csv("train.csv", 1, null), csv("prod.csv", 2, "1e400"),
                null, "auto", Set.of(), Set.of(), Settings.defaults()), (stage, fraction) -> { });

        assertThat(report.findings()).anyMatch(f -> f.check().equals("non-finite-values") && "x".equals(f.feature()));
        ColumnProfile prod = report.features().stream().filter(f -> f.name().equals("x")).findFirst()
                .map(FeatureComparison::prodProfile).orElseThrow();
        assertThat(prod.min()).as("no finite value in production: no minimum").isNaN();
        assertThat(prod.max()).isNaN();
        assertThat(prod.mean()).isNaN();
    }
}
