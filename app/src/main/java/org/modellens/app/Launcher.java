package org.modellens.app;

import org.modellens.Failures;
import org.modellens.app.cli.DiagnoseCommand;

/**
 * Entry point of {@code modellens-app.jar}. {@code diagnose ...} runs the command line without any
 * display (the JavaFX toolkit is never loaded on that path); without arguments the workbench window opens.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // A failure on any other thread (the workbench's, a report writer's) is one line too, never a trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> System.err.println("modellens: " + Failures.describe(e)));
        if (args.length == 0) {
            try {
                // Referenced only here, so the command line never loads a JavaFX class.
                org.modellens.app.ui.WorkbenchApp.open(args);
            } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
                System.err.println("modellens: " + Failures.describe(e));
                System.exit(DiagnoseCommand.EXIT_BAD_INPUT);
            }
            return;
        }
        System.exit(DiagnoseCommand.execute(args, System.out, System.err));
    }
}
