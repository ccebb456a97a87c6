package org.modellens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands on the sample case, as a newcomer types them: the first one (for reading)
 * exits 0, names the costliest causes and says where its reports are; the CI gate exits 1.
 */
class ReadmeFirstCommandTest {

    private static final Pattern DIAGNOSE = Pattern.compile("(?:java -jar app/target/modellens-app\\.jar|bin/modellens) diagnose ([^\\n`;]+)");

    @TempDir
    Path dir;

    /** The arguments of the n-th {@code diagnose} command of the README's "On a fresh machine" section, run from the repository root. */
    private List<String> command(int n) throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## On a fresh machine"), readme.indexOf("## The workbench"));
        Matcher matcher = DIAGNOSE.matcher(section);
        for (int i = 0; i <= n; i++) {
            assertThat(matcher.find()).as("diagnose command %d in the README", i).isTrue();
        }
        List<String> args = new ArrayList<>(List.of("diagnose"));
        for (String arg : matcher.group(1).trim().split("\\s+")) {
            // Paths are relative to the repository root; reports go to a temporary folder.
            args.add(arg.startsWith("sample-data/") ? "../" + arg : arg.matches("report\\.(json|xlsx|pdf)") ? dir.resolve(arg).toString() : arg);
        }
        return args;
    }

    private record Run(int exitCode, String err) {
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DiagnoseCommand.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstCommandExitsZeroAndSaysWhereItsReportsAre() throws Exception {
        List<String> args = command(0);
        assertThat(args).contains("--fail-on", "never");

        Run run = run(args);

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String report : List.of("report.json", "report.xlsx", "report.pdf")) {
            assertThat(dir.resolve(report)).isNotEmptyFile();
            assertThat(run.err()).contains(dir.resolve(report).toAbsolutePath().toString());
        }
        assertThat(run.err()).contains("Reports written: ").contains("Causes, costliest to the model first");
        // The first cause is told with what it measurably costs the model.
        String first = run.err().lines().dropWhile(l -> !l.startsWith("Causes,")).skip(2).findFirst().orElseThrow();
        assertThat(first).containsPattern("auc [+]0\\.\\d+ when (repaired|removed)|prediction shift");
        assertThat(first).doesNotContain("not a model input");
    }

    @Test
    void theGateExampleExitsOneOnTheSampleVerdict() throws Exception {
        List<String> args = command(1);
        assertThat(args).contains("--fail-on", "fail");

        Run run = run(args);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(DiagnoseCommand.EXIT_FINDINGS);
        assertThat(run.err()).contains("Exit code 1: findings at or above fail");
        assertThat(Arrays.asList(run.err().split("\n"))).anyMatch(l -> l.startsWith("Verdict: fail"));
    }
}
