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
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.app.ui.drift.DriftView;
import org.modellens.app.ui.drift.DriftViewModel;
import org.modellens.app.ui.explanations.ExplanationsView;
import org.modellens.profile.FeatureComparison;
import org.modellens.report.DiagnosticReport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench in a real JavaFX stage (headless Monocle in CI): the sample case end to end with
 * linked selection, cancelling a run, and a bad file.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {

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
    void sampleCaseRunsInTheBackgroundAndASelectedFeatureIsFollowedEverywhere(FxRobot robot) throws Exception {
        FxLatencyProbe probe = new FxLatencyProbe();
        robot.clickOn("#open-sample");
        probe.startWhile(() -> model.reportProperty().get() == null);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.reportProperty().get() != null);
        probe.stop();
        WaitForAsyncUtils.waitForFxEvents();
        // The FX thread kept answering while the analysis ran.
        // A diagnosis on the FX thread would answer no ping before the report appears.
        assertThat(probe.pings()).as("pings answered during the run").isGreaterThan(5);
        assertThat(probe.percentileMillis(0.9)).as("90th percentile FX-thread latency during the run, ms").isLessThan(250);

        DiagnosticReport report = model.reportProperty().get();
        assertThat(model.pageProperty().get()).isEqualTo(ViewId.OVERVIEW);
        assertThat(robot.lookup("#verdict").queryAs(Label.class).getText()).isEqualTo("FAIL");
        assertThat(robot.lookup("#count-fail").queryAs(Label.class).getText())
                .isEqualTo(Long.toString(report.counts().get(org.modellens.checks.Severity.FAIL)));

        robot.clickOn("#nav-features");
        TableCell<?, ?> incomeCell = robot.lookup("#features-table .table-cell")
                .match((TableCell<?, ?> cell) -> "income".equals(cell.getText())).query();
        robot.clickOn(incomeCell);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.selection().feature()).isEqualTo("income");
        DriftViewModel drift = model.drift();
        assertThat(drift.featureProperty().get()).isEqualTo("income");
        assertThat(drift.kindProperty().get()).isEqualTo(DriftViewModel.Kind.NUMERIC);
        robot.clickOn("#nav-drift");
        DriftView driftView = (DriftView) view.page(ViewId.DRIFT);
        assertThat(driftView.histogram().getData()).hasSize(2);
        assertThat(driftView.ecdf().getData()).hasSize(3);
        FeatureComparison income = report.features().stream().filter(f -> f.name().equals("income")).findFirst().orElseThrow();
        String ks = Formats.number(income.drift().ks().statistic());
        assertThat(robot.lookup("#ks-note").queryAs(Label.class).getText()).contains("KS distance " + ks);
        // The explanations page followed too: the sample model's dependence plot now shows income, one
        // point per sampled training and production row, and the importance table covers the model's features.
        assertThat(model.explanations().availableProperty().get()).isTrue();
        assertThat(model.explanations().dependenceFeatureProperty().get()).isEqualTo("income");
        assertThat(model.explanations().dependence()).hasSize(report.explanations().samplesTrain().get(0).rows().length
                + report.explanations().samplesProd().get(0).rows().length);
        assertThat(model.explanations().importance()).hasSize(report.model().features().size());
        robot.clickOn("#nav-explanations");
        ExplanationsView explanationsView = (ExplanationsView) view.page(ViewId.EXPLANATIONS);
        assertThat(explanationsView.dependenceChart().points()).isNotEmpty();

        // A finding picked on the overview moves the drift page to its column.
        robot.clickOn("#nav-overview");
        org.modellens.checks.Finding promo = report.findings().stream()
                .filter(f -> "promo_code".equals(f.feature())).findFirst().orElseThrow();
        robot.interact(() -> model.overview().select(promo));
        assertThat(drift.featureProperty().get()).isEqualTo("promo_code");
        assertThat(drift.kindProperty().get()).isEqualTo(DriftViewModel.Kind.CATEGORICAL);
        assertThat(driftView.bars().getData()).hasSize(2);
    }

    @Test
    void cancellingMidRunStopsTheAnalysisAndKeepsTheWindowUsable(FxRobot robot) throws Exception {
        Path train = bigCsv("train.csv", 400_000, 1);
        Path prod = bigCsv("prod.csv", 400_000, 2);
        robot.interact(() -> {
            model.start().prodProperty().set(prod);
            model.start().trainProperty().set(train);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.start().readyProperty().get());

        robot.clickOn("#toolbar-run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.runningProperty().get());
        assertThat(robot.lookup("#toolbar-cancel").queryButton().isVisible()).isTrue();
        robot.clickOn("#toolbar-cancel");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !model.runningProperty().get());

        assertThat(model.statusProperty().get()).isEqualTo(Text.get("run.cancelled"));
        // The diagnosis stops at its next stage; its result, if any, is never shown.
        Thread.sleep(3000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.reportProperty().get()).isNull();
        assertThat(robot.lookup("#toolbar-run").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aFileThatCannotBeReadShowsAnErrorDialogNamingIt(FxRobot robot) throws Exception {
        Path bad = dir.resolve("broken.parquet");
        Files.writeString(bad, "this is not a parquet file", StandardCharsets.UTF_8);

        robot.interact(() -> model.start().trainProperty().set(bad));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());

        DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo(Text.get("error.open.title"));
        assertThat(dialog.getContentText()).contains("broken.parquet").doesNotContain("Exception");
        assertThat(model.start().trainProperty().get()).isNull();
        robot.interact(() -> ((javafx.stage.Stage) dialog.getScene().getWindow()).close());
    }

    @Test
    void aSavedProjectReopensWithItsNotesAndAsksForAnInputThatMoved(FxRobot robot) throws Exception {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("case"));
        Path train = java.nio.file.Files.copy(SampleCase.train(), folder.resolve("train.csv"));
        Path prod = java.nio.file.Files.copy(SampleCase.prod(), folder.resolve("prod.csv"));
        robot.interact(() -> {
            model.start().prodProperty().set(prod);
            model.start().trainProperty().set(train);
            model.start().targetProperty().set("defaulted");
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.start().readyProperty().get());
        robot.interact(() -> {
            model.start().overrides().stream().filter(o -> o.column().equals("loan_term_months")).findFirst().orElseThrow()
                    .choiceProperty().set(org.modellens.app.ui.start.TypeChoice.CATEGORICAL);
            model.notes().all().put("feature-drift:income", "salary data changed source in March");
        });
        Path project = folder.resolve("loans.modellens");
        robot.interact(() -> assertThat(model.saveProject(project)).isTrue());
        assertThat(model.recentProjects()).containsExactly(project.toAbsolutePath().normalize());

        Path movedTrain = java.nio.file.Files.move(train, dir.resolve("train-moved.csv"));
        robot.interact(() -> {
            model.notes().all().clear();
            model.start().trainProperty().set(null);
            WorkbenchViewModel.ProjectLoad load = model.loadProject(project);
            assertThat(load.missing()).containsExactly(train.toAbsolutePath().normalize());
            model.applyProject(load, java.util.Map.of(train.toAbsolutePath().normalize(), movedTrain));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.start().readyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.start().trainProperty().get()).isEqualTo(movedTrain);
        assertThat(model.start().prodProperty().get()).isEqualTo(prod.toAbsolutePath().normalize());
        assertThat(model.start().targetProperty().get()).isEqualTo("defaulted");
        assertThat(model.start().choices()).containsExactly(
                java.util.Map.entry("loan_term_months", org.modellens.app.ui.start.TypeChoice.CATEGORICAL));
        assertThat(model.notes().all()).containsExactly(java.util.Map.entry("feature-drift:income", "salary data changed source in March"));
    }

    @Test
    void jsonExportWritesTheReportShownInTheBackground(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.start().useSampleCase();
            model.run();
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.reportProperty().get() != null);
        Path out = dir.resolve("report.json");
        robot.interact(() -> assertThat(model.export(ExportFormat.JSON, out)).isTrue());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.runningProperty().get());

        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        assertThat(json.at("/summary/verdict").asText()).isEqualTo(model.reportProperty().get().verdict());
        assertThat(json.get("findings").size()).isEqualTo(model.reportProperty().get().findings().size());
        assertThat(robot.lookup("#export-excel").tryQuery()).isEmpty(); // menu items live in the menu, not the scene graph
        assertThat(model.statusProperty().get()).isEqualTo(Text.get("export.done", "report.json"));
    }

    @Test
    void excelAndPdfExportsWriteFilesThatReadBack(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.start().useSampleCase();
            model.run();
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.reportProperty().get() != null);
        Path xlsx = dir.resolve("report.xlsx");
        Path pdf = dir.resolve("report.pdf");
        robot.interact(() -> assertThat(model.export(ExportFormat.EXCEL, xlsx)).isTrue());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.runningProperty().get() && Files.exists(xlsx));
        robot.interact(() -> assertThat(model.export(ExportFormat.PDF, pdf)).isTrue());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.runningProperty().get() && Files.exists(pdf));

        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(workbook.getSheet("Findings").getLastRowNum()).isEqualTo(model.reportProperty().get().findings().size());
        }
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Model diagnosis");
        }
    }

    private Path bigCsv(String name, int rows, long seed) throws IOException {
        Path file = dir.resolve(name);
        Random random = new Random(seed);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("a,b,c,d,e\n");
            for (int i = 0; i < rows; i++) {
                out.write(random.nextGaussian() + "," + random.nextInt(1000) + "," + random.nextDouble() + ",k"
                        + random.nextInt(20) + "," + random.nextGaussian() * 100 + "\n");
            }
        }
        return file;
    }

    /** Posts a runnable to the FX thread every 20 ms and records how long each took to run. */
    private static final class FxLatencyProbe {
        private final java.util.List<Long> latencies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        private volatile boolean running = true;
        private Thread thread;

        void startWhile(java.util.function.BooleanSupplier condition) {
            thread = new Thread(() -> {
                while (running && condition.getAsBoolean()) {
                    long posted = System.nanoTime();
                    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
                    Platform.runLater(() -> {
                        // Only pings answered while the analysis was still running count.
                        if (condition.getAsBoolean()) {
                            latencies.add((System.nanoTime() - posted) / 1_000_000);
                        }
                        done.countDown();
                    });
                    try {
                        done.await(5, TimeUnit.SECONDS);
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fx-latency-probe");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException, TimeoutException {
            running = false;
            thread.join(5000);
        }

        long percentileMillis(double level) {
            java.util.List<Long> sorted = new java.util.ArrayList<>(latencies);
            java.util.Collections.sort(sorted);
            return sorted.isEmpty() ? Long.MAX_VALUE : sorted.get((int) Math.floor(level * (sorted.size() - 1)));
        }

        long pings() {
            return latencies.size();
        }
    }
}
