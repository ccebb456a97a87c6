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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Takes the README's screenshots of every page on the sample case. Not part of the normal run: it
 * runs when {@code modellens.screenshots} names a folder, under Xvfb with the GTK glass (see README).
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
        shoot(robot, folder, "start");
        robot.clickOn("#open-sample");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.reportProperty().get() != null);
        // The Overview opens on the costliest cause, selected: no click needed.
        shoot(robot, folder, "overview");
        robot.interact(() -> model.open(ViewId.FEATURES));
        shoot(robot, folder, "features");
        robot.interact(() -> {
            model.selection().selectFeature("interest_rate");
            model.open(ViewId.DRIFT);
        });
        shoot(robot, folder, "drift-numeric");
        robot.interact(() -> model.selection().selectFeature("loan_purpose"));
        shoot(robot, folder, "drift-categorical");
        robot.interact(() -> {
            model.overview().select(model.reportProperty().get().findings().stream()
                    .filter(f -> f.check().equals("missing-values")).findFirst().orElseThrow());
            model.open(ViewId.EDGE_CASES);
        });
        shoot(robot, folder, "edge-cases");
        // The sample case comes with its XGBoost model: exact TreeSHAP and the model's metrics.
        robot.interact(() -> {
            model.selection().selectFeature("credit_score");
            model.open(ViewId.EXPLANATIONS);
        });
        shoot(robot, folder, "explanations");
        robot.interact(() -> model.open(ViewId.MODEL));
        shoot(robot, folder, "model");
        robot.interact(() -> {
            view.applyTheme(Theme.DARK);
            model.open(ViewId.OVERVIEW);
        });
        shoot(robot, folder, "overview-dark");
    }

    private void shoot(FxRobot robot, Path folder, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", folder.resolve(name + ".png").toFile());
    }
}
