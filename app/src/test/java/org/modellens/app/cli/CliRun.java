package org.modellens.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of the command line in the test's JVM, as a user's shell would see it: the exit code and
 * what went to standard output and standard error.
 */
record CliRun(int exitCode, String out, String err) {

    /** {@code diagnose ARGS...}. */
    static CliRun diagnose(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "diagnose";
        System.arraycopy(args, 0, all, 1, args.length);
        return command(all);
    }

    /** The command line with these arguments, the subcommand first. */
    static CliRun command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DiagnoseCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
