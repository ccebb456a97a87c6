package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modellens.report.DiagnosticReport;

/** A power-of-ten rescaling is a unit change; a genuine shift of location is drift, not a unit change. */
class UnitMismatchCheckTest {

    private static final int ROWS = 5000;

    /** Weights in grams: log-normal around 2.5 kg. */
    private static String[] weights(long seed, double scale, double shift) {
        SplittableRandom random = new SplittableRandom(seed);
        return RawCase.cells(ROWS, i -> String.format(Locale.ROOT, "%.4f",
                (Math.exp(Math.log(2500) + 0.3 * SyntheticSnapshots.normal(random)) * (1 + shift)) * scale));
    }

    private static List<Finding> units(String[] train, String[] prod) {
        return new RawCase().both("weight", train, prod).findings(UnitMismatchCheck.ID);
    }

    @ParameterizedTest(name = "x{0}")
    @ValueSource(doubles = {1000, 0.001, 100, 0.01, 10, 0.1})
    void wholeColumnRescaledByAPowerOfTenIsAUnitChangeWithItsFactor(double factor) {
        List<Finding> findings = units(weights(1, 1, 0), weights(2, factor, 0));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat((Double) f.evidence().get("factor")).isEqualTo(factor);
            assertThat((Double) f.evidence().get("estimatedFactor")).isBetween(factor * 0.9, factor * 1.1);
            assertThat((Double) f.evidence().get("ksAfterRescaling")).isLessThan(0.05);
        });
    }

    @Test
    void percentInsteadOfFractionIsFound() {
        SplittableRandom a = new SplittableRandom(3);
        SplittableRandom b = new SplittableRandom(4);
        String[] fraction = RawCase.cells(ROWS, i -> String.format(Locale.ROOT, "%.4f", Math.min(0.3, Math.max(0.05, 0.15 + 0.04 * SyntheticSnapshots.normal(a)))));
        String[] percent = RawCase.cells(ROWS, i -> String.format(Locale.ROOT, "%.2f", 100 * Math.min(0.3, Math.max(0.05, 0.15 + 0.04 * SyntheticSnapshots.normal(b)))));

        assertThat(units(fraction, percent)).singleElement()
                .satisfies(f -> assertThat((Double) f.evidence().get("factor")).isEqualTo(100.0));
    }

    @Test
    void tenPercentGenuineLocationShiftIsDriftNotAUnitChange() {
        DiagnosticReport report = new RawCase().both("weight", weights(1, 1, 0), weights(2, 1, 0.10)).diagnose();

        assertThat(report.findings()).noneMatch(f -> f.check().equals(UnitMismatchCheck.ID));
        assertThat(report.findings()).anyMatch(f -> f.check().equals(FeatureDriftCheck.ID) && f.severity() != Severity.INFO);
    }

    @Test
    void largeLocationShiftOfANarrowQuantityIsNoUnitChange() {
        // Mean moves from 10 to 100 but the spread stays: not a rescaling.
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(6);
        String[] train = RawCase.cells(ROWS, i -> String.format(Locale.ROOT, "%.3f", 10 + SyntheticSnapshots.normal(a)));
        String[] prod = RawCase.cells(ROWS, i -> String.format(Locale.ROOT, "%.3f", 100 + SyntheticSnapshots.normal(b)));

        assertThat(units(train, prod)).isEmpty();
    }

    @Test
    void someRowsInAnotherUnitAreReportedWithTheirShareAndRows() {
        String[] prod = weights(2, 1, 0);
        for (int i = 0; i < ROWS; i += 50) {
            prod[i] = String.format(Locale.ROOT, "%.4f", Double.parseDouble(prod[i]) * 1000);
        }

        assertThat(units(weights(1, 1, 0), prod)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat((Double) f.evidence().get("factor")).isEqualTo(1000.0);
            assertThat(f.rows().count()).isBetween(95L, 100L);
            assertThat(f.rows().examples()).startsWith(0, 50);
        });
    }

    @Test
    void aDriftedTailOutsideTheRangeIsNoUnitChange() {
        // Spread grows 3x: many values beyond the training maximum, none a power of ten off.
        SplittableRandom b = new SplittableRandom(7);
        String[] prod = RawCase.cells(ROWS, i -> String.format(Locale.ROOT, "%.4f",
                Math.exp(Math.log(2500) + 0.9 * SyntheticSnapshots.normal(b))));

        assertThat(units(weights(1, 1, 0), prod)).isEmpty();
    }

    @Test
    void unchangedQuantityIsSilent() {
        assertThat(units(weights(1, 1, 0), weights(2, 1, 0))).isEmpty();
    }
}
