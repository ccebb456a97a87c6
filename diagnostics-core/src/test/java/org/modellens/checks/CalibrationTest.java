package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modellens.Diagnosis;
import org.modellens.ProgressListener;
import org.modellens.data.Snapshot;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * The bar for the default thresholds: no alarm when production is drawn from exactly the training
 * distribution (50,000 rows a side, 24 mixed columns, heavy tails, many seeds), and an alarm for
 * each planted problem on its own.
 */
class CalibrationTest {

    private static final int ROWS = 50_000;

    private static DiagnosticReport diagnose(Snapshot train, Snapshot prod) {
        return Diagnosis.analyse(train, prod, null, null, Settings.defaults(), List.of(), ProgressListener.NONE);
    }

    private static List<Finding> alarms(DiagnosticReport report) {
        return report.findings().stream().filter(f -> f.severity() != Severity.INFO).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void productionFromTheTrainingDistributionRaisesNoAlarm(long seed) {
        Snapshot train = SyntheticSnapshots.draw("train", ROWS, seed * 1000 + 1, null, null);
        Snapshot prod = SyntheticSnapshots.draw("prod", ROWS, seed * 1000 + 2, null, null);

        assertThat(alarms(diagnose(train, prod))).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void productionFromTheTrainingDistributionWithATargetRaisesNoAlarm(long seed) {
        // With a target, leakage and conflicting-labels run too: independent columns leak nothing.
        Snapshot train = SyntheticSnapshots.draw("train", ROWS, seed * 1000 + 1, null, null);
        Snapshot prod = SyntheticSnapshots.draw("prod", ROWS, seed * 1000 + 2, null, null);

        DiagnosticReport report = Diagnosis.analyse(train, prod, "skewed_binary", null, Settings.defaults(), List.of(),
                ProgressListener.NONE);

        assertThat(alarms(report)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"normal", "lognormal", "uniform", "income", "exponential", "percent_0_100"})
    void wholeColumnInAUnitAThousandTimesLargerAlarmsAsUnitMismatch(String column) {
        assertAlarm(column, UnitMismatchCheck.ID, (name, numbers, labels, random) -> {
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] *= 1000;
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"normal", "uniform", "income", "age_years"})
    void threePercentOfRowsInAUnitAThousandTimesLargerAlarmAsUnitMismatch(String column) {
        assertAlarm(column, UnitMismatchCheck.ID, (name, numbers, labels, random) -> {
            for (int i = 0; i < numbers.length; i++) {
                if (random.nextDouble() < 0.03) {
                    numbers[i] *= 1000;
                }
            }
        });
    }

    private static void assertAlarm(String column, String check, SyntheticSnapshots.Plant plant) {
        Snapshot train = SyntheticSnapshots.draw("train", ROWS, 77, null, null);
        Snapshot prod = SyntheticSnapshots.draw("prod", ROWS, 78, column, plant);

        List<Finding> alarms = alarms(diagnose(train, prod));

        assertThat(alarms).as("alarms").anySatisfy(f -> {
            assertThat(f.check()).isEqualTo(check);
            assertThat(f.feature()).isEqualTo(column);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"normal", "lognormal", "student_t2", "uniform", "income", "bimodal"})
    void meanShiftOfHalfAStandardDeviationAlarms(String column) {
        assertAlarm(column, FeatureDriftCheck.ID, (name, numbers, labels, random) -> {
            double sd = std(numbers);
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] += 0.5 * sd;
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"normal", "lognormal", "uniform", "income", "bimodal"})
    void spreadDoubledAtTheSameMeanAlarms(String column) {
        assertAlarm(column, FeatureDriftCheck.ID, (name, numbers, labels, random) -> {
            double mean = mean(numbers);
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = mean + 2 * (numbers[i] - mean);
            }
        });
    }

    @Test
    void categoryShareMovingFifteenPointsAlarms() {
        // "north" holds 40% in training; move 15 points of rows from "north" to "south".
        assertAlarm("category_5", FeatureDriftCheck.ID, (name, numbers, labels, random) -> {
            for (int i = 0; i < labels.length; i++) {
                if ("north".equals(labels[i]) && random.nextDouble() < 0.15 / 0.4) {
                    labels[i] = "south";
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"category_5", "zipf_1000", "rare_tail_5000"})
    void newCategoryHoldingTenPercentAlarms(String column) {
        assertAlarm(column, UnseenCategoryCheck.ID, (name, numbers, labels, random) -> {
            for (int i = 0; i < labels.length; i++) {
                if (random.nextDouble() < 0.10) {
                    labels[i] = "brand-new";
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"normal_missing", "category_5_missing"})
    void missingRateFromOneToTwentyFivePercentAlarms(String column) {
        assertAlarm(column, MissingValuesCheck.ID, (name, numbers, labels, random) -> {
            int rows = numbers != null ? numbers.length : labels.length;
            for (int i = 0; i < rows; i++) {
                if (random.nextDouble() < 0.2424) {
                    if (numbers != null) {
                        numbers[i] = Double.NaN;
                    } else {
                        labels[i] = null;
                    }
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"normal", "lognormal", "pareto", "income", "integer_ties"})
    void twoPercentOfValuesThirtyTimesBeyondTheTrainingMaximumAlarm(String column) {
        Snapshot train = SyntheticSnapshots.draw("train", ROWS, 77, null, null);
        double trainMax = train.column(column).orElseThrow().presentNumbers().length == 0 ? 0
                : java.util.Arrays.stream(train.column(column).orElseThrow().presentNumbers()).max().orElseThrow();
        Snapshot prod = SyntheticSnapshots.draw("prod", ROWS, 78, column, (name, numbers, labels, random) -> {
            for (int i = 0; i < numbers.length; i++) {
                if (random.nextDouble() < 0.02) {
                    numbers[i] = 30 * trainMax;
                }
            }
        });

        List<Finding> alarms = alarms(diagnose(train, prod));

        assertThat(alarms).anySatisfy(f -> {
            assertThat(f.check()).isIn(OutOfRangeCheck.ID, OutliersCheck.ID);
            assertThat(f.feature()).isEqualTo(column);
        });
    }

    private static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return sum / n;
    }

    private static double std(double[] values) {
        double mean = mean(values);
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += (v - mean) * (v - mean);
                n++;
            }
        }
        return Math.sqrt(sum / (n - 1));
    }
}
