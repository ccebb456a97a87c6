package org.modellens.large;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.checks.Finding;
import org.modellens.data.UnreadableInputException;
import org.modellens.profile.ColumnProfile;
import org.modellens.profile.FeatureComparison;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.JsonReportWriter;
import org.modellens.settings.Settings;
import org.modellens.stats.KolmogorovSmirnov;

/**
 * The streamed path against the in-memory path on the same files, with the streaming threshold set
 * to zero and a 5,000-row sample: every figure the report calls exact equals the in-memory figure,
 * and every approximate one lies within the error bound the report states.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StreamedDiagnosisTest {

    private static final int SAMPLE = 5_000;

    @TempDir
    static Path dir;

    private static Path train;
    private static Path prod;
    private static DiagnosticReport inMemory;
    private static DiagnosticReport streamed;

    @BeforeAll
    static void diagnoseBothWays() throws Exception {
        train = dir.resolve("train.csv");
        prod = dir.resolve("prod.csv");
        write(train, 60_000, new Random(1), false);
        write(prod, 40_000, new Random(2), true);
        Path streaming = dir.resolve("stream.properties");
        Files.writeString(streaming, "largeInput.streamAboveMegabytes=0\nlargeInput.sampleRows=" + SAMPLE
                + "\nlargeInput.typeRows=" + SAMPLE + "\n");
        inMemory = Diagnosis.run(request(Settings.defaults()), (s, f) -> { });
        streamed = Diagnosis.run(request(Settings.withOverrides(streaming)), (s, f) -> { });
    }

    private static DiagnosisRequest request(Settings settings) {
        return new DiagnosisRequest(train, prod, "label", "auto", Set.of(), Set.of(), settings);
    }

    /**
     * Planted in production: amount shifted, score with NaN text and values beyond range, new cities, gaps, duplicates,
     * weight with unit text in 5% of its cells.
     */
    private static void write(Path file, int rows, Random random, boolean production) throws IOException {
        String[] cities = {"Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø"};
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_id,amount,score,city,active,signup,weight,label\n");
            for (int r = 0; r < rows; r++) {
                StringBuilder row = new StringBuilder();
                row.append(production ? 1_000_000 + r : r).append(',');
                double amount = 100 + 15 * random.nextGaussian() + (production ? 6 : 0);
                row.append(random.nextInt(production ? 5 : 20) == 0 ? "" : String.format(java.util.Locale.ROOT, "%.2f", amount)).append(',');
                double score = random.nextDouble();
                if (production && r % 100 == 7) {
                    row.append("NaN");
                } else if (production && r % 250 == 3) {
                    row.append(5 + score);
                } else {
                    row.append(String.format(java.util.Locale.ROOT, "%.5f", score));
                }
                row.append(',');
                row.append(production && r % 40 == 0 ? "Narvik" : cities[random.nextInt(cities.length)]).append(',');
                row.append(random.nextBoolean() ? "yes" : "no").append(',');
                row.append(String.format("2024-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))).append(',');
                // Text in a numeric column: counted on the sample when streamed, its examples still file rows.
                row.append(production && r % 20 == 9 ? "12 kg" : String.format(java.util.Locale.ROOT, "%.1f", 60 + 10 * random.nextDouble()))
                        .append(',');
                row.append(random.nextInt(4) == 0 ? 1 : 0).append('\n');
                out.write(row.toString());
                if (production && r % 500 == 11) {
                    out.write(row.toString()); // a double-loaded row
                }
            }
        }
    }

    private static FeatureComparison feature(DiagnosticReport report, String name) {
        return report.features().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void snapshotsAreStreamedAndSampled() {
        assertThat(inMemory.inputs().prod().sampling()).isEmpty();
        assertThat(streamed.inputs().train().sampling()).hasValueSatisfying(s -> {
            assertThat(s.fileRows()).isEqualTo(60_000);
            assertThat(s.sampleRows()).isEqualTo(SAMPLE);
            assertThat(s.sampleIndices()).isSorted().doesNotHaveDuplicates();
        });
        assertThat(streamed.inputs().prod().fileRows()).isEqualTo(inMemory.inputs().prod().rows());
        assertThat(streamed.inputs().prod().source().sha256()).isEqualTo(inMemory.inputs().prod().source().sha256());
    }

    @Test
    void profileCountsAndMomentsAreExact() {
        for (String name : List.of("amount", "score", "city", "active", "signup", "weight", "label")) {
            for (boolean trainSide : new boolean[] {true, false}) {
                ColumnProfile exact = trainSide ? feature(inMemory, name).trainProfile() : feature(inMemory, name).prodProfile();
                ColumnProfile got = trainSide ? feature(streamed, name).trainProfile() : feature(streamed, name).prodProfile();
                String what = name + (trainSide ? " train" : " prod");
                assertThat(got.rows()).as(what).isEqualTo(exact.rows());
                assertThat(got.count()).as(what).isEqualTo(exact.count());
                assertThat(got.missing()).as(what).isEqualTo(exact.missing());
                assertThat(got.unparsable()).as(what).isEqualTo(exact.unparsable());
                if (feature(inMemory, name).train().isNumeric()) {
                    assertThat(got.min()).as(what).isEqualTo(exact.min());
                    assertThat(got.max()).as(what).isEqualTo(exact.max());
                    assertThat(got.mean()).as(what).isCloseTo(exact.mean(), within(1e-9 * Math.abs(exact.mean())));
                    assertThat(got.std()).as(what).isCloseTo(exact.std(), within(1e-9 * exact.std()));
                } else if (feature(inMemory, name).train().isCategorical()) {
                    assertThat(got.distinct()).as(what).isEqualTo(exact.distinct());
                    assertThat(got.topCategories()).as(what).isEqualTo(exact.topCategories());
                }
            }
        }
        // Categorical drift is computed from the exact counts.
        assertThat(feature(streamed, "city").drift()).isEqualTo(feature(inMemory, "city").drift());
        assertThat(feature(streamed, "amount").drift().standardizedMeanDifference())
                .isCloseTo(feature(inMemory, "amount").drift().standardizedMeanDifference(), within(1e-9));
    }

    @Test
    void rowCountingFindingsAreExactWithFileRowIndices() {
        for (String key : List.of("out-of-range:score", "unseen-category:city", "non-finite-values:score",
                "missing-values:amount", "duplicate-rows:null", "outliers:score")) {
            Finding exact = finding(inMemory, key);
            Finding got = finding(streamed, key);
            assertThat(exact).as(key + " in memory").isNotNull();
            assertThat(got).as(key + " streamed").isNotNull();
            assertThat(got.severity()).as(key).isEqualTo(exact.severity());
            assertThat(got.title()).as(key).isEqualTo(exact.title());
            // Counted over the whole file both ways (only a file held whole keeps every row for export).
            assertThat(got.rows().count()).as(key).isEqualTo(exact.rows().count());
            assertThat(got.rows().examples()).as(key).isEqualTo(exact.rows().examples());
            assertThat(got.rows().sample()).as(key).isNull();
            assertThat(exact.rows().sample()).as(key).isNull();
        }
    }

    @Test
    void rowsCountedOnTheSampleAreFileRowsAndSaySo() throws IOException {
        Finding exact = finding(inMemory, "type-mismatch:weight");
        Finding got = finding(streamed, "type-mismatch:weight");
        assertThat(exact.rows().sample()).isNull();
        assertThat(exact.evidence()).doesNotContainKey("rowsCountedOn");
        assertThat(got.rows().sample()).isEqualTo(new org.modellens.checks.AffectedRows.Sample(SAMPLE, 40_080));
        assertThat(got.evidence()).containsEntry("rowsCountedOn", "the sample of 5,000 of 40,080 production rows");
        // Every example names a data row of the file (0-based, header not counted) whose weight is the planted text.
        List<String> lines = Files.readAllLines(prod);
        assertThat(got.rows().examples()).hasSize(10).isSorted().allSatisfy(row ->
                assertThat(lines.get(row + 1).split(",")[6]).as("file row " + row).isEqualTo("12 kg"));
    }

    @Test
    void sameFindingsBothWays() {
        assertThat(keys(streamed)).isEqualTo(keys(inMemory));
    }

    @Test
    void approximateStatisticsLieWithinTheirStatedBounds() throws Exception {
        for (String name : List.of("amount", "score", "label")) {
            FeatureComparison full = feature(inMemory, name);
            FeatureComparison sampled = feature(streamed, name);
            if (full.drift() == null || !full.drift().isNumeric()) {
                continue;
            }
            double bound = (double) accuracy(name).at("/approximate/ks.statistic/errorBound").asDouble();
            assertThat(bound).isCloseTo(2 * Math.sqrt(Math.log(2 / 0.025) / (2.0 * SAMPLE)), within(1e-12));
            assertThat(Math.abs(sampled.drift().ks().statistic() - full.drift().ks().statistic())).as(name).isLessThanOrEqualTo(bound);
            double rankBound = accuracy(name).at("/approximate/quantiles.prod/errorBound").asDouble();
            double[] all = full.prodSorted();
            sampled.prodProfile().quantiles().forEach((key, value) -> {
                double level = Integer.parseInt(key.substring(1)) / 100.0;
                double below = lowerBound(all, value) / (double) all.length;
                double atOrBelow = upperBound(all, value) / (double) all.length;
                assertThat(level).as(name + " " + key).isBetween(below - rankBound, atOrBelow + rankBound);
            });
        }
        // KS computed on the samples equals ks_2samp on those samples (the statistic is recomputable).
        FeatureComparison amount = feature(streamed, "amount");
        assertThat(amount.drift().ks()).isEqualTo(KolmogorovSmirnov.twoSample(amount.trainSorted(), amount.prodSorted()));
    }

    @Test
    void jsonSaysWhatIsExactAndWhatIsApproximate() throws Exception {
        JsonNode json = json(streamed);
        assertThat(json.at("/inputs/prod/rows").asLong()).isEqualTo(40_080);
        assertThat(json.at("/inputs/prod/streamed").asBoolean()).isTrue();
        assertThat(json.at("/inputs/prod/sampledRows").asInt()).isEqualTo(SAMPLE);
        JsonNode amount = accuracy("amount");
        assertThat(amount.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(amount.get("exact").toString()).contains("\"min\"", "\"mean\"", "\"outOfRange\"");
        assertThat(amount.at("/approximate/ks.statistic/meaning").asText()).contains("KS");
        assertThat(accuracy("city").get("exact").toString()).contains("chiSquare", "totalVariation");
        JsonNode drift = findingJson(json, "feature-drift", "amount");
        assertThat(drift.at("/evidence/ksErrorBound").isNumber()).isTrue();
        assertThat(drift.at("/evidence/computedOn").asText()).contains("5,000 of 60,000 training");
        assertThat(json(inMemory).at("/features/1/accuracy").isMissingNode()).isTrue();
    }

    @Test
    void raggedRowInAStreamedFileNamesTheLine() throws Exception {
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "a,b\n1,2\n3\n");
        Path settings = dir.resolve("s.properties");
        Files.writeString(settings, "largeInput.streamAboveMegabytes=0\n");
        assertThatThrownBy(() -> Diagnosis.run(new DiagnosisRequest(ragged, prod, null, "auto", Set.of(), Set.of(),
                Settings.withOverrides(settings)), (s, f) -> { }))
                .isInstanceOf(UnreadableInputException.class).hasMessage("ragged.csv: line 3 has 1 field, the header has 2");
    }

    private static JsonNode accuracy(String name) throws IOException {
        for (JsonNode feature : json(streamed).get("features")) {
            if (feature.get("name").asText().equals(name)) {
                return feature.get("accuracy");
            }
        }
        throw new AssertionError(name);
    }

    private static JsonNode findingJson(JsonNode json, String check, String feature) {
        for (JsonNode finding : json.get("findings")) {
            if (finding.get("check").asText().equals(check) && finding.get("feature").asText().equals(feature)) {
                return finding;
            }
        }
        throw new AssertionError(check + ":" + feature);
    }

    private static JsonNode json(DiagnosticReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    private static Finding finding(DiagnosticReport report, String key) {
        return report.findings().stream().filter(f -> (f.check() + ":" + f.feature()).equals(key)).findFirst().orElse(null);
    }

    private static Set<String> keys(DiagnosticReport report) {
        return report.findings().stream().map(f -> f.check() + ":" + f.feature() + ":" + f.severity())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static int lowerBound(double[] sorted, double value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == value) {
            i--;
        }
        return i;
    }

    private static int upperBound(double[] sorted, double value) {
        int i = lowerBound(sorted, value);
        while (i < sorted.length && sorted[i] == value) {
            i++;
        }
        return i;
    }
}
