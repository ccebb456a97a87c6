package org.modellens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.profile.format.Profile;
import org.modellens.profile.format.ProfileFormat;

/** {@code profile} writes a profile; {@code diagnose} reads profiles where it reads snapshots and alarms as on the files. */
class ProfileCommandTest {

    private static final Path TRAIN = Path.of("../sample-data/case/train.csv");
    private static final Path PROD = Path.of("../sample-data/case/prod.csv");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.command(args);
    }

    private static Set<String> alarms(Path json) throws Exception {
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        Set<String> keys = new TreeSet<>();
        report.get("findings").forEach(f -> {
            if (!f.get("severity").asText().equals("info")) {
                keys.add(f.get("check").asText() + ":" + f.get("feature").asText() + ":" + f.get("severity").asText());
            }
        });
        return keys;
    }

    @Test
    void profilesDiagnoseLikeTheFiles() throws Exception {
        Path trainProfile = dir.resolve("train.mlprofile");
        Path prodProfile = dir.resolve("prod.mlprofile");
        CliRun profiled = run("profile", "--input", TRAIN.toString(), "--out", trainProfile.toString(), "--target", "defaulted");
        assertThat(profiled.exitCode()).as(profiled.err()).isZero();
        assertThat(profiled.err()).contains("Wrote", "8,000 rows");
        assertThat(run("profile", "--input", PROD.toString(), "--out", prodProfile.toString()).exitCode()).isZero();
        Profile read = ProfileFormat.read(trainProfile);
        assertThat(read.rows()).isEqualTo(8_000);
        assertThat(read.source()).isEqualTo("train.csv");

        Path fromFiles = dir.resolve("files.json");
        Path fromProfiles = dir.resolve("profiles.json");
        CliRun files = run("diagnose", "--train", TRAIN.toString(), "--prod", PROD.toString(), "--target", "defaulted",
                "--json", fromFiles.toString());
        CliRun profiles = run("diagnose", "--train", trainProfile.toString(), "--prod", prodProfile.toString(),
                "--target", "defaulted", "--json", fromProfiles.toString());

        assertThat(profiles.exitCode()).as(profiles.err()).isEqualTo(files.exitCode());
        assertThat(alarms(fromProfiles)).isEqualTo(alarms(fromFiles));
        JsonNode report = new ObjectMapper().readTree(fromProfiles.toFile());
        assertThat(report.at("/inputs/prod/rows").asLong()).isEqualTo(3_000);
        List<String> titles = report.get("findings").findValuesAsText("title");
        assertThat(titles).anySatisfy(t -> assertThat(t).startsWith("The production data was read from the profile prod.mlprofile"));
    }

    @Test
    void badInputIsOneLineNamingTheFile() throws Exception {
        CliRun missing = run("profile", "--input", dir.resolve("none.csv").toString(), "--out", dir.resolve("x.mlprofile").toString());
        assertThat(missing.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(missing.err().strip()).startsWith("modellens: none.csv: file not found").doesNotContain("\n", "Exception");

        Path fake = Files.write(dir.resolve("fake.mlprofile"), new byte[] {(byte) 0x89, 'M', 'L', 'P', 'R', 'O', 'F', 0x0A, 0, 1, 9, 9});
        CliRun damaged = run("diagnose", "--train", fake.toString(), "--prod", PROD.toString());
        assertThat(damaged.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        List<String> lines = damaged.err().strip().lines().filter(l -> l.startsWith("modellens:")).toList();
        assertThat(lines).singleElement().satisfies(l -> assertThat(l).startsWith("modellens: fake.mlprofile is a damaged"));
        assertThat(damaged.err()).doesNotContain("Exception");

        CliRun noOut = run("profile", "--input", TRAIN.toString());
        assertThat(noOut.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(noOut.err()).contains("--out");
    }
}
