package org.modellens.app;

import org.modellens.app.cli.DiagnoseCommand;

/**
 * Entry point of {@code modellens-app.jar}. {@code diagnose ...} runs the command line without any
 * display (the JavaFX toolkit is never loaded on that path); without arguments the workbench window opens.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // Referenced only here, so the command line never loads a JavaFX class.
            org.modellens.app.ui.WorkbenchApp.open(args);
            return;
        }
        System.exit(DiagnoseCommand.execute(args, System.out, System.err));
    }
}
