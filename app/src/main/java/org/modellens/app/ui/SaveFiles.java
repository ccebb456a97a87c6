package org.modellens.app.ui;

import java.io.File;
import java.nio.file.Path;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks where to save a file (a chart, exported rows): the platform's file chooser, or in tests an
 * answer given beforehand, since a native dialog cannot be driven headless.
 */
public final class SaveFiles {

    /** Answers with a file, or {@code null} when the user cancels. */
    @FunctionalInterface
    public interface Asker {
        Path ask(Window owner, String title, String fileName, String filterName, String extension);
    }

    private static volatile Asker asker = SaveFiles::choose;

    private SaveFiles() {
    }

    /** Where to save a file with {@code extension} (no dot), suggesting {@code fileName}; {@code null} if cancelled. */
    public static Path ask(Window owner, String title, String fileName, String filterName, String extension) {
        return asker.ask(owner, title, fileName, filterName, extension);
    }

    /** For tests: answers instead of the file chooser; {@code null} restores the chooser. */
    public static void answerWith(Asker answer) {
        asker = answer == null ? SaveFiles::choose : answer;
    }

    private static Path choose(Window owner, String title, String fileName, String filterName, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, "*." + extension));
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return null;
        }
        // Some platforms' choosers return the name as typed, without the extension.
        return file.getName().contains(".") ? file.toPath() : file.toPath().resolveSibling(file.getName() + "." + extension);
    }
}
