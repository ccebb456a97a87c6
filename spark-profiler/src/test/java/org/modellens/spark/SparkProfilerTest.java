package org.modellens.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.profile.format.ColumnSummary;
import org.modellens.profile.format.Profile;
import org.modellens.profile.format.ProfileBuilder;
import org.modellens.profile.format.ProfileFormat;
import org.modellens.profile.format.ProfileOptions;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * The Spark job in local mode on a generated 2,000,000-row Parquet file with planted problems (a
 * shifted amount, NaN and out-of-range scores, a new city, gaps, double-loaded rows): its profile
 * equals the single-machine profile of the same file (exact parts equal, sketches within their
 * bounds), and the diagnosis from the Spark profiles finds the same findings as the in-memory one; with a
 * model and monthly chunks, prediction drift, importance and the timeline come from every row and equal the
 * in-memory diagnosis within the sketches' bounds.
 */
// A guard, not the target (about a minute on two idle cores): on the shared machine the set-up alone took 220 s.
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class SparkProfilerTest {

    private static final Path DIR = Path.of("target", "spark-test");
    private static final int PROD_ROWS = 2_000_000;
    /** Production rows of the model and timeline comparison: the in-memory diagnosis explains every row of it. */
    private static final int SCORED_ROWS = 200_000;
    private static final ProfileOptions OPTIONS = ProfileOptions.of(20_000, 20261123L, 100_000, 20_000);
    /** Training's sample holds every training row, so both diagnoses measure production against the same training rows. */
    private static final ProfileOptions TRAIN_OPTIONS = ProfileOptions.of(100_000, 20261123L, 100_000, 20_000);
    /** XGBoost on amount and score (made by planted/make_model.py): every row scored and explained in the Spark pass. */
    private static final Path MODEL = Path.of("src/test/resources/planted/planted-model.json");

    private static SparkSession spark;
    private static Path trainFile;
    private static Path prodFile;
    private static Profile sparkProd;
    private static Path scoredFile;
    private static Profile sparkScored;
    private static Profile sparkTrain;
    private static Profile localProd;
    private static int partitions;

    @BeforeAll
    static void profileBothWays() throws Exception {
        spark = SparkSession.builder().master("local[2]").appName("modellens-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                // Several partitions out of one file: small row groups, small splits.
                .config("spark.sql.files.maxPartitionBytes", String.valueOf(4 << 20))
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        long t0 = System.nanoTime();
        trainFile = generate("train", 100_000, false);
        prodFile = generate("prod", PROD_ROWS, true);
        scoredFile = generate("prod-scored", SCORED_ROWS, true);
        long t1 = System.nanoTime();
        ModelSpec model = SparkProfiler.modelSpec(MODEL, List.of());
        sparkTrain = SparkProfiler.profile(spark, job(trainFile, TRAIN_OPTIONS, model, null));
        sparkProd = SparkProfiler.profile(spark, job(prodFile, OPTIONS, null, null));
        // Production scored and cut into monthly chunk profiles of its signup date, in the same pass.
        sparkScored = SparkProfiler.profile(spark, job(scoredFile, OPTIONS, model, "signup"));
        long t2 = System.nanoTime();
        partitions = spark.read().parquet(prodFile.toString()).javaRDD().getNumPartitions();
        localProd = ProfileBuilder.profile(prodFile, OPTIONS, Set.of(), Set.of(), "label", "test", n -> { });
        System.err.printf("generate %.1f s, spark profiles %.1f s, local profile %.1f s; process CPU so far %.1f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9, cpuSeconds());
    }

    /** CPU time of this whole process (all threads), user + system: the machine is shared, wall time is not telling. */
    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    @AfterAll
    static void stop() {
        System.err.printf("SparkProfilerTest: process CPU %.1f s%n", cpuSeconds());
        if (spark != null) {
            spark.stop();
        }
    }

    private static SparkProfiler.Job job(Path file, ProfileOptions options, ModelSpec model, String timeColumn) {
        return new SparkProfiler.Job(file.toString(), null, null, null, List.of(), "label", Set.of(), Set.of(), options,
                model, timeColumn, timeColumn == null ? null : "month");
    }

    private static Path generate(String name, int rows, boolean production) throws IOException {
        return PlantedData.generate(spark, DIR, name, rows, production, 2 << 20);
    }

    @Test
    void theJobRanOnSeveralPartitions() {
        assertThat(partitions).isGreaterThan(1);
        assertThat(sparkProd.rows()).isEqualTo(PROD_ROWS + PROD_ROWS / 500);
        assertThat(sparkProd.producer()).startsWith("ModelLens spark-profiler");
    }

    @Test
    void sparkProfileEqualsTheSingleMachineProfile() {
        // Exact parts, the sample (rows and their file positions) included.
        assertThat(sparkProd.exactDifferences(localProd, true)).isEmpty();
        assertThat(sparkProd.schema()).isEqualTo(localProd.schema());
        assertThat(sparkProd.duplicates().exact()).isTrue();
        assertThat(sparkProd.duplicates().duplicates()).isEqualTo(localProd.duplicates().duplicates()).isEqualTo(PROD_ROWS / 500);
        // Every 40th row; none of the double-loaded rows (id % 500 = 11, odd) is one of them.
        assertThat(sparkProd.column("city").orElseThrow().categoryCounts()).containsEntry("Narvik", (long) PROD_ROWS / 40);
    }

    @Test
    void sketchesAreWithinTheirStatedBounds() {
        Dataset<Row> data = spark.read().parquet(prodFile.toString());
        double[] probabilities = {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99};
        double[] exact = data.where("amount IS NOT NULL AND NOT isnan(amount)").stat()
                .approxQuantile("amount", probabilities, 0.0); // relative error 0: exact quantiles
        ColumnSummary amount = sparkProd.column("amount").orElseThrow();
        double eps = amount.quantiles().getNormalizedRankError(false);
        long n = amount.count();
        for (int i = 0; i < probabilities.length; i++) {
            double below = amount.quantiles().getRank(exact[i], QuantileSearchCriteria.EXCLUSIVE);
            double atOrBelow = amount.quantiles().getRank(exact[i], QuantileSearchCriteria.INCLUSIVE);
            assertThat(probabilities[i]).as("rank of the exact %s quantile", probabilities[i])
                    .isBetween(below - eps - 1.0 / n, atOrBelow + eps + 1.0 / n);
        }
        long cities = data.where("city IS NOT NULL").select("city").distinct().count();
        double[] bounds = sparkProd.column("city").orElseThrow().distinctBounds(3);
        assertThat((double) cities).isBetween(bounds[0], bounds[1]);
        long ids = data.select("customer_id").distinct().count();
        double[] idBounds = sparkProd.column("customer_id").orElseThrow().distinctBounds(3);
        assertThat((double) ids).isBetween(idBounds[0], idBounds[1]);
    }

    @Test
    void diagnosisFromSparkProfilesFindsWhatTheInMemoryDiagnosisFinds() throws Exception {
        Path trainProfile = DIR.resolve("train.mlprofile");
        Path prodProfile = DIR.resolve("prod.mlprofile");
        ProfileFormat.write(sparkTrain, trainProfile);
        ProfileFormat.write(sparkProd, prodProfile);
        long t0 = System.nanoTime();
        DiagnosticReport fromProfiles = Diagnosis.run(request(trainProfile, prodProfile), (s, f) -> { });
        long t1 = System.nanoTime();
        DiagnosticReport inMemory = Diagnosis.run(request(trainFile, prodFile), (s, f) -> { });
        System.err.printf("diagnose profiles %.1f s, in memory %.1f s%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);

        // Alarms (warn, fail) are the same; info findings that need statistical power the sample lacks (a
        // negligible shift significant only on 2M rows, conflicts among rows) may be missing, none may be added.
        assertThat(alarms(fromProfiles)).isEqualTo(alarms(inMemory));
        assertThat(inMemory.findings().stream().filter(f -> !f.check().equals("input-format"))
                .map(f -> f.check() + ":" + f.feature() + ":" + f.severity()).collect(Collectors.toSet()))
                .containsAll(keys(fromProfiles));
        assertThat(keys(inMemory)).contains("feature-drift:amount:WARN", "unseen-category:city:WARN",
                "missing-values:amount:WARN", "duplicate-rows:null:INFO", "out-of-range:score:INFO");
        assertThat(causes(fromProfiles)).isEqualTo(causes(inMemory));
        for (String check : List.of("unseen-category", "duplicate-rows", "missing-values", "non-finite-values")) {
            assertThat(counts(fromProfiles, check)).as(check).isEqualTo(counts(inMemory, check));
        }
        // Beyond the training range: exact while at most 1,000 values lie beyond (amount), else the KLL
        // estimate within its stated rank error times the count (score: 8,000 planted values beyond).
        Map<String, Long> exactOut = counts(inMemory, "out-of-range");
        Map<String, Long> estimatedOut = counts(fromProfiles, "out-of-range");
        assertThat(estimatedOut.keySet()).isEqualTo(exactOut.keySet());
        assertThat(estimatedOut.get("amount")).isEqualTo(exactOut.get("amount"));
        ColumnSummary score = sparkProd.column("score").orElseThrow();
        double bound = 2 * score.quantiles().getNormalizedRankError(false) * score.count();
        assertThat((double) Math.abs(estimatedOut.get("score") - exactOut.get("score"))).isLessThanOrEqualTo(bound);
    }

    /**
     * On a 200,000-row production file with the planted problems, scored and chunked by month in the Spark pass:
     * with the model and the time column, the diagnosis from the Spark profiles takes the prediction drift, the global
     * importance and the timeline from every row, and so equals the in-memory diagnosis of the files: the prediction
     * drift's KS distance within the two KLL sketches' rank errors, its mean score and the mean |SHAP| of every
     * feature to 1e-9 relative (sums in another order), and every chunk's rows, missing rates, unseen and
     * out-of-range shares and category drift exactly, its KS distance within the chunk sketch's rank error, its
     * severities and the change points equal. (The in-memory side explains every row: explain.global.sampleRows
     * raised past the file's rows.)
     */
    @Test
    void modelAndTimelineFromEveryRowEqualTheInMemoryDiagnosis() throws Exception {
        Path trainProfile = DIR.resolve("train-model.mlprofile");
        Path prodProfile = DIR.resolve("prod-model.mlprofile");
        ProfileFormat.write(sparkTrain, trainProfile);
        ProfileFormat.write(sparkScored, prodProfile);
        Path settingsFile = Files.writeString(DIR.resolve("every-row.properties"), "explain.global.sampleRows=3000000\n");
        Settings settings = Settings.withOverrides(settingsFile);
        long t0 = System.nanoTime();
        DiagnosticReport fromProfiles = Diagnosis.run(modelRequest(trainProfile, prodProfile, settings), (s, f) -> { });
        long t1 = System.nanoTime();
        DiagnosticReport inMemory = Diagnosis.run(modelRequest(trainFile, scoredFile, settings), (s, f) -> { });
        System.err.printf("with model and timeline: diagnose profiles %.1f s, in memory %.1f s%n", (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9);

        // Prediction drift over every row.
        org.modellens.checks.Finding everyRow = finding(fromProfiles, "prediction-drift");
        org.modellens.checks.Finding exact = finding(inMemory, "prediction-drift");
        assertThat(everyRow.evidence()).containsEntry("rows", "every row");
        assertThat(everyRow.evidence().get("trainScoredRows")).isEqualTo(exact.evidence().get("trainScoredRows"));
        assertThat(everyRow.evidence().get("prodScoredRows")).isEqualTo(exact.evidence().get("prodScoredRows"));
        double ksBound = (Double) everyRow.evidence().get("ksBound");
        assertThat(ksBound).isEqualTo(sparkTrain.model().orElseThrow().scores().getNormalizedRankError(false)
                + sparkScored.model().orElseThrow().scores().getNormalizedRankError(false));
        assertThat((Double) everyRow.evidence().get("ksStatistic")).isCloseTo((Double) exact.evidence().get("ksStatistic"),
                org.assertj.core.api.Assertions.within(ksBound));
        for (String mean : List.of("trainMeanScore", "prodMeanScore")) {
            assertThat((Double) everyRow.evidence().get(mean)).as(mean).isCloseTo((Double) exact.evidence().get(mean),
                    org.assertj.core.api.Assertions.withinPercentage(1e-7));
        }
        assertThat(everyRow.severity()).isEqualTo(exact.severity());

        // Global importance and mean contributions over every row.
        org.modellens.report.Explanations e = fromProfiles.explanations();
        org.modellens.report.Explanations m = inMemory.explanations();
        assertThat(e.meansProd().rows()).isEqualTo(m.meansProd().rows()).isEqualTo((Long) exact.evidence().get("prodScoredRows"));
        for (String feature : List.of("amount", "score")) {
            assertThat(e.globalTrain().get(feature)).as(feature).isCloseTo(m.globalTrain().get(feature),
                    org.assertj.core.api.Assertions.withinPercentage(1e-7));
            assertThat(e.globalProd().get(feature)).as(feature).isCloseTo(m.globalProd().get(feature),
                    org.assertj.core.api.Assertions.withinPercentage(1e-7));
        }
        assertThat(List.copyOf(e.globalProd().keySet())).isEqualTo(List.copyOf(m.globalProd().keySet()));

        // The timeline from the monthly chunk profiles.
        org.modellens.timeline.Timeline a = fromProfiles.timeline();
        org.modellens.timeline.Timeline b = inMemory.timeline();
        assertThat(a.chunk()).isEqualTo(b.chunk()).isEqualTo("month");
        assertThat(a.chunks()).hasSize(12).hasSameSizeAs(b.chunks());
        for (int i = 0; i < a.chunks().size(); i++) {
            org.modellens.timeline.TimelineChunk x = a.chunks().get(i);
            org.modellens.timeline.TimelineChunk y = b.chunks().get(i);
            String month = y.start();
            assertThat(List.of(x.start(), x.end(), x.rows())).as(month).isEqualTo(List.of(y.start(), y.end(), y.rows()));
            assertThat(x.missingRates()).as(month).isEqualTo(y.missingRates());
            assertThat(x.unseenShares()).as(month).isEqualTo(y.unseenShares());
            assertThat(x.outOfRangeShares()).as(month).isEqualTo(y.outOfRangeShares());
            Profile chunk = sparkScored.chunks().get(month);
            for (var cell : y.features().entrySet()) {
                org.modellens.timeline.TimelineChunk.FeatureDrift mine = x.features().get(cell.getKey());
                String what = month + " " + cell.getKey();
                assertThat(mine.statistic()).as(what).isEqualTo(cell.getValue().statistic());
                double bound = "ks".equals(mine.statistic())
                        ? chunk.column(cell.getKey()).orElseThrow().quantiles().getNormalizedRankError(false) : 1e-12;
                assertThat(mine.value()).as(what).isCloseTo(cell.getValue().value(), org.assertj.core.api.Assertions.within(bound));
                assertThat(mine.severity()).as(what).isEqualTo(cell.getValue().severity());
            }
            assertThat(x.prediction().get("mean")).as(month).isCloseTo(y.prediction().get("mean"),
                    org.assertj.core.api.Assertions.withinPercentage(1e-7));
            assertThat(x.prediction().get("scored")).as(month).isEqualTo(y.prediction().get("scored"));
        }
        assertThat(a.changePoints().stream().map(c -> c.feature() + "@" + c.chunkIndex()).toList())
                .isEqualTo(b.changePoints().stream().map(c -> c.feature() + "@" + c.chunkIndex()).toList())
                .contains("amount@0");
        assertThat(fromProfiles.findings()).extracting(org.modellens.checks.Finding::title)
                .contains("The timeline is over every production row, from the chunk profiles in prod-model.mlprofile");
    }

    private static DiagnosisRequest modelRequest(Path train, Path prod, Settings settings) {
        return new DiagnosisRequest(train, prod, "label", "auto", Set.of(), Set.of(), settings, MODEL, List.of(), null)
                .withTime("signup", "month");
    }

    private static org.modellens.checks.Finding finding(DiagnosticReport report, String check) {
        return report.findings().stream().filter(f -> f.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " finding"));
    }

    private static DiagnosisRequest request(Path train, Path prod) {
        return new DiagnosisRequest(train, prod, "label", "auto", Set.of(), Set.of(), Settings.defaults());
    }

    private static Set<String> alarms(DiagnosticReport report) {
        return report.findings().stream().filter(f -> f.severity() != org.modellens.checks.Severity.INFO)
                .map(f -> f.check() + ":" + f.feature() + ":" + f.severity()).collect(Collectors.toSet());
    }

    private static Set<String> keys(DiagnosticReport report) {
        return report.findings().stream().filter(f -> !f.check().equals("input-format"))
                .map(f -> f.check() + ":" + f.feature() + ":" + f.severity()).collect(Collectors.toSet());
    }

    private static List<String> causes(DiagnosticReport report) {
        return report.causes().stream().map(c -> c.kind() + ":" + c.features()).toList();
    }

    private static Map<String, Long> counts(DiagnosticReport report, String check) {
        Map<String, Long> counts = new TreeMap<>();
        report.findings().stream().filter(f -> f.check().equals(check) && f.rows() != null)
                .forEach(f -> counts.put(String.valueOf(f.feature()), f.rows().count()));
        return counts;
    }

    /**
     * The sample case's production CSV with its XGBoost model and weekly chunks, on several partitions:
     * the model summary equals TreeSHAP over every row computed in one piece, and the chunks hold every row.
     */
    @Test
    void scoresEveryRowAndCutsChunksInTheSamePass() throws Exception {
        Path csv = Path.of("../sample-data/case/prod.csv");
        Path modelFile = Path.of("../sample-data/case/model.json");
        // The rows as the core reads them, handed to Spark as a table of text columns on 3 partitions (Spark's
        // own CSV reader cannot run beside the test-only Parquet reader's stand-in Hadoop classes).
        org.modellens.data.RawTable raw = org.modellens.data.SnapshotReaders.read(csv);
        List<Row> rowList = new java.util.ArrayList<>();
        for (int r = 0; r < raw.rows(); r++) {
            Object[] cells = new Object[raw.names().size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = raw.columns().get(c)[r];
            }
            rowList.add(org.apache.spark.sql.RowFactory.create(cells));
        }
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType(raw.names().stream()
                .map(n -> org.apache.spark.sql.types.DataTypes.createStructField(n, org.apache.spark.sql.types.DataTypes.StringType, true))
                .toArray(org.apache.spark.sql.types.StructField[]::new));
        Dataset<Row> table = spark.createDataFrame(rowList, schema).repartition(3);
        table.createOrReplaceTempView("sample_prod");
        assertThat(table.javaRDD().getNumPartitions()).isEqualTo(3);
        Profile profile = SparkProfiler.profile(spark, new SparkProfiler.Job(null, "sample_prod", null, null, List.of(), "defaulted",
                Set.of(), Set.of(), ProfileOptions.of(500, 1L, 1000, 3000), SparkProfiler.modelSpec(modelFile, List.of()),
                "application_date", "week"));

        // The oracle: the core's own reading, matrix and TreeSHAP over all rows in one piece.
        org.modellens.data.Snapshot whole = org.modellens.data.SnapshotBuilder.buildTraining(raw, Set.of(), Set.of(), "defaulted");
        org.modellens.model.Model model = org.modellens.model.ModelLoader.load(modelFile, List.of());
        org.modellens.model.FeatureMatrix matrix = org.modellens.model.FeatureMatrix.of(whole, model);
        org.modellens.explain.TreeShap shap = new org.modellens.explain.TreeShap((org.modellens.model.TreeEnsemble) model);
        int features = model.features().size();
        double[] phi = new double[features];
        double[] meanAbs = new double[features];
        double[] mean = new double[features];
        double marginSum = 0;
        long scored = 0;
        double[] raw1 = model.rawOutputs(matrix, 0, matrix.rows());
        double rawSum = 0;
        for (int r = 0; r < matrix.rows(); r++) {
            if (!matrix.scorable(r)) {
                continue;
            }
            marginSum += shap.contributions(matrix.values(), r * matrix.columns(), 0, phi);
            rawSum += raw1[r];
            scored++;
            for (int f = 0; f < features; f++) {
                meanAbs[f] += Math.abs(phi[f]);
                mean[f] += phi[f];
            }
        }
        org.modellens.profile.format.ModelSummary summary = profile.model().orElseThrow();
        assertThat(summary.rows()).isEqualTo(scored).isEqualTo(3000);
        assertThat(summary.predictionMean()).isCloseTo(marginSum / scored, org.assertj.core.api.Assertions.within(1e-9));
        // TreeSHAP is additive: the mean margin is the base value plus the mean contributions, and equals the
        // mean of the model's own predictions (a different walk of the trees).
        assertThat(summary.baseValue() + java.util.Arrays.stream(summary.meanContributions()).sum())
                .isCloseTo(rawSum / scored, org.assertj.core.api.Assertions.within(1e-9));
        for (int f = 0; f < features; f++) {
            assertThat(summary.meanAbsContributions()[f]).as(model.features().get(f))
                    .isCloseTo(meanAbs[f] / scored, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(summary.meanContributions()[f]).isCloseTo(mean[f] / scored, org.assertj.core.api.Assertions.within(1e-9));
        }

        // Weekly chunks: keyed by their Monday, every row in one, each chunk's rows counted exactly.
        Map<String, Long> weeks = new TreeMap<>();
        org.modellens.data.Column dates = whole.column("application_date").orElseThrow();
        for (int r = 0; r < whole.rows(); r++) {
            java.time.LocalDate day = java.time.LocalDate.parse(dates.text(r).substring(0, 10));
            weeks.merge(day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).toString(), 1L, Long::sum);
        }
        Map<String, Long> chunkRows = new TreeMap<>();
        profile.chunks().forEach((key, chunk) -> chunkRows.put(key, chunk.rows()));
        assertThat(chunkRows).isEqualTo(weeks);
        assertThat(profile.chunks().values()).allSatisfy(c -> assertThat(c.model()).isPresent());
        assertThat(profile.chunks().values().stream().mapToLong(c -> c.model().get().rows()).sum()).isEqualTo(3000);
    }

    @Test
    void badArgumentsEndInOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkProfiler.run(new String[] {"--input", "x.parquet"}, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("modellens-spark: --out is required");
    }
}
