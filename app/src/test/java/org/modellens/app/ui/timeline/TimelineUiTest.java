package org.modellens.app.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.modellens.app.ui.MainView;
import org.modellens.app.ui.RecentProjects;
import org.modellens.app.ui.ViewId;
import org.modellens.app.ui.WorkbenchApp;
import org.modellens.app.ui.WorkbenchViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Timeline page in a real stage (headless Monocle in CI): the sample case by week, and a cell opening the Drift page. */
@ExtendWith(ApplicationExtension.class)
class TimelineUiTest {

    private final ExecutorService executor = WorkbenchApp.backgroundExecutor();
    private WorkbenchViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        model = new WorkbenchViewModel(executor, new RecentProjects(null));
        view = WorkbenchApp.show(stage, model);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aCellOfTheSampleCaseTimelineShowsThatWeekAgainstTrainingOnTheDriftPage(FxRobot robot) throws Exception {
        robot.clickOn("#open-sample");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.reportProperty().get().timeline()).isNotNull();

        robot.clickOn("#nav-timeline");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.pageProperty().get()).isEqualTo(ViewId.TIMELINE);
        assertThat(robot.lookup("#timeline-summary").queryAs(Label.class).getText()).contains("application_date", "9 chunks");
        int row = model.timeline().features().indexOf("months_employed");
        assertThat(robot.lookup("#cell-" + row + "-4").query().getStyleClass()).contains("severity-fail", "timeline-change");
        assertThat(robot.lookup("#cell-" + row + "-3").query().getStyleClass()).doesNotContain("severity-fail", "severity-warn");

        robot.clickOn("#cell-" + row + "-4");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.pageProperty().get()).isEqualTo(ViewId.DRIFT);
        assertThat(model.selection().feature()).isEqualTo("months_employed");
        assertThat(robot.lookup("#drift-scope").queryAs(Label.class).getText()).contains("2025-10-27", "417 rows");
        robot.clickOn("#drift-all-production");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.selection().chunk()).isNull();
    }
}
