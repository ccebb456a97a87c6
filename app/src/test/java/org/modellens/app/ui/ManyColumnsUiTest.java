package org.modellens.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.app.ui.features.FeatureRow;
import org.modellens.app.ui.features.FeaturesView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A report of 1,000 columns: the features table stays virtualized and scrolls end to end quickly. */
@ExtendWith(ApplicationExtension.class)
class ManyColumnsUiTest {

    private static final int COLUMNS = 1000;

    private final ExecutorService executor = WorkbenchApp.backgroundExecutor();
    private WorkbenchViewModel model;
    private MainView view;

    @TempDir
    Path dir;

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
    void aThousandColumnsScrollSmoothly(FxRobot robot) throws Exception {
        Path train = csv("train.csv", 1);
        Path prod = csv("prod.csv", 2);
        robot.interact(() -> {
            model.start().prodProperty().set(prod);
            model.start().trainProperty().set(train);
            model.run();
        });
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> model.reportProperty().get() != null);
        robot.interact(() -> model.open(ViewId.FEATURES));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<FeatureRow> table = ((FeaturesView) view.page(ViewId.FEATURES)).table();
        assertThat(table.getItems()).hasSize(COLUMNS);

        java.util.List<Long> steps = new java.util.ArrayList<>();
        for (int row = 0; row < COLUMNS; row += 20) {
            int target = row;
            robot.interact(() -> {
                long start = System.nanoTime();
                table.scrollTo(target);
                table.layout();
                steps.add((System.nanoTime() - start) / 1_000_000);
            });
        }
        // The first steps build the cells and apply CSS; after that a step only refills the visible cells,
        // so its cost does not grow with the column count. Measured here: 10-20 ms per step on a quiet
        // machine, about 130 ms with the shared 2-core machine at load 18; the bound guards against
        // per-step work that grows with the 1,000 rows (that would take seconds).
        java.util.List<Long> warm = new java.util.ArrayList<>(steps.subList(3, steps.size()));
        java.util.Collections.sort(warm);
        long median = warm.get(warm.size() / 2);
        assertThat(median).as("median scroll step, ms (all: %s)", steps).isLessThan(250);
        long rows = robot.lookup("#features-table .table-row-cell").queryAll().stream().filter(n -> n instanceof TableRow).count();
        assertThat(rows).as("row cells built (virtualized)").isLessThan(80);
    }

    private Path csv(String name, long seed) throws IOException {
        Path file = dir.resolve(name);
        Random random = new Random(seed);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < COLUMNS; c++) {
                header.append(c == 0 ? "" : ",").append("x").append(c);
            }
            out.write(header + "\n");
            for (int r = 0; r < 200; r++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < COLUMNS; c++) {
                    line.append(c == 0 ? "" : ",").append(c % 5 == 0 ? "k" + random.nextInt(4) : Double.toString(random.nextGaussian()));
                }
                out.write(line + "\n");
            }
        }
        return file;
    }
}
