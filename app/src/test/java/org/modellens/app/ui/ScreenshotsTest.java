package org.modellens.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.modellens.app.ui.overview.CauseRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Takes the README's screenshots, one per page, on the sample case as the README's walkthrough tells
 * it. Not part of the normal run: it runs when {@code modellens.screenshots} names a folder, under Xvfb
 * with the GTK glass (see README).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "modellens.screenshots", matches = ".+")
class ScreenshotsTest {

    private WorkbenchViewModel model;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage shown) {
        stage = shown;
        model = new WorkbenchViewModel(WorkbenchApp.backgroundExecutor(), new RecentProjects(null));
        view = WorkbenchApp.show(shown, model);
        shown.setWidth(1440);
        shown.setHeight(900);
    }

    @Test
    void everyPageOfTheSampleCase(FxRobot robot) throws Exception {
        Path folder = Path.of(System.getProperty("modellens.screenshots"));
        Files.createDirectories(folder);
        // The start page with the sample's inputs filled in: snapshots, model, reference, target, time column.
        robot.interact(() -> model.start().useSampleCase());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.start().readyProperty().get());
        shoot(robot, folder, "start");
        robot.clickOn("#toolbar-run");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> model.reportProperty().get() != null);
        // The Overview opens on the costliest cause, selected: no click needed.
        shoot(robot, folder, "overview");
        CauseRow top = model.overview().causes().get(0);
        // The interest_rate cause: a unit change, told on Drift and by its affected rows.
        CauseRow unit = model.overview().causes().stream().filter(c -> c.features().contains("interest_rate"))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            model.overview().selectCause(unit);
            model.open(ViewId.DRIFT);
        });
        shoot(robot, folder, "drift-numeric");
        robot.interact(() -> model.open(ViewId.EDGE_CASES));
        shoot(robot, folder, "edge-cases");
        // The third cause: months_employed arriving empty; since when, and what the model makes of it.
        CauseRow missing = model.overview().causes().stream().filter(c -> c.features().contains("months_employed"))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            model.overview().selectCause(missing);
            model.open(ViewId.TIMELINE);
        });
        shoot(robot, folder, "timeline");
        robot.interact(() -> model.open(ViewId.EXPLANATIONS));
        shoot(robot, folder, "explanations");
        robot.interact(() -> model.open(ViewId.FEATURES));
        shoot(robot, folder, "features");
        robot.interact(() -> {
            model.selection().selectFeature("loan_purpose");
            model.open(ViewId.DRIFT);
        });
        shoot(robot, folder, "drift-categorical");
        robot.interact(() -> model.open(ViewId.MODEL));
        shoot(robot, folder, "model");
        robot.interact(() -> {
            view.applyTheme(Theme.DARK);
            model.overview().selectCause(top);
            model.open(ViewId.OVERVIEW);
        });
        shoot(robot, folder, "overview-dark");
    }

    private void shoot(FxRobot robot, Path folder, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", folder.resolve(name + ".png").toFile());
    }
}
