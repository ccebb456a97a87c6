package org.modellens.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.settings.Settings;

/**
 * Issue 19 in the workbench, on the view-model (no window): an export never overwrites an input.
 * Background work is collected, not run, so nothing here needs the JavaFX toolkit.
 */
class WorkbenchGuardsTest {

    private static final Path CORPUS = Path.of("../diagnostics-core/src/test/resources/org/modellens/corpus");

    @TempDir
    Path dir;

    private final List<Runnable> background = new ArrayList<>();

    private WorkbenchViewModel workbench() {
        return new WorkbenchViewModel(background::add, new RecentProjects(dir.resolve("recent.txt")));
    }

    @Test
    void anExportNamingAnInputIsRefusedAndTheInputKept() throws Exception {
        Path train = Files.copy(CORPUS.resolve("train.csv"), dir.resolve("train.csv"));
        Path prod = Files.copy(CORPUS.resolve("train.csv"), dir.resolve("prod.csv"));
        byte[] before = Files.readAllBytes(train);
        WorkbenchViewModel model = workbench();
        model.start().trainProperty().set(train);
        model.start().prodProperty().set(prod);
        model.show(Diagnosis.run(new DiagnosisRequest(train, prod, null, "auto", Set.of(), Set.of(), Settings.defaults()),
                ProgressListener.NONE));
        background.clear();

        boolean started = model.export(ExportFormat.JSON, dir.resolve("./train.csv"));

        assertThat(started).isFalse();
        assertThat(background).as("no export task was started").isEmpty();
        assertThat(model.errorProperty().get().message()).contains("The export names train.csv, the training input: "
                + "a report never overwrites an input");
        assertThat(Files.readAllBytes(train)).isEqualTo(before);
    }

    @Test
    void aProjectNamingFilesOutsideItsFolderAsksBeforeAnythingIsRead() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path secret = Files.writeString(elsewhere.resolve("shadow"), "root:x:0:0\n");
        Path projectDir = Files.createDirectories(dir.resolve("case"));
        Path inside = Files.copy(CORPUS.resolve("train.csv"), projectDir.resolve("prod.csv"));
        Path project = projectDir.resolve("case.modellens");
        Files.writeString(project, "{\"formatVersion\": 1, \"train\": \"" + secret.toString().replace("\\", "/")
                + "\", \"prod\": \"../case/prod.csv\", \"model\": \"../elsewhere/../elsewhere/shadow\"}");
        WorkbenchViewModel model = workbench();

        WorkbenchViewModel.ProjectLoad load = model.loadProject(project);

        assertThat(background).as("nothing the project names was read").isEmpty();
        assertThat(load.outside()).containsExactly(secret.toAbsolutePath().normalize(), secret.toAbsolutePath().normalize());
        assertThat(load.needsConfirmation()).isTrue();
        assertThat(load.confirmationText()).contains("case.modellens names files outside its own folder:")
                .contains(secret.toString()).doesNotContain(inside.toString());
        assertThat(model.start().trainProperty().get()).as("not applied until the user agrees").isNull();
    }

    @Test
    void aProjectWhoseInputsAreInsideItsFolderAsksNothing() throws Exception {
        Path projectDir = Files.createDirectories(dir.resolve("case"));
        Files.copy(CORPUS.resolve("train.csv"), projectDir.resolve("train.csv"));
        Files.copy(CORPUS.resolve("train.csv"), projectDir.resolve("prod.csv"));
        Path project = Files.writeString(projectDir.resolve("case.modellens"),
                "{\"formatVersion\": 1, \"train\": \"train.csv\", \"prod\": \"prod.csv\"}");

        WorkbenchViewModel.ProjectLoad load = workbench().loadProject(project);

        assertThat(load.outside()).isEmpty();
        assertThat(load.needsConfirmation()).isFalse();
    }
}
