package org.modellens.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 17, "state that never lies", in a real stage (headless Monocle in CI). */
@ExtendWith(ApplicationExtension.class)
class WorkbenchStateUiTest {

    private static final Path CORPUS = Path.of("../diagnostics-core/src/test/resources/org/modellens/corpus");

    private final ExecutorService executor = WorkbenchApp.backgroundExecutor();
    private WorkbenchViewModel model;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        model = new WorkbenchViewModel(executor, new RecentProjects(null));
        WorkbenchApp.show(stage, model);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void openingTheSampleCaseAfterAnotherCaseSetsEveryInputItNeeds(FxRobot robot) throws Exception {
        Path train = Files.copy(CORPUS.resolve("train.csv"), dir.resolve("train.csv"));
        Path prod = Files.copy(CORPUS.resolve("train.csv"), dir.resolve("prod.csv"));
        robot.interact(() -> {
            model.start().prodProperty().set(prod);
            model.start().trainProperty().set(train);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.start().readyProperty().get());
        robot.interact(() -> model.start().targetProperty().set("score"));

        // Opening the sample only fills the inputs here (run() is not called by the view-model command).
        robot.interact(() -> model.start().useSampleCase());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.start().readyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.start().targetProperty().get()).isEqualTo(SampleCase.TARGET);
        assertThat(model.start().modelProperty().get()).isEqualTo(SampleCase.model());
        assertThat(model.start().referenceProperty().get()).isEqualTo(SampleCase.reference());
        assertThat(model.start().request(org.modellens.settings.Settings.defaults()).reference()).isEqualTo(SampleCase.reference());
    }

    @Test
    void removeModelOnTheStartPageDetachesTheModel(FxRobot robot) {
        robot.interact(() -> model.start().modelProperty().set(dir.resolve("model.json")));
        robot.clickOn("#model-remove");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.start().modelProperty().get()).isNull();
        assertThat(robot.lookup("#model-remove").queryButton().isDisabled()).isTrue();
    }

    @Test
    void theStartPageShowsTheReferenceAndRemovesIt(FxRobot robot) {
        robot.interact(() -> model.start().useSampleCase());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#reference-file").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo(SampleCase.reference().getFileName().toString());

        robot.clickOn("#reference-remove");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.start().referenceProperty().get()).isNull();
        assertThat(robot.lookup("#reference-file").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo(Text.get("start.file.none"));
        assertThat(robot.lookup("#reference-remove").queryButton().isDisabled()).isTrue();
    }
}
