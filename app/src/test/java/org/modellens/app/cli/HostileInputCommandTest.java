package org.modellens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 through the command line: special files, and an output that would destroy an input.
 * Each ends in exit 2 and one line on stderr; nothing blocks, nothing is overwritten.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputCommandTest {

    private static final Path CORPUS = Path.of("../diagnostics-core/src/test/resources/org/modellens/corpus");

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {

        /** stderr without the progress lines. */
        String message() {
            return err.lines().filter(l -> !l.startsWith("[")).reduce("", (a, b) -> a + b + "\n");
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("diagnose"));
        all.addAll(List.of(args));
        int code = DiagnoseCommand.execute(all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Run run = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        return run;
    }

    private Path copy(String name) throws Exception {
        return Files.copy(CORPUS.resolve("train.csv"), dir.resolve(name));
    }

    @Test
    void aFifoAsTrainingIsExitTwoAtOnce() throws Exception {
        Path fifo = dir.resolve("train.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "cannot make a FIFO here");

        Run run = run("--train", fifo.toString(), "--prod", copy("prod.csv").toString());

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.message()).isEqualTo("modellens: train.csv is not a regular file (a pipe, device or socket); "
                + "give the data file as a file on disk\n");
    }

    @Test
    void devZeroAsModelIsExitTwoAtOnce() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")));

        Run run = run("--train", copy("train.csv").toString(), "--prod", copy("prod.csv").toString(), "--model", "/dev/zero");

        assertThat(run.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(run.message()).isEqualTo("modellens: zero is not a regular file (a pipe, device or socket); "
                + "give the model file as a file on disk\n");
    }

    @Test
    void noOutputOverwritesAnInputOrAnotherOutput() throws Exception {
        Path train = copy("train.csv");
        Path prod = copy("prod.csv");
        byte[] before = Files.readAllBytes(train);
        Path link = Files.createSymbolicLink(dir.resolve("report.json"), train);

        Run json = run("--train", train.toString(), "--prod", prod.toString(), "--json", train.toString());
        Run viaLink = run("--train", train.toString(), "--prod", prod.toString(), "--pdf", link.toString());
        Run dotted = run("--train", train.toString(), "--prod", prod.toString(),
                "--xlsx", dir.resolve("sub/../prod.csv").toString());
        Run both = run("--train", train.toString(), "--prod", prod.toString(), "--xlsx", dir.resolve("r.out").toString(),
                "--pdf", dir.resolve("r.out").toString());

        assertThat(json.exitCode()).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(json.message()).isEqualTo("modellens: --json names train.csv, the --train input: a report never "
                + "overwrites an input; choose another file\n");
        assertThat(viaLink.message()).isEqualTo("modellens: --pdf names report.json, the --train input: a report never "
                + "overwrites an input; choose another file\n");
        assertThat(dotted.message()).contains("--xlsx names prod.csv, the --prod input");
        assertThat(both.message()).isEqualTo("modellens: --xlsx and --pdf both name r.out: one report would replace the "
                + "other; give each its own file\n");
        assertThat(List.of(json, viaLink, dotted, both)).allMatch(r -> r.exitCode() == DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(Files.readAllBytes(train)).isEqualTo(before);
        assertThat(Files.readAllBytes(prod)).isEqualTo(before);
        assertThat(dir.resolve("r.out")).doesNotExist();
    }

    @Test
    void helpListsExactlyTheModelFormatsThatLoad() throws Exception {
        Run help = run("--help");
        Path models = Path.of("../diagnostics-core/src/test/resources/org/modellens");

        assertThat(help.out().replaceAll("\\s+", " ")).contains("XGBoost JSON or UBJSON (save_model), LightGBM text "
                + "(save_model), CatBoost JSON (save_model(..., format='json')), ONNX").doesNotContain("protobuf");
        // Each format named loads (Tribuo's protobuf files are refused by the loader, so they are not named).
        for (String fixture : List.of("explain/binary.json", "explain/binary.ubj", "model/lightgbm-handmade.txt",
                "model/lightgbm/v4/binary.txt", "model/catboost/binary.json", "model/onnx-trees/random-forest-binary.onnx",
                "model/logistic.onnx")) {
            assertThat(org.modellens.model.ModelLoader.load(models.resolve(fixture), List.of()).features()).isNotEmpty();
        }
    }

    @Test
    void aProfileNeverOverwritesTheSnapshotItSummarises() throws Exception {
        Path train = copy("train.csv");
        byte[] before = Files.readAllBytes(train);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ProfileCommand.execute(new String[] {"--input", train.toString(), "--out", train.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(DiagnoseCommand.EXIT_BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("modellens: --out names train.csv, the --input input: "
                + "a report never overwrites an input; choose another file\n");
        assertThat(Files.readAllBytes(train)).isEqualTo(before);
    }
}
