package org.modellens.project;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run in a separate process by {@link ProjectStoreTest}: saves ever newer versions of one project as
 * fast as it can, printing "saved N" after each, until it is killed.
 */
public final class ProjectSaveLoop {

    /** Notes per version: enough bytes that a kill often lands in the middle of writing. */
    static final int NOTES = 20000;

    private ProjectSaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        ProjectStore store = new ProjectStore();
        for (int version = 1; ; version++) {
            store.save(version(version), file);
            System.out.println("saved " + version);
            System.out.flush();
        }
    }

    /** Version {@code n}: every note says "version n", so a mix of two versions is visible. */
    static WorkbenchProject version(int n) {
        Map<String, String> notes = new LinkedHashMap<>();
        for (int i = 0; i < NOTES; i++) {
            notes.put("feature-drift:column_" + i, "version " + n + " \u2014 checked with the data owner, nothing to fix here yet");
        }
        return new WorkbenchProject(ProjectStore.FORMAT_VERSION, "train.csv", "prod.csv", null, "y", "auto",
                List.of(), List.of(), notes);
    }
}
