package org.modellens.app.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The last few project files opened or saved, most recent first, kept one path a line in a small
 * text file in the user's configuration folder. A store that cannot be read or written is an empty list.
 */
public final class RecentProjects {

    private static final int KEEP = 8;

    private final Path store;
    private final ObservableList<Path> projects = FXCollections.observableArrayList();

    /** @param store the text file, or {@code null} to keep the list in memory only */
    public RecentProjects(Path store) {
        this.store = store;
        if (store != null && Files.isRegularFile(store)) {
            try {
                Files.readAllLines(store, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                        .map(Path::of).filter(Files::isRegularFile).limit(KEEP).forEach(projects::add);
            } catch (IOException | RuntimeException e) {
                projects.clear();
            }
        }
    }

    /** The default store: ~/.config/modellens/recent-projects.txt. */
    public static Path defaultStore() {
        return Path.of(System.getProperty("user.home"), ".config", "modellens", "recent-projects.txt");
    }

    public void remember(Path project) {
        Path absolute = project.toAbsolutePath().normalize();
        projects.remove(absolute);
        projects.add(0, absolute);
        if (projects.size() > KEEP) {
            projects.remove(KEEP, projects.size());
        }
        if (store == null) {
            return;
        }
        try {
            Files.createDirectories(store.getParent());
            List<String> lines = new ArrayList<>();
            projects.forEach(p -> lines.add(p.toString()));
            Files.write(store, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The list is a convenience: losing it loses no work.
        }
    }

    public ObservableList<Path> list() {
        return projects;
    }
}
