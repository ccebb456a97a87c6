package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Exact duplicate rows in training and production, and identical inputs with different labels. */
class DuplicatesAndConflictingLabelsTest {

    private static final int ROWS = 4000;

    private static RawCase loans(long trainSeed, long prodSeed, java.util.function.Consumer<String[][]> plantTrain) {
        String[][] train = table(trainSeed);
        plantTrain.accept(train);
        String[][] prod = table(prodSeed);
        return new RawCase().target("defaulted")
                .both("income", train[0], prod[0]).both("age", train[1], prod[1]).both("region", train[2], prod[2])
                .both("defaulted", train[3], prod[3]);
    }

    /** income, age, region, defaulted. */
    private static String[][] table(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] regions = {"north", "south", "east", "west"};
        String[][] t = new String[4][ROWS];
        for (int i = 0; i < ROWS; i++) {
            t[0][i] = String.format(Locale.ROOT, "%.2f", 50_000 + 15_000 * SyntheticSnapshots.normal(r));
            t[1][i] = String.valueOf(20 + r.nextInt(50));
            t[2][i] = regions[r.nextInt(4)];
            t[3][i] = r.nextDouble() < 0.2 ? "1" : "0";
        }
        return t;
    }

    @Test
    void aBatchLoadedTwiceIntoTrainingIsFoundWithExampleRows() {
        RawCase c = loans(1, 2, t -> {
            for (int col = 0; col < 4; col++) {
                System.arraycopy(t[col], 1000, t[col], 3000, 200);
            }
        });

        List<Finding> findings = c.findings(DuplicateRowsCheck.ID);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat(f.evidence()).containsEntry("snapshot", "training").containsEntry("duplicateRows", 200L)
                    .containsEntry("share", 0.05);
            assertThat(f.evidence().get("exampleRows")).asList().startsWith(3000, 3001);
        });
    }

    @Test
    void identicalInputsWithDifferentLabelsAreConflicts() {
        RawCase c = loans(3, 4, t -> {
            // 100 rows repeat earlier inputs with the opposite label: 200 rows in conflicting groups (5%)
            for (int i = 0; i < 100; i++) {
                for (int col = 0; col < 3; col++) {
                    t[col][2000 + i] = t[col][i];
                }
                t[3][2000 + i] = t[3][i].equals("1") ? "0" : "1";
            }
        });

        List<Finding> findings = c.findings(ConflictingLabelsCheck.ID);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.evidence()).containsEntry("snapshot", "training").containsEntry("conflictingGroups", 100L)
                    .containsEntry("conflictingRows", 200L);
            assertThat(f.evidence().get("exampleRows")).asList().startsWith(0, 1);
        });
        // exact duplicates of inputs with a different label are not duplicate rows
        assertThat(c.findings(DuplicateRowsCheck.ID)).isEmpty();
    }

    @Test
    void cleanDataHasNeitherDuplicatesNorConflicts() {
        RawCase c = loans(5, 6, t -> { });

        assertThat(c.findings(DuplicateRowsCheck.ID)).isEmpty();
        assertThat(c.findings(ConflictingLabelsCheck.ID)).isEmpty();
    }

    @Test
    void conflictsAmongFewPossibleInputsAreExpectedAndOnlyInfo() {
        // only region and a coarse age band: 4 x 5 combinations, labels noisy by nature
        SplittableRandom r = new SplittableRandom(7);
        String[] regions = {"north", "south", "east", "west"};
        String[] region = RawCase.cells(ROWS, i -> regions[r.nextInt(4)]);
        String[] band = RawCase.cells(ROWS, i -> "band" + r.nextInt(5));
        String[] label = RawCase.cells(ROWS, i -> r.nextDouble() < 0.3 ? "1" : "0");
        List<Finding> findings = new RawCase().target("y").both("region", region, region.clone())
                .both("band", band, band.clone()).both("y", label, label.clone()).findings(ConflictingLabelsCheck.ID);

        assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }
}
