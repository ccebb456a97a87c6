package org.modellens.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project file: round trip, moved inputs, versions, bad files, and a kill in the middle of saving. */
class ProjectStoreTest {

    @TempDir
    Path dir;

    private final ProjectStore store = new ProjectStore();

    @Test
    void savesAndLoadsEveryFieldWithInputsRelativeToTheProject() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path train = Files.writeString(data.resolve("train.csv"), "a\n1\n");
        Path prod = Files.writeString(data.resolve("prod.csv"), "a\n2\n");
        Path file = dir.resolve("case.modellens");
        WorkbenchProject project = new WorkbenchProject(1, ProjectStore.store(file, train), ProjectStore.store(file, prod),
                null, "a", "binary", List.of("zip"), List.of("code"), Map.of("feature-drift:a", "ask the owner"));

        store.save(project, file);
        WorkbenchProject loaded = store.load(file);

        assertThat(loaded).isEqualTo(project);
        assertThat(loaded.train()).isEqualTo("data/train.csv");
        assertThat(ProjectStore.resolve(file, loaded.train())).isEqualTo(train.toAbsolutePath().normalize());
        assertThat(ProjectStore.missingInputs(file, loaded)).isEmpty();
        assertThat(Files.readString(file)).contains("\"formatVersion\" : 1");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "case.modellens");
        }
    }

    @Test
    void aProjectWhoseInputsMovedLoadsAndNamesThem() throws Exception {
        Path file = dir.resolve("moved.modellens");
        store.save(new WorkbenchProject(1, "gone/train.csv", "/nowhere/prod.csv", "model.json", null, null,
                List.of(), List.of(), Map.of()), file);

        WorkbenchProject loaded = store.load(file);

        assertThat(ProjectStore.missingInputs(file, loaded)).containsExactly(
                dir.resolve("gone/train.csv").toAbsolutePath().normalize(), Path.of("/nowhere/prod.csv"),
                dir.resolve("model.json").toAbsolutePath().normalize());
    }

    @Test
    void refusesNewerFormatsAndNonProjectsWithAMessageNamingTheFile() throws IOException {
        Path newer = Files.writeString(dir.resolve("newer.modellens"), "{\"formatVersion\": 7, \"train\": \"a\", \"prod\": \"b\"}");
        Path garbage = Files.writeString(dir.resolve("garbage.modellens"), "{\"formatVersion\": 1, \"train\": ");
        Path other = Files.writeString(dir.resolve("other.modellens"), "[1, 2, 3]");

        assertThatThrownBy(() -> store.load(newer)).isInstanceOf(ProjectFileException.class)
                .hasMessage("newer.modellens: made by a newer ModelLens (project format 7; this version reads up to 1)");
        assertThatThrownBy(() -> store.load(garbage)).isInstanceOf(ProjectFileException.class)
                .hasMessageStartingWith("garbage.modellens: not a ModelLens project (line 1");
        assertThatThrownBy(() -> store.load(other)).hasMessage("other.modellens: not a ModelLens project (no formatVersion)");
        assertThatThrownBy(() -> store.load(dir.resolve("absent.modellens"))).hasMessageStartingWith("absent.modellens: file not found");
    }

    @Test
    void olderFieldsMissingTakeTheirDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("old.modellens"), "{\"formatVersion\": 1, \"train\": \"t.csv\", \"prod\": \"p.csv\"}");

        WorkbenchProject loaded = store.load(file);

        assertThat(loaded.task()).isEqualTo("auto");
        assertThat(loaded.notes()).isEmpty();
        assertThat(loaded.categorical()).isEmpty();
    }

    /**
     * Kills (SIGKILL) a separate process that saves the project in a loop, at random moments, ten
     * times; after each kill the file must load and hold one complete version, never a mix or a torn file.
     */
    @Test
    void aKillDuringSaveLeavesTheLastCompleteVersionReadable() throws Exception {
        Path file = dir.resolve("busy.modellens");
        Random random = new Random(20261123);
        String java = ProcessHandle.current().info().command().orElse("java");
        Set<Integer> versionsSeen = new HashSet<>();
        for (int round = 0; round < 10; round++) {
            Process saver = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ProjectSaveLoop.class.getName(), file.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(saver.getInputStream(), StandardCharsets.UTF_8));
            int saves = 0;
            int wanted = 1 + random.nextInt(4);
            String line;
            while (saves < wanted && (line = out.readLine()) != null) {
                assertThat(line).as("saver output").startsWith("saved ");
                saves++;
            }
            assertThat(saves).as("the saver process ran").isEqualTo(wanted);
            if (round % 2 == 0) {
                // Kill while the next save is writing: as soon as its temporary file appears.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (System.nanoTime() < deadline && !writing(dir)) {
                    Thread.onSpinWait();
                }
            } else {
                // Kill at a random moment: serializing, writing, forcing or renaming.
                Thread.sleep(random.nextInt(300));
            }
            saver.destroyForcibly();
            assertThat(saver.waitFor(20, TimeUnit.SECONDS)).isTrue();

            WorkbenchProject loaded = store.load(file);
            assertThat(loaded.notes()).hasSize(ProjectSaveLoop.NOTES);
            Set<String> versions = new HashSet<>();
            loaded.notes().values().forEach(note -> versions.add(note.substring(0, note.indexOf(' ', "version ".length()))));
            assertThat(versions).as("one version, not a mix").hasSize(1);
            versionsSeen.add(Integer.parseInt(versions.iterator().next().substring("version ".length())));
        }
        assertThat(versionsSeen).isNotEmpty();
        try (var left = Files.list(dir)) {
            // Leftover temporary files are saves cut off mid-write: the kills did land inside saves.
            assertThat(left.filter(p -> p.toString().endsWith(".tmp")).count()).as("saves cut off mid-write").isPositive();
        }
    }

    private static boolean writing(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".tmp"));
        } catch (IOException e) {
            return false;
        }
    }
}
