package org.modellens.profile.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.checks.Finding;
import org.modellens.profile.ColumnProfile;
import org.modellens.profile.FeatureComparison;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * diagnose on profiles against diagnose on the files themselves: the same findings, the exact figures
 * equal, the counts a profile can only estimate (values beyond the training range) within the stated
 * sketch bound, and a notice saying what ran on the sample.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProfileDiagnosisTest {

    private static final int SAMPLE = 5_000;

    @TempDir
    static Path dir;

    private static DiagnosticReport inMemory;
    private static DiagnosticReport profiled;
    private static DiagnosticReport mixed;
    private static Profile prodProfile;

    @BeforeAll
    static void diagnoseBothWays() throws Exception {
        Path train = dir.resolve("train.csv");
        Path prod = dir.resolve("prod.parquet.csv");
        write(train, 30_000, new Random(1), false);
        write(prod, 20_000, new Random(2), true);
        ProfileOptions options = ProfileOptions.of(SAMPLE, 20261123L, 100_000, SAMPLE);
        Path trainProfile = dir.resolve("train.mlprofile");
        Path prodProfilePath = dir.resolve("prod.mlprofile");
        ProfileFormat.write(ProfileBuilder.profile(train, options, Set.of(), Set.of(), "label", "test", n -> { }), trainProfile);
        prodProfile = ProfileBuilder.profile(prod, options, Set.of(), Set.of(), "label", "test", n -> { });
        ProfileFormat.write(prodProfile, prodProfilePath);

        inMemory = Diagnosis.run(request(train, prod), (s, f) -> { });
        profiled = Diagnosis.run(request(trainProfile, prodProfilePath), (s, f) -> { });
        mixed = Diagnosis.run(request(train, prodProfilePath), (s, f) -> { });
    }

    private static DiagnosisRequest request(Path train, Path prod) {
        return new DiagnosisRequest(train, prod, "label", "auto", Set.of(), Set.of(), Settings.defaults());
    }

    /** Planted in production: amount shifted, score with NaN text and values beyond range, a new city, gaps, duplicates. */
    static void write(Path file, int rows, Random random, boolean production) throws IOException {
        String[] cities = {"Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø"};
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_id,amount,score,city,active,signup,label\n");
            for (int r = 0; r < rows; r++) {
                StringBuilder row = new StringBuilder();
                row.append(production ? 1_000_000 + r : r).append(',');
                double amount = 100 + 15 * random.nextGaussian() + (production ? 6 : 0);
                row.append(random.nextInt(production ? 5 : 20) == 0 ? "" : String.format(Locale.ROOT, "%.2f", amount)).append(',');
                double score = random.nextDouble();
                if (production && r % 100 == 7) {
                    row.append("NaN");
                } else if (production && r % 250 == 3) {
                    row.append(5 + score);
                } else {
                    row.append(String.format(Locale.ROOT, "%.5f", score));
                }
                row.append(',');
                row.append(production && r % 40 == 0 ? "Narvik" : cities[random.nextInt(cities.length)]).append(',');
                row.append(random.nextBoolean() ? "yes" : "no").append(',');
                row.append(String.format("2024-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))).append(',');
                row.append(random.nextInt(4) == 0 ? 1 : 0).append('\n');
                out.write(row.toString());
                if (production && r % 500 == 11) {
                    out.write(row.toString()); // a double-loaded row
                }
            }
        }
    }

    private static Set<String> keys(DiagnosticReport report) {
        return report.findings().stream().filter(f -> !f.check().equals("input-format"))
                .map(f -> f.check() + ":" + f.feature() + ":" + f.severity()).collect(Collectors.toSet());
    }

    private static Finding finding(DiagnosticReport report, String check, String feature) {
        return report.findings().stream().filter(f -> f.check().equals(check) && String.valueOf(f.feature()).equals(feature))
                .findFirst().orElseThrow(() -> new AssertionError("no " + check + " on " + feature));
    }

    private static FeatureComparison feature(DiagnosticReport report, String name) {
        return report.features().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void sameFindingsFromProfilesAsFromTheFiles() {
        assertThat(keys(profiled)).isEqualTo(keys(inMemory));
        assertThat(keys(mixed)).isEqualTo(keys(inMemory));
    }

    @Test
    void eachProfiledSideSaysWhatRanOnTheSample() {
        List<Finding> notices = profiled.findings().stream().filter(f -> f.check().equals("input-format")).toList();
        assertThat(notices).extracting(Finding::title).anySatisfy(t -> assertThat(t).startsWith("The training data was read from the profile train.mlprofile (30,000 rows)"))
                .anySatisfy(t -> assertThat(t).startsWith("The production data was read from the profile prod.mlprofile (20,040 rows)"));
        assertThat(profiled.inputs().prod().sampling()).hasValueSatisfying(s -> {
            assertThat(s.fileRows()).isEqualTo(20_040);
            assertThat(s.sampleRows()).isEqualTo(SAMPLE);
        });
    }

    @Test
    void exactFiguresEqualTheFiles() {
        for (String name : List.of("amount", "score", "city", "active", "label")) {
            for (boolean trainSide : new boolean[] {true, false}) {
                ColumnProfile exact = trainSide ? feature(inMemory, name).trainProfile() : feature(inMemory, name).prodProfile();
                ColumnProfile got = trainSide ? feature(profiled, name).trainProfile() : feature(profiled, name).prodProfile();
                String what = name + (trainSide ? " train" : " prod");
                assertThat(got.rows()).as(what).isEqualTo(exact.rows());
                assertThat(got.missing()).as(what).isEqualTo(exact.missing());
                assertThat(got.unparsable()).as(what).isEqualTo(exact.unparsable());
                if (feature(inMemory, name).train().isNumeric()) {
                    assertThat(got.min()).as(what).isEqualTo(exact.min());
                    assertThat(got.max()).as(what).isEqualTo(exact.max());
                    assertThat(got.mean()).as(what).isCloseTo(exact.mean(), within(1e-9 * Math.abs(exact.mean())));
                    assertThat(got.std()).as(what).isCloseTo(exact.std(), within(1e-9 * exact.std()));
                } else {
                    assertThat(got.topCategories()).as(what).isEqualTo(exact.topCategories());
                }
            }
        }
        for (String[] key : new String[][] {{"missing-values", "amount"}, {"non-finite-values", "score"},
                {"unseen-category", "city"}, {"duplicate-rows", "null"}}) {
            assertThat(finding(profiled, key[0], key[1]).rows().count()).as(key[0])
                    .isEqualTo(finding(inMemory, key[0], key[1]).rows().count());
        }
        assertThat(finding(profiled, "duplicate-rows", "null").rows().examples())
                .isEqualTo(finding(inMemory, "duplicate-rows", "null").rows().examples());
    }

    /** A reference profile is the performance baseline, as a reference file is; the model scores the samples. */
    @Test
    void referenceMayBeAProfileToo() throws Exception {
        Path caseDir = Path.of("../sample-data/case");
        ProfileOptions options = ProfileOptions.of(2_000, 7L, 100_000, 2_000);
        Path prod = dir.resolve("case-prod.mlprofile");
        Path reference = dir.resolve("case-reference.mlprofile");
        ProfileFormat.write(ProfileBuilder.profile(caseDir.resolve("prod.csv"), options, Set.of(), Set.of(), "defaulted", "test",
                n -> { }), prod);
        ProfileFormat.write(ProfileBuilder.profile(caseDir.resolve("reference.csv"), options, Set.of(), Set.of(), "defaulted",
                "test", n -> { }), reference);
        DiagnosticReport report = Diagnosis.run(new DiagnosisRequest(caseDir.resolve("train.csv"), prod, "defaulted", "auto",
                Set.of(), Set.of(), Settings.defaults(), caseDir.resolve("model.json"), List.of(), null, reference, null, null),
                (s, f) -> { });

        assertThat(report.inputs().reference()).isNotNull();
        assertThat(report.inputs().reference().sampling()).isPresent();
        assertThat(report.performance()).isNotNull();
        assertThat(report.performance().baseline().source()).isEqualTo("reference");
        assertThat(report.findings()).extracting(Finding::title)
                .anySatisfy(t -> assertThat(t).startsWith("The reference data was read from the profile case-reference.mlprofile"));
    }

    /**
     * Profiles carrying a model summary of every row (as the Spark job writes them) give the report's global
     * importance, mean contributions and attribution drift over every row, not the sample.
     */
    @Test
    void modelSummariesOfEveryRowFeedTheExplanations() throws Exception {
        Path caseDir = Path.of("../sample-data/case");
        Path modelFile = caseDir.resolve("model.json");
        String id = "model.json@" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(modelFile)));
        ProfileOptions options = ProfileOptions.of(1_000, 7L, 100_000, 10_000);
        org.modellens.model.TreeEnsemble model = (org.modellens.model.TreeEnsemble) org.modellens.model.ModelLoader.load(modelFile, List.of());
        Path[] profiles = new Path[2];
        ModelSummary[] summaries = new ModelSummary[2];
        double[][] scores = new double[2][];
        String[] sides = {"train", "prod"};
        for (int i = 0; i < 2; i++) {
            Path csv = caseDir.resolve(sides[i] + ".csv");
            Profile profile = ProfileBuilder.profile(csv, options, Set.of(), Set.of(), "defaulted", "test", n -> { });
            // Every row scored and explained, as the Spark job does per partition.
            org.modellens.data.Snapshot whole = org.modellens.data.SnapshotBuilder.buildTraining(
                    org.modellens.data.SnapshotReaders.read(csv), Set.of(), Set.of(), "defaulted");
            org.modellens.model.FeatureMatrix matrix = org.modellens.model.FeatureMatrix.of(whole, model);
            org.modellens.explain.TreeShap shap = new org.modellens.explain.TreeShap(model);
            ModelSummary summary = new ModelSummary(id, model.features(), shap.baseValue(0), 200);
            double[] phi = new double[model.features().size()];
            org.modellens.model.Predictions predictions = model.predict(matrix);
            scores[i] = java.util.Arrays.stream(predictions.score()).filter(Double::isFinite).toArray();
            for (int r = 0; r < matrix.rows(); r++) {
                if (matrix.scorable(r)) {
                    summary.add(shap.contributions(matrix.values(), r * matrix.columns(), 0, phi), phi);
                    summary.addScore(predictions.score()[r], -1);
                }
            }
            profile.setModel(summary);
            summaries[i] = summary;
            profiles[i] = dir.resolve("scored-" + sides[i] + ".mlprofile");
            ProfileFormat.write(profile, profiles[i]);
        }
        DiagnosticReport report = Diagnosis.run(new DiagnosisRequest(profiles[0], profiles[1], "defaulted", "auto",
                Set.of(), Set.of(), Settings.defaults(), modelFile, List.of(), null, null, null, null), (s, f) -> { });

        org.modellens.report.Explanations e = report.explanations();
        assertThat(e.meansTrain().rows()).isEqualTo(summaries[0].rows()).isEqualTo(8_000);
        assertThat(e.meansProd().rows()).isEqualTo(summaries[1].rows()).isEqualTo(3_000);
        for (int j = 0; j < model.features().size(); j++) {
            String feature = model.features().get(j);
            assertThat(e.globalProd().get(feature)).isEqualTo(summaries[1].meanAbsContributions()[j]);
            assertThat(e.meansProd().contributions().get(feature)).isEqualTo(summaries[1].meanContributions()[j]);
        }
        assertThat(new java.util.ArrayList<>(e.globalProd().values())).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(e.attributionDrift()).hasSize(model.features().size());
        // Additivity over every row: mean margin = base value + mean contributions.
        double sum = e.meansProd().contributions().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(e.meansProd().output()).isCloseTo(e.meansProd().baseValue() + sum, within(1e-9));
        assertThat(report.findings()).extracting(Finding::title)
                .contains("Model figures over every row, from the profiles' model summaries");

        // Prediction drift from every row's scores (KLL sketches of k = 200), against the KS distance of all the scores.
        Finding everyRow = finding(report, "prediction-drift", "null");
        assertThat(everyRow.evidence()).containsEntry("rows", "every row").containsEntry("trainScoredRows", 8_000L)
                .containsEntry("prodScoredRows", 3_000L);
        double bound = summaries[0].scores().getNormalizedRankError(false) + summaries[1].scores().getNormalizedRankError(false);
        assertThat((Double) everyRow.evidence().get("ksBound")).isEqualTo(bound);
        double exact = org.modellens.stats.KolmogorovSmirnov.statistic(scores[0], scores[1]);
        assertThat((Double) everyRow.evidence().get("ksStatistic")).isCloseTo(exact, within(bound));
        assertThat((Double) everyRow.evidence().get("prodMeanScore"))
                .isCloseTo(java.util.Arrays.stream(scores[1]).average().orElseThrow(), within(1e-12));
    }

    @Test
    void outOfRangeCountIsExactWhileTheTailFitsTheKeptExtremes() {
        long exact = finding(inMemory, "out-of-range", "score").rows().count();
        long estimated = finding(profiled, "out-of-range", "score").rows().count();
        ColumnSummary score = prodProfile.column("score").orElseThrow();
        double bound = 2 * score.quantiles().getNormalizedRankError(false) * score.count();
        assertThat(exact).isGreaterThanOrEqualTo(80); // every 250th row, and the double-loaded copies among them
        assertThat((double) Math.abs(estimated - exact)).isLessThanOrEqualTo(bound);
        // Fewer than 1000 values lie beyond the training maximum: the kept extremes count them exactly.
        assertThat(estimated).isEqualTo(exact);
        assertThat(finding(profiled, "out-of-range", "amount").rows().count())
                .isEqualTo(finding(inMemory, "out-of-range", "amount").rows().count());
        // Example rows are rows of the file that are out of range.
        double[] scores = inMemory.inputs().prod().column("score").orElseThrow().numbers();
        assertThat(finding(profiled, "out-of-range", "score").rows().examples()).isNotEmpty()
                .allSatisfy(row -> assertThat(scores[row]).isGreaterThan(5.0));
    }
}
