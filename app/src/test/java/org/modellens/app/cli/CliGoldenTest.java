package org.modellens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The command line's help, version, usage errors and exit codes, word for word as recorded in
 * {@code cli-golden.txt}: a faster way to read the arguments must not change what a user sees.
 * The file was written by {@link #main} from the command line as it was before the fast path; run
 * {@code main} again only for a deliberate change of the text, and read the diff.
 */
class CliGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/org/modellens/app/cli/cli-golden.txt");

    /** Each case: the arguments as the shell passes them. None reads a file that exists. */
    static final List<List<String>> CASES = List.of(
            List.of(),
            List.of("bogus"),
            List.of("diagnose", "--help"),
            List.of("diagnose", "-h"),
            List.of("diagnose", "--version"),
            List.of("diagnose", "-V"),
            List.of("profile", "--help"),
            List.of("profile", "--version"),
            List.of("diagnose"),
            List.of("diagnose", "--train", "t.csv"),
            List.of("diagnose", "--train"),
            List.of("diagnose", "--train", "t.csv", "--prod", "p.csv", "--frobnicate"),
            List.of("diagnose", "--train", "t.csv", "--prod", "p.csv", "extra"),
            List.of("diagnose", "--train", "t.csv", "--prod", "p.csv", "--train", "u.csv"),
            List.of("diagnose", "--train", "t.csv", "--target", "--prod", "p.csv"),
            List.of("diagnose", "--train", "t.csv", "--prod", "p.csv", "--Target", "y"),
            List.of("diagnose", "--train", "t.csv", "--prod", "p.csv", "--targ", "y"),
            List.of("diagnose", "--train", "t.csv", "--prod", "p.csv", "--fail-on", "sometimes"),
            List.of("diagnose", "--train", "t.csv", "--prod", "p.csv", "--task", "ranking"),
            List.of("diagnose", "--train", "t.csv", "--prod", "p.csv", "--explain-rows", "some"),
            List.of("diagnose", "--train", "t.csv", "--prod", "p.csv", "--explain-classes", "every"),
            List.of("diagnose", "--train", "t.csv", "--prod", "p.csv", "--json", "t.csv"),
            List.of("diagnose", "--train", "missing-train.csv", "--prod", "missing-prod.csv", "--target", "y"),
            List.of("diagnose", "--train=missing-train.csv", "--prod=missing-prod.csv", "--fail-on=never"),
            List.of("diagnose", "--train", "t.csv", "--prod", "p.csv", "--", "x"),
            List.of("profile"),
            List.of("profile", "--input"),
            List.of("profile", "--input", "missing.csv", "--out", "missing.csv"),
            List.of("profile", "--input", "missing.csv", "--out", "out.mlprofile", "--sample-rows", "many"));

    @Test
    void helpVersionUsageErrorsAndExitCodesAreAsRecorded() throws IOException {
        assertThat(render()).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    static String render() {
        StringBuilder text = new StringBuilder();
        for (List<String> args : CASES) {
            CliRun run = CliRun.command(args.toArray(String[]::new));
            text.append("$ modellens ").append(String.join(" ", args)).append('\n')
                    .append("exit ").append(run.exitCode()).append('\n')
                    .append("--- stdout\n").append(run.out())
                    .append("--- stderr\n").append(stable(run.err()))
                    .append("===\n");
        }
        return text.toString();
    }

    /** The progress lines' seconds and the working folder differ from run to run and machine to machine. */
    private static String stable(String err) {
        return err.replaceAll("(?m)^(\\[ *\\d+%\\] .*?) +\\d+\\.\\d\\d s$", "$1 #.## s")
                .replace(Path.of("").toAbsolutePath().toString(), "<cwd>");
    }

    /** Rewrites the golden file from the current command line (run from the app module's folder). */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(GOLDEN.getParent());
        Files.writeString(GOLDEN, render(), StandardCharsets.UTF_8);
    }
}
