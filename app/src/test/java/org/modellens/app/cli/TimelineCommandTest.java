package org.modellens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --time-column and --chunk end to end: the sample case over time, and each way the options go wrong. */
class TimelineCommandTest {

    private static final Path TRAIN = Path.of("../sample-data/case/train.csv");
    private static final Path PROD = Path.of("../sample-data/case/prod.csv");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.diagnose(args);
    }

    @Test
    void sampleCaseOverTimeIsCutIntoWeeksWithChangePointsNamingCauses() throws IOException {
        Path json = dir.resolve("report.json");

        CliRun run = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--target", "defaulted",
                "--time-column", "application_date", "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(DiagnoseCommand.EXIT_FINDINGS);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        JsonNode timeline = report.get("timeline");
        assertThat(timeline.get("column").asText()).isEqualTo("application_date");
        // 3,000 rows over October and November: days are too thin (~49 rows), weeks hold ~330.
        assertThat(timeline.get("chunk").asText()).isEqualTo("week");
        assertThat(timeline.get("unparsableDates").asLong()).isZero();
        long rows = 0;
        for (JsonNode chunk : timeline.get("chunks")) {
            rows += chunk.get("rows").asLong();
            assertThat(chunk.get("features").has("income")).isTrue();
            assertThat(chunk.get("features").has("application_date")).isFalse();
        }
        assertThat(rows).isEqualTo(3000);
        // The sample case's dated break (sample-data/README.md, problem c), named after its cause.
        int missingCause = -1;
        for (JsonNode cause : report.get("causes")) {
            if (cause.get("kind").asText().equals("missing-values") && cause.get("features").toString().contains("months_employed")) {
                missingCause = cause.get("rank").asInt();
            }
        }
        JsonNode months = null;
        for (JsonNode point : timeline.get("changePoints")) {
            if ("months_employed".equals(point.get("feature").asText())) {
                months = point;
            }
        }
        assertThat(months).isNotNull();
        assertThat(months.get("chunkIndex").asInt()).isEqualTo(4);
        assertThat(months.get("start").asText()).isEqualTo("2025-10-27");
        assertThat(months.get("cause").asInt()).isEqualTo(missingCause).isPositive();
        assertThat(months.get("sentence").asText()).startsWith("months_employed started arriving empty in the week of 27 October 2025");
        assertThat(run.err()).contains("months_employed started arriving empty in the week of 27 October 2025");
        Set<Integer> ranks = new HashSet<>(List.of(0));
        report.get("causes").forEach(cause -> ranks.add(cause.get("rank").asInt()));
        assertThat(timeline.get("changePoints")).isNotEmpty().allSatisfy(point -> {
            assertThat(ranks).contains(point.get("cause").asInt());
            assertThat(point.get("sentence").asText()).contains(point.get("feature").isNull() ? "model" : point.get("feature").asText());
        });
    }

    @Test
    void unreadableTimesAreCountedAndReportedNeverFatal() throws IOException {
        StringBuilder train = new StringBuilder("x,when\n");
        StringBuilder prod = new StringBuilder("x,when\n");
        for (int i = 0; i < 400; i++) {
            train.append(i % 17).append(",2025-01-0").append(1 + i % 9).append('\n');
            String when = i == 7 ? "yesterday" : i == 8 ? "" : i % 2 == 0 ? "2025-03-0" + (1 + i % 9) + "T10:00:00+01:00"
                    : Long.toString(1740830400L + i * 3600L);   // epoch seconds from 2025-03-01
            prod.append(i % 17).append(',').append(when).append('\n');
        }
        Path t = Files.writeString(dir.resolve("t.csv"), train);
        Path p = Files.writeString(dir.resolve("p.csv"), prod);
        Path json = dir.resolve("r.json");

        CliRun run = run("--train", t.toString(), "--prod", p.toString(), "--time-column", "when", "--chunk", "100",
                "--json", json.toString(), "--fail-on", "never");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/timeline/unparsableDates").asLong()).isEqualTo(2);
        assertThat(report.at("/timeline/chunk").asText()).isEqualTo("100");
        assertThat(report.at("/timeline/chunks")).hasSize(4);
        List<JsonNode> notices = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("check").asText().equals("input-format") && "when".equals(f.get("feature").asText())) {
                notices.add(f);
            }
        });
        assertThat(notices).singleElement().satisfies(f -> {
            assertThat(f.at("/evidence/unparsableTimes").asLong()).isEqualTo(1);
            assertThat(f.at("/evidence/emptyTimes").asLong()).isEqualTo(1);
            assertThat(f.at("/evidence/example").asText()).isEqualTo("yesterday");
        });
    }

    @Test
    void unknownTimeColumnOrChunkIsBadUsageInOneLine() {
        CliRun column = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--time-column", "applied_on");
        assertThat(column.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(column.err()).contains("prod.csv", "'applied_on' does not exist").doesNotContain("Exception");

        CliRun chunk = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--time-column", "application_date",
                "--chunk", "fortnight");
        assertThat(chunk.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(chunk.err()).contains("--chunk must be day, week, month or a number of rows");

        CliRun calendar = run("--train", TRAIN.toString(), "--prod", PROD.toString(), "--chunk", "week");
        assertThat(calendar.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(calendar.err()).contains("--chunk week needs --time-column");
    }
}
