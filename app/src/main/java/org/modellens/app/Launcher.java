package org.modellens.app;

import org.modellens.app.cli.DiagnoseCommand;

/**
 * Entry point of {@code modellens-app.jar}. {@code diagnose ...} runs the command line without any
 * display; without arguments the usage is printed.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(DiagnoseCommand.execute(args, System.out, System.err));
    }
}
