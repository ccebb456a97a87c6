package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modellens.data.Snapshot;
import org.modellens.data.SourceInfo;
import org.modellens.settings.Settings;

/**
 * dataset-drift (adversarial validation): silent when both snapshots come from one distribution (many
 * seeds, 24 mixed columns with heavy tails and thousands of rare categories), alarmed by a change that
 * only the joint distribution shows (a correlation flipped, both marginals unchanged).
 */
class DatasetDriftCheckTest {

    @TempDir
    static Path dir;

    /** The defaults, with the check enabled without a model (these snapshots have none). */
    private static Settings withoutModel() {
        try {
            Path file = dir.resolve("dataset-drift.properties");
            Files.writeString(file, "datasetDrift.withoutModel=1\n");
            return Settings.withOverrides(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Finding> run(Snapshot train, Snapshot prod) {
        return new DatasetDriftCheck().run(ModelScenarios.context(train, prod, null, withoutModel(), null));
    }

    @Test
    void withoutAModelItStaysOffByDefault() {
        Snapshot train = correlated("train", 2_000, 0.8, 1);
        Snapshot prod = correlated("prod", 2_000, -0.8, 2);

        assertThat(new DatasetDriftCheck().run(ModelScenarios.context(train, prod, null, Settings.defaults(), null))).isEmpty();
        assertThat(run(train, prod)).isNotEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void twoSamplesOfOneDistributionDoNotAlarm(long seed) {
        Snapshot train = SyntheticSnapshots.draw("train", 20_000, seed * 1000 + 1, null, null);
        Snapshot prod = SyntheticSnapshots.draw("prod", 20_000, seed * 1000 + 2, null, null);

        List<Finding> findings = run(train, prod);

        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void aFlippedCorrelationWithUnchangedMarginalsAlarms() {
        Snapshot train = correlated("train", 10_000, 0.8, 1);
        Snapshot prod = correlated("prod", 10_000, -0.8, 2);

        List<Finding> findings = run(train, prod);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isIn(Severity.WARN, Severity.FAIL);
            assertThat((Double) f.evidence().get("domainAuc")).isGreaterThan(0.6);
            assertThat(f.evidence()).containsKeys("driver1", "driver1Auc", "trainSampleRows", "prodSampleRows");
        });
    }

    @Test
    void aShiftedInputIsNamedAsTheDriver() {
        Snapshot train = SyntheticSnapshots.draw("train", 20_000, 31, null, null);
        Snapshot prod = SyntheticSnapshots.draw("prod", 20_000, 32, "uniform", (name, numbers, labels, random) -> {
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] += 20;
            }
        });

        assertThat(run(train, prod)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isNotEqualTo(Severity.INFO);
            assertThat(f.evidence().get("driver1")).isEqualTo("uniform");
        });
    }

    @Test
    void costsLittleOnBenchmarkSizedSnapshots() {
        Snapshot train = SyntheticSnapshots.draw("train", 200_000, 41, null, null);
        Snapshot prod = SyntheticSnapshots.draw("prod", 30_000, 42, null, null);
        CheckContext context = ModelScenarios.context(train, prod, null, withoutModel(), null);
        new DatasetDriftCheck().run(context);

        long start = System.nanoTime();
        new DatasetDriftCheck().run(context);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.println("dataset-drift on 200,000 x 24 vs 30,000 x 24 (warm): " + millis + " ms");
        // Generous bound for a loaded shared machine; the benchmark script measures the real run.
        assertThat(millis).isLessThan(3000);
    }

    /** Two standard normal columns with correlation {@code rho}: marginals identical whatever rho is. */
    private static Snapshot correlated(String side, int rows, double rho, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[rows];
        double[] b = new double[rows];
        for (int i = 0; i < rows; i++) {
            a[i] = SyntheticSnapshots.normal(random);
            b[i] = rho * a[i] + Math.sqrt(1 - rho * rho) * SyntheticSnapshots.normal(random);
        }
        return new Snapshot(new SourceInfo(Path.of(side + ".csv"), "csv", "0"), rows,
                List.of(SyntheticSnapshots.numericColumn("a", a), SyntheticSnapshots.numericColumn("b", b)));
    }
}
