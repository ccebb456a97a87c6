import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.modellens.app.ui.RecentProjects;
import org.modellens.app.ui.ViewId;
import org.modellens.app.ui.WorkbenchApp;
import org.modellens.app.ui.WorkbenchViewModel;

/**
 * The workbench's memory for one case, as a user gets it: the real window (the same {@code WorkbenchApp.show}
 * the application opens), the training and production files chosen on the start page, Analyse, then every
 * page opened in turn with a feature selected on the Features and Drift pages (so the charts are drawn).
 * Prints the process's peak resident set size (VmHWM) and its current one (VmRSS) once all pages have
 * been shown, and how long the analysis took. bench/workbench-memory.sh compiles and runs it under Xvfb.
 *
 * <p>Usage: java -cp app/target/modellens-app.jar:CLASSES WorkbenchMemory TRAIN PROD TARGET
 */
public final class WorkbenchMemory {

    public static void main(String[] args) throws Exception {
        Path train = Path.of(args[0]).toAbsolutePath();
        Path prod = Path.of(args[1]).toAbsolutePath();
        String target = args[2];
        ExecutorService executor = WorkbenchApp.backgroundExecutor();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CountDownLatch analysed = new CountDownLatch(1);
        AtomicReference<WorkbenchViewModel> model = new AtomicReference<>();
        long[] times = new long[2];
        Platform.runLater(() -> {
            Path recentStore;
            try {
                recentStore = Files.createTempFile("modellens-recent", ".txt");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            WorkbenchViewModel workbench = new WorkbenchViewModel(executor, new RecentProjects(recentStore));
            model.set(workbench);
            WorkbenchApp.show(new Stage(), workbench);
            workbench.reportProperty().addListener((obs, was, report) -> {
                if (report != null) {
                    times[1] = System.nanoTime();
                    analysed.countDown();
                }
            });
            workbench.errorProperty().addListener((obs, was, error) -> {
                if (error != null) {
                    System.err.println("workbench-memory: " + error);
                    System.exit(1);
                }
            });
            workbench.start().trainProperty().set(train);
            workbench.start().prodProperty().set(prod);
            workbench.start().targetProperty().set(target);
            times[0] = System.nanoTime();
            workbench.run(); // waits for the training columns being read, then analyses
        });
        if (!analysed.await(30, TimeUnit.MINUTES)) {
            System.err.println("workbench-memory: no report after 30 minutes");
            System.exit(1);
        }
        WorkbenchViewModel workbench = model.get();
        String feature = workbench.reportProperty().get().features().stream()
                .filter(f -> f.trainSorted() != null && f.trainSorted().length > 0).map(f -> f.name()).findFirst().orElse(null);
        for (ViewId page : List.of(ViewId.OVERVIEW, ViewId.FEATURES, ViewId.DRIFT, ViewId.EDGE_CASES, ViewId.EXPLANATIONS,
                ViewId.MODEL, ViewId.TIMELINE, ViewId.OVERVIEW)) {
            onFxThread(() -> {
                workbench.open(page);
                if (feature != null && (page == ViewId.FEATURES || page == ViewId.DRIFT)) {
                    workbench.selection().selectFeature(feature);
                }
            });
            Thread.sleep(1500); // a few pulses: the page laid out and drawn
        }
        onFxThread(() -> { });
        System.out.printf("analysis %.1f s; after every page: peak RSS (VmHWM) %s, RSS now (VmRSS) %s%n",
                (times[1] - times[0]) / 1e9, status("VmHWM"), status("VmRSS"));
        // -Dworkbench.hold=SECONDS keeps the window open for a look from outside (jcmd PID GC.class_histogram)
        Thread.sleep(Long.getLong("workbench.hold", 0) * 1000);
        Platform.exit();
        System.exit(0);
    }

    private static void onFxThread(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    private static String status(String key) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                long kb = Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
                return kb / 1024 + " MB";
            }
        }
        return "?";
    }
}
