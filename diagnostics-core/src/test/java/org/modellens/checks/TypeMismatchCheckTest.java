package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modellens.profile.FeatureComparison;
import org.modellens.report.DiagnosticReport;

/** Numbers arriving as text in production are found, counted by kind, and still measured. */
class TypeMismatchCheckTest {

    private static final int ROWS = 2000;

    private static String[] fees(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int[] levels = {0, 49, 95, 250, 1200};
        return RawCase.cells(ROWS, i -> levels[random.nextInt(levels.length)] + ".00");
    }

    @Test
    void displayFormattedNumbersInProductionAreReportedWithKindsExamplesAndRows() {
        String[] prod = fees(2);
        // every 20th row arrives as display text: 5% of rows
        String[] formats = {"$95", "1,200", "250 USD", "N/A", "12,5"};
        for (int i = 0; i < ROWS; i += 20) {
            prod[i] = formats[(i / 20) % formats.length];
        }
        DiagnosticReport report = new RawCase().both("annual_fee", fees(1), prod).diagnose();

        List<Finding> findings = report.findings().stream().filter(f -> f.check().equals(TypeMismatchCheck.ID)).toList();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.feature()).isEqualTo("annual_fee");
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat((Double) f.evidence().get("prodShare")).isEqualTo(0.05);
            assertThat(f.evidence()).containsEntry("currency", 40L).containsEntry("thousandsSeparator", 20L)
                    .containsEntry("missingToken", 20L).containsEntry("decimalComma", 20L).containsEntry("recovered", 80L);
            assertThat(f.evidence().get("examples")).asList().contains("$95", "1,200", "N/A");
            assertThat(f.rows().count()).isEqualTo(100);
            assertThat(f.rows().examples()).startsWith(0, 20, 40);
        });
        // The recovered values feed the profile and drift: 1,200 counted as 1200, N/A left out.
        FeatureComparison fee = report.features().get(0);
        assertThat(fee.prodProfile().count() - fee.prodSorted().length).isEqualTo(20);
        assertThat(fee.prodProfile().max()).isEqualTo(1200.0);
    }

    @Test
    void textAtTheSameRateAsInTrainingIsNoMismatch() {
        String[] train = fees(1);
        String[] prod = fees(2);
        for (int i = 0; i < ROWS; i += 50) {
            train[i] = "N/A";
            prod[i + 7] = "N/A";
        }

        assertThat(new RawCase().both("annual_fee", train, prod).findings(TypeMismatchCheck.ID)).isEmpty();
    }

    @Test
    void plainNumbersOnBothSidesAreSilent() {
        assertThat(new RawCase().both("annual_fee", fees(1), fees(2)).findings(TypeMismatchCheck.ID)).isEmpty();
    }

    @Test
    void aFewStrayTextValuesAreInfoNotAnAlarm() {
        String[] prod = fees(2);
        prod[10] = "$95";
        prod[500] = "$49";
        prod[900] = "1,200";
        prod[1500] = "$0";
        prod[1800] = "$250";

        List<Finding> findings = new RawCase().both("annual_fee", fees(1), prod).findings(TypeMismatchCheck.ID);

        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }
}
