package org.modellens.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Feedback on big inputs (issue 17.5): a spinner while the column list is read, the list read from the
 * header alone, and a run that counts the bytes of each file as it reads them.
 */
@ExtendWith(ApplicationExtension.class)
class BigInputUiTest {

    /** Runs background work only when released, so the test sees the window while work is pending. */
    private static final class HeldExecutor implements Executor {
        private final ExecutorService pool = WorkbenchApp.backgroundExecutor();
        private final ConcurrentLinkedQueue<Runnable> held = new ConcurrentLinkedQueue<>();
        private volatile boolean holding = true;

        @Override
        public void execute(Runnable command) {
            if (holding) {
                held.add(command);
            } else {
                pool.execute(command);
            }
        }

        void release() {
            holding = false;
            for (Runnable command; (command = held.poll()) != null; ) {
                pool.execute(command);
            }
        }
    }

    private final HeldExecutor executor = new HeldExecutor();
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
        executor.pool.shutdownNow();
    }

    private Path csv(String name, int rows, long seed, String brokenTail) throws IOException {
        Path file = dir.resolve(name);
        Random random = new Random(seed);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,income,region,y\n");
            for (int i = 0; i < rows; i++) {
                out.write(i + "," + (30_000 + random.nextInt(90_000)) + "," + (random.nextBoolean() ? "north" : "south") + ","
                        + random.nextInt(2) + "\n");
            }
            out.write(brokenTail);
        }
        return file;
    }

    @Test
    void aSpinnerShowsWhileTheColumnListIsReadFromTheHeaderAlone(FxRobot robot) throws Exception {
        // A row far down is broken: reading the whole file would refuse it, the header has all the page needs.
        Path train = csv("train.csv", 50_000, 1, "1,2\n");
        robot.interact(() -> model.start().trainProperty().set(train));
        ProgressIndicator spinner = robot.lookup("#columns-spinner").queryAs(ProgressIndicator.class);
        assertThat(spinner.isVisible()).isTrue();
        TableView<?> overrides = robot.lookup("#start-view .table-view").queryAs(TableView.class);
        assertThat(((Label) overrides.getPlaceholder()).getText()).isEqualTo(Text.get("start.columns.reading"));

        executor.release();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.start().readingColumnsProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(spinner.isVisible()).isFalse();
        assertThat(model.start().columns()).containsExactly("id", "income", "region", "y");
        assertThat(robot.lookup("#error-dialog").tryQuery()).isEmpty();
    }

    @Test
    void aRunCountsTheBytesOfEachFileAsItReadsThem(FxRobot robot) throws Exception {
        executor.release();
        Path train = csv("train.csv", 300_000, 1, "");
        Path prod = csv("prod.csv", 300_000, 2, "");
        robot.interact(() -> {
            model.start().prodProperty().set(prod);
            model.start().trainProperty().set(train);
            model.start().targetProperty().set("y");
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.start().readyProperty().get());
        List<String> messages = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> progress = java.util.Collections.synchronizedList(new ArrayList<>());
        robot.interact(() -> {
            model.statusProperty().addListener((obs, old, now) -> messages.add(now));
            model.progressProperty().addListener((obs, old, now) -> progress.add(now.doubleValue()));
            model.run();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.reportProperty().get() != null);

        Pattern reading = Pattern.compile("Reading (train|prod)\\.csv: \\d+ MB of (\\d+) MB");
        List<String> byBytes = messages.stream().filter(m -> reading.matcher(m).matches()).toList();
        assertThat(byBytes).as(messages.toString()).anyMatch(m -> m.startsWith("Reading train.csv"))
                .anyMatch(m -> m.startsWith("Reading prod.csv"));
        // The bar moved while reading, and never back.
        assertThat(progress).anyMatch(p -> p > 0 && p < AnalysisTask.READING_SHARE);
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i)).isGreaterThanOrEqualTo(progress.get(i - 1));
        }
    }
}
