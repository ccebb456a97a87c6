package org.modellens.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time column and chunk are saved with the project; a project saved before them opens without them. */
class ProjectTimeColumnTest {

    @TempDir
    Path dir;

    @Test
    void timeColumnAndChunkSurviveSaveAndLoad() throws Exception {
        Path file = dir.resolve("p" + ProjectStore.EXTENSION);
        ProjectStore store = new ProjectStore();
        store.save(new WorkbenchProject(ProjectStore.FORMAT_VERSION, "train.csv", "prod.csv", null, "y", "auto", List.of(), List.of(),
                Map.of(), "application_date", "week"), file);

        WorkbenchProject loaded = store.load(file);

        assertThat(loaded.timeColumn()).isEqualTo("application_date");
        assertThat(loaded.chunk()).isEqualTo("week");
        assertThat(Files.readString(file)).contains("\"timeColumn\" : \"application_date\"", "\"chunk\" : \"week\"");
    }

    @Test
    void aProjectWithoutTimeColumnOpens() throws Exception {
        Path file = dir.resolve("old" + ProjectStore.EXTENSION);
        Files.writeString(file, "{\"formatVersion\": 1, \"train\": \"train.csv\", \"prod\": \"prod.csv\", \"task\": \"auto\"}");

        WorkbenchProject loaded = new ProjectStore().load(file);

        assertThat(loaded.timeColumn()).isNull();
        assertThat(loaded.chunk()).isNull();
    }
}
