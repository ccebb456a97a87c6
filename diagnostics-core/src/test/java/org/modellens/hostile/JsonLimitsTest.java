package org.modellens.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.model.ModelLoader;
import org.modellens.project.ProjectFileException;
import org.modellens.project.ProjectStore;
import org.modellens.project.WorkbenchProject;

/**
 * Issue 19: Jackson's nesting and length limits raise an exception without a location, and the
 * readers' {@code getLocation().getLineNr()} threw a NullPointerException instead of a message
 * (model files and project files); a project with a 30 MB note could not be opened.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JsonLimitsTest {

    @TempDir
    Path dir;

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void aModelNestedBeyondTheLimitIsRefusedSayingWhich() throws Exception {
        Path model = Files.writeString(dir.resolve("deep.json"), "{\"learner\": " + nested(5000) + "}");

        assertThatThrownBy(() -> ModelLoader.load(model, List.of()))
                .hasMessageStartingWith("deep.json: not a readable ")
                .hasMessageContaining("(it exceeds a safety limit of the reader: ")
                .hasMessageContaining("nesting depth")
                .hasMessageNotContaining("StreamReadConstraints");
    }

    @Test
    void aModelWithAnEndlessNumberIsRefusedSayingWhich() throws Exception {
        Path model = Files.writeString(dir.resolve("long.json"), "{\"learner\": " + "9".repeat(5000) + "}");

        assertThatThrownBy(() -> ModelLoader.load(model, List.of()))
                .hasMessageStartingWith("long.json: not a readable ")
                .hasMessageContaining("(it exceeds a safety limit")
                .hasMessageContaining("Number value length");
    }

    @Test
    void aProjectNestedBeyondTheLimitIsRefusedSayingWhich() throws Exception {
        Path project = Files.writeString(dir.resolve("deep.modellens"), "{\"formatVersion\": 1, \"notes\": " + nested(5000) + "}");

        assertThatThrownBy(() -> new ProjectStore().load(project)).isInstanceOf(ProjectFileException.class)
                .hasMessageStartingWith("deep.modellens: not a ModelLens project (it exceeds a safety limit of the reader: ")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void aProjectWithAThirtyMegabyteNoteOpens() throws Exception {
        Path project = dir.resolve("long-note.modellens");
        String note = "n".repeat(30 << 20);
        new ProjectStore().save(new WorkbenchProject(1, "train.csv", "prod.csv", null, null, null, List.of(), List.of(),
                Map.of("feature-drift:a", note)), project);

        WorkbenchProject loaded = new ProjectStore().load(project);

        assertThat(loaded.notes().get("feature-drift:a")).hasSize(30 << 20);
    }

    @Test
    void aSyntaxErrorStillNamesLineAndColumn() throws Exception {
        Path project = Files.writeString(dir.resolve("bad.modellens"), "{\n  \"formatVersion\": 1,\n  oops\n}",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new ProjectStore().load(project))
                .hasMessageStartingWith("bad.modellens: not a ModelLens project (line 3, column 3: ");
    }
}
