package org.modellens.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference snapshot ({@code --reference}) is saved with the project like the other inputs: relative
 * when beside the project, checked for being moved or outside the folder; a project saved before it opens.
 */
class ProjectReferenceTest {

    @TempDir
    Path dir;

    private final ProjectStore store = new ProjectStore();

    @Test
    void aProjectSavedWithAReferenceReopensWithIt() throws Exception {
        Path reference = Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("reference.csv"), "a,y\n1,0\n");
        Path file = dir.resolve("case" + ProjectStore.EXTENSION);
        store.save(new WorkbenchProject(ProjectStore.FORMAT_VERSION, "train.csv", "prod.csv", null, "y", "auto", List.of(),
                List.of(), Map.of(), null, null, ProjectStore.store(file, reference)), file);

        WorkbenchProject loaded = store.load(file);

        assertThat(loaded.reference()).isEqualTo("data/reference.csv");
        assertThat(ProjectStore.resolve(file, loaded.reference())).isEqualTo(reference.toAbsolutePath().normalize());
        assertThat(Files.readString(file)).contains("\"reference\" : \"data/reference.csv\"").doesNotContain("\"inputs\"");
    }

    @Test
    void aProjectFileWithoutAReferenceStillOpens() throws Exception {
        Path file = Files.writeString(dir.resolve("old" + ProjectStore.EXTENSION),
                "{\"formatVersion\": 1, \"train\": \"train.csv\", \"prod\": \"prod.csv\", \"task\": \"auto\", \"timeColumn\": \"day\"}");

        WorkbenchProject loaded = store.load(file);

        assertThat(loaded.reference()).isNull();
        assertThat(loaded.timeColumn()).isEqualTo("day");
        assertThat(loaded.inputs()).containsExactly("train.csv", "prod.csv");
    }

    @Test
    void aMovedReferenceIsAskedForAndOneOutsideTheFolderIsConfirmed() throws Exception {
        Path outside = Files.writeString(Files.createTempFile("modellens-reference", ".csv"), "a,y\n1,0\n");
        try {
            Path project = Files.createDirectories(dir.resolve("project"));
            Files.writeString(project.resolve("train.csv"), "a,y\n1,0\n");
            Files.writeString(project.resolve("prod.csv"), "a,y\n1,0\n");
            Path moved = project.resolve("p" + ProjectStore.EXTENSION);
            WorkbenchProject gone = new WorkbenchProject(1, "train.csv", "prod.csv", null, "y", "auto", List.of(), List.of(),
                    Map.of(), null, null, "held-out/reference.csv");
            WorkbenchProject far = new WorkbenchProject(1, "train.csv", "prod.csv", null, "y", "auto", List.of(), List.of(),
                    Map.of(), null, null, outside.toAbsolutePath().toString());

            assertThat(ProjectStore.missingInputs(moved, gone)).containsExactly(project.resolve("held-out/reference.csv"));
            assertThat(ProjectStore.outsideInputs(moved, far)).containsExactly(outside.toAbsolutePath().normalize());
            assertThat(ProjectStore.outsideInputs(moved, gone)).isEmpty();
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
