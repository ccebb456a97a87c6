package org.modellens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --compare-to}: what changed since the last report, on real files end to end. */
class CompareToCommandTest {

    @TempDir
    Path dir;

    @Test
    void aRunComparedWithItsEarlierReportNamesWhatAppeared() throws IOException {
        Path train = csv("train.csv", "a,b\n" + "1,x\n".repeat(500) + "2,y\n".repeat(500));
        Path calm = csv("calm.csv", "a,b\n" + "1,x\n".repeat(500) + "2,y\n".repeat(500));
        // Half of column b arrives empty: a missing-values finding the earlier report did not have.
        Path broken = csv("broken.csv", "a,b\n" + "1,\n".repeat(500) + "2,y\n".repeat(500));
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        assertThat(run("--train", train.toString(), "--prod", calm.toString(), "--json", first.toString()).exitCode()).isZero();

        CliRun run = run("--train", train.toString(), "--prod", broken.toString(), "--json", second.toString(),
                "--compare-to", first.toString(), "--fail-on", "never");

        assertThat(run.exitCode()).isZero();
        JsonNode report = new ObjectMapper().readTree(second.toFile());
        int alarms = 0;
        for (JsonNode finding : report.path("findings")) {
            alarms += finding.path("severity").asText().equals("info") ? 0 : 1;
        }
        // The calm run had no alarm, so every alarm now is new.
        assertThat(alarms).isPositive();
        assertThat(run.err()).contains("Since " + first + ": " + alarms + " new, 0 worse, 0 better, 0 gone");
        JsonNode comparison = report.path("comparison");
        assertThat(comparison.path("counts").path("new").asInt()).isEqualTo(alarms);
        List<String> changed = new ArrayList<>();
        comparison.path("changes").forEach(c -> changed.add(c.path("check").asText() + " " + c.path("feature").asText()));
        assertThat(changed).contains("missing-values b");
    }

    @Test
    void aPreviousFileThatIsNoReportStopsBeforeTheDiagnosis() throws IOException {
        Path train = csv("train.csv", "a\n1\n2\n");
        Path notReport = csv("notes.json", "[1, 2]");
        CliRun run = run("--train", train.toString(), "--prod", train.toString(), "--compare-to", notReport.toString());
        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("notes.json: not a ModelLens JSON report").doesNotContain("Exception");
    }

    @Test
    void theReportCannotOverwriteThePreviousOne() throws IOException {
        Path train = csv("train.csv", "a\n1\n2\n");
        Path previous = csv("previous.json", "{}");
        CliRun run = run("--train", train.toString(), "--prod", train.toString(), "--compare-to", previous.toString(),
                "--json", previous.toString());
        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(Files.readString(previous)).isEqualTo("{}");
    }

    private static CliRun run(String... args) {
        return CliRun.diagnose(args);
    }

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
