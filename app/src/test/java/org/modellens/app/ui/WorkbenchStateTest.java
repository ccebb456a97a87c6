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
 * Issue 17, "state that never lies", on the view-model (no window): the results shown always belong
 * to the inputs shown. Background work is collected, not run.
 */
class WorkbenchStateTest {

    private static final Path CORPUS = Path.of("../diagnostics-core/src/test/resources/org/modellens/corpus");

    @TempDir
    Path dir;

    private final List<Runnable> background = new ArrayList<>();

    @Test
    void changingAnyInputClearsTheResultsOfThePreviousCase() throws Exception {
        Path train = Files.copy(CORPUS.resolve("train.csv"), dir.resolve("train.csv"));
        Path prod = Files.copy(CORPUS.resolve("train.csv"), dir.resolve("prod.csv"));
        WorkbenchViewModel model = new WorkbenchViewModel(background::add, new RecentProjects(dir.resolve("recent.txt")));
        model.start().trainProperty().set(train);
        model.start().prodProperty().set(prod);
        var shown = Diagnosis.run(new DiagnosisRequest(train, prod, null, "auto", Set.of(), Set.of(), Settings.defaults()),
                ProgressListener.NONE);

        model.show(shown);
        model.start().prodProperty().set(dir.resolve("other-prod.csv"));
        assertThat(model.reportProperty().get()).as("results after production changed").isNull();

        model.show(shown);
        model.start().trainProperty().set(dir.resolve("other-train.csv"));
        assertThat(model.reportProperty().get()).as("results after training changed").isNull();

        model.show(shown);
        model.start().targetProperty().set("score");
        assertThat(model.reportProperty().get()).as("results after the target changed").isNull();

        model.show(shown);
        model.start().modelProperty().set(dir.resolve("model.json"));
        assertThat(model.reportProperty().get()).as("results after the model changed").isNull();
    }

    @Test
    void theHeaderTellsCasesWithTheSameFileNamesApart() {
        WorkbenchViewModel model = new WorkbenchViewModel(background::add, new RecentProjects(dir.resolve("recent.txt")));
        var header = model.inputsSummary();
        model.start().acceptDropped(List.of(dir.resolve("march/train.csv"), dir.resolve("march/prod.csv")));
        String march = header.get();
        model.start().acceptDropped(List.of(dir.resolve("april/train.csv"), dir.resolve("april/prod.csv")));
        String april = header.get();

        assertThat(march).isEqualTo("march/train.csv  vs  march/prod.csv");
        assertThat(april).isEqualTo("april/train.csv  vs  april/prod.csv");
    }

    @Test
    void aProjectSavedWithAReferenceReopensWithItAndOneWithoutClearsTheOldCasesReference() throws Exception {
        Path train = Files.copy(CORPUS.resolve("train.csv"), dir.resolve("train.csv"));
        Path prod = Files.copy(CORPUS.resolve("train.csv"), dir.resolve("prod.csv"));
        Path reference = Files.copy(CORPUS.resolve("train.csv"), dir.resolve("reference.csv"));
        WorkbenchViewModel saving = new WorkbenchViewModel(background::add, new RecentProjects(dir.resolve("recent.txt")));
        saving.start().trainProperty().set(train);
        saving.start().prodProperty().set(prod);
        saving.start().referenceProperty().set(reference);
        Path withReference = dir.resolve("with" + org.modellens.project.ProjectStore.EXTENSION);
        assertThat(saving.saveProject(withReference)).isTrue();
        saving.start().referenceProperty().set(null);
        Path without = dir.resolve("without" + org.modellens.project.ProjectStore.EXTENSION);
        assertThat(saving.saveProject(without)).isTrue();

        WorkbenchViewModel reopened = new WorkbenchViewModel(background::add, new RecentProjects(dir.resolve("recent.txt")));
        reopened.applyProject(reopened.loadProject(withReference), java.util.Map.of());
        assertThat(reopened.start().referenceProperty().get()).isEqualTo(reference.toAbsolutePath().normalize());
        assertThat(reopened.start().request(Settings.defaults()).reference()).isEqualTo(reference.toAbsolutePath().normalize());

        reopened.applyProject(reopened.loadProject(without), java.util.Map.of());
        assertThat(reopened.start().referenceProperty().get()).isNull();
    }

    @Test
    void aMovedReferenceIsReplacedByTheFileTheUserPoints() throws Exception {
        Path train = Files.copy(CORPUS.resolve("train.csv"), dir.resolve("train.csv"));
        Path prod = Files.copy(CORPUS.resolve("train.csv"), dir.resolve("prod.csv"));
        Path reference = Files.copy(CORPUS.resolve("train.csv"), dir.resolve("reference.csv"));
        WorkbenchViewModel model = new WorkbenchViewModel(background::add, new RecentProjects(dir.resolve("recent.txt")));
        model.start().trainProperty().set(train);
        model.start().prodProperty().set(prod);
        model.start().referenceProperty().set(reference);
        Path project = dir.resolve("p" + org.modellens.project.ProjectStore.EXTENSION);
        assertThat(model.saveProject(project)).isTrue();
        Path moved = Files.move(reference, Files.createDirectories(dir.resolve("elsewhere")).resolve("reference.csv"));

        WorkbenchViewModel.ProjectLoad load = model.loadProject(project);
        assertThat(load.missing()).containsExactly(reference.toAbsolutePath().normalize());
        model.applyProject(load, java.util.Map.of(reference.toAbsolutePath().normalize(), moved));

        assertThat(model.start().referenceProperty().get()).isEqualTo(moved);
    }
}
