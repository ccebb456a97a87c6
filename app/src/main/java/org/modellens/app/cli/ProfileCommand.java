package org.modellens.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.modellens.Diagnosis;
import org.modellens.data.UnreadableInputException;
import org.modellens.profile.format.Profile;
import org.modellens.profile.format.ProfileBuilder;
import org.modellens.profile.format.ProfileFormat;
import org.modellens.profile.format.ProfileOptions;
import org.modellens.settings.Settings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code profile}: reads a snapshot file once and writes its profile ({@code .mlprofile}, DESIGN.md
 * section 7), which {@code diagnose} accepts wherever it accepts a snapshot. Exit 0 when written, 2 on
 * bad usage or unreadable input (one line on stderr).
 */
@Command(name = "profile", mixinStandardHelpOptions = true, version = "ModelLens " + Diagnosis.VERSION,
        description = "Summarise a snapshot into a mergeable profile file (.mlprofile) for diagnose.")
public final class ProfileCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Snapshot to profile (CSV, Parquet, XLSX).")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FILE.mlprofile", description = "Profile file to write.")
    Path out;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Target (label) column: never taken for an identifier.")
    String target;

    @Option(names = "--categorical", split = ",", paramLabel = "COLUMNS", description = "Columns to treat as categorical.")
    List<String> categorical = List.of();

    @Option(names = "--numeric", split = ",", paramLabel = "COLUMNS", description = "Columns to treat as numeric.")
    List<String> numeric = List.of();

    @Option(names = "--sample-rows", paramLabel = "N",
            description = "Rows in the uniform sample (default: the setting largeInput.sampleRows).")
    Integer sampleRows;

    @Option(names = "--seed", paramLabel = "SEED", description = "Sampling seed (default: the setting largeInput.seed).")
    Long seed;

    @Option(names = "--settings", paramLabel = "FILE", description = "Settings overrides (properties file).")
    Path settingsFile;

    private PrintStream err = System.err;

    /** Runs {@code profile ARGS...} (without the word {@code profile}) and returns the exit code; never throws. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        ProfileCommand command = new ProfileCommand();
        command.err = err;
        CommandLine commandLine = new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler((e, a) -> {
                    err.println("modellens: " + e.getMessage());
                    return DiagnoseCommand.EXIT_BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    err.println("modellens: " + org.modellens.Failures.describe(e));
                    return DiagnoseCommand.EXIT_BAD_INPUT;
                });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        try {
            // The profile would overwrite the snapshot it summarises (or the settings) and exit 0.
            java.util.Map<String, Path> inputs = new java.util.LinkedHashMap<>();
            inputs.put("--input", input);
            inputs.put("--settings", settingsFile);
            org.modellens.data.InputFiles.checkOutputs(inputs, java.util.Map.of("--out", out));
            Settings settings = settingsFile == null ? Settings.defaults() : Settings.withOverrides(settingsFile);
            ProfileOptions options = ProfileOptions.of(sampleRows != null ? sampleRows : settings.getInt("largeInput.sampleRows"),
                    seed != null ? seed : (long) settings.get("largeInput.seed"), settings.getInt("largeInput.maxCategories"),
                    settings.getInt("largeInput.typeRows"));
            long start = System.nanoTime();
            Profile profile = ProfileBuilder.profile(input, options, new LinkedHashSet<>(categorical),
                    new LinkedHashSet<>(numeric), target, "ModelLens " + Diagnosis.VERSION,
                    rows -> err.printf(Locale.ROOT, "%,15d rows %8.1f s%n", (long) rows, (System.nanoTime() - start) / 1e9));
            ProfileFormat.write(profile, out);
            err.printf(Locale.ROOT, "Wrote %s: %,d rows, %d columns, %,d sampled rows, %,d duplicate rows%n",
                    out, profile.rows(), profile.schema().width(), profile.sample().size(), profile.duplicates().duplicates());
            return DiagnoseCommand.EXIT_OK;
        } catch (UnreadableInputException | IllegalArgumentException e) {
            err.println("modellens: " + e.getMessage());
            return DiagnoseCommand.EXIT_BAD_INPUT;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("modellens: cannot write " + out + ": the folder does not exist");
            return DiagnoseCommand.EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("modellens: cannot write " + out + ": " + e.getMessage());
            return DiagnoseCommand.EXIT_BAD_INPUT;
        }
    }
}
