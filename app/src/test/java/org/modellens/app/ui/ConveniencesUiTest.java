package org.modellens.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.app.ui.features.FeatureRow;
import org.modellens.checks.AffectedRows;
import org.modellens.checks.Finding;
import org.modellens.data.RawTable;
import org.modellens.data.SnapshotReaders;
import org.modellens.profile.FeatureComparison;
import org.modellens.report.DiagnosticReport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench's conveniences on the sample case (issue 17.4): Ctrl+C copies table rows as
 * tab-separated text, "Export affected rows" writes every affected row, typing filters the pickers.
 */
@ExtendWith(ApplicationExtension.class)
class ConveniencesUiTest {

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
        SaveFiles.answerWith(null);
    }

    private DiagnosticReport runSample(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.start().useSampleCase();
            model.run();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return model.reportProperty().get();
    }

    /** Two lines as the column's own comparator orders its values. */
    @SuppressWarnings("unchecked")
    private static <T> int compare(javafx.scene.control.TableColumn<org.modellens.report.DriftSummary, T> column,
                                   org.modellens.report.DriftSummary a, org.modellens.report.DriftSummary b) {
        java.util.Comparator<T> order = (java.util.Comparator<T>) column.getComparator();
        return order.compare(column.getCellValueFactory().call(new javafx.scene.control.TableColumn.CellDataFeatures<>(null, column, a)).getValue(),
                column.getCellValueFactory().call(new javafx.scene.control.TableColumn.CellDataFeatures<>(null, column, b)).getValue());
    }

    @Test
    void typingFiltersTheTargetPicker(FxRobot robot) throws Exception {
        robot.interact(() -> model.start().trainProperty().set(SampleCase.train()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.start().columns().isEmpty());
        robot.clickOn("#target");
        robot.write("fault");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> shown = robot.lookup("#start-view #filtered").queryAs(ComboBox.class);
        List<String> expected = model.start().columns().stream().filter(c -> c.toLowerCase().contains("fault")).toList();
        assertThat(expected).contains("defaulted");
        assertThat(shown.getItems().stream().map(Object::toString).toList()).isEqualTo(expected);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.start().targetProperty().get()).isEqualTo(expected.get(0));
    }

    @Test
    void copyExportAndSearchOnTheSampleCase(FxRobot robot) throws Exception {
        DiagnosticReport report = runSample(robot);

        // Ctrl+C on two rows of the features table: a header line, then the rows as shown.
        robot.clickOn("#nav-features");
        @SuppressWarnings("unchecked")
        TableView<FeatureRow> table = robot.lookup("#features-table").queryAs(TableView.class);
        List<String> names = List.of("income", "interest_rate");
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (names.contains(table.getItems().get(i).name())) {
                    table.getSelectionModel().select(i);
                }
            }
            table.requestFocus();
        });
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get()).isNotNull();
        List<String> lines = copied.get().lines().toList();
        assertThat(lines).hasSize(3);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        assertThat(header).contains(Text.get("features.col.name"), Text.get("features.col.drift"), Text.get("features.col.psi"));
        int nameAt = header.indexOf(Text.get("features.col.name"));
        int driftAt = header.indexOf(Text.get("features.col.drift"));
        int psiAt = header.indexOf(Text.get("features.col.psi"));
        for (String line : lines.subList(1, 3)) {
            String[] cells = line.split("\t", -1);
            assertThat(cells).hasSize(header.size());
            FeatureComparison feature = report.features().stream().filter(f -> f.name().equals(cells[nameAt])).findFirst()
                    .orElseThrow();
            assertThat(names).contains(feature.name());
            // The report's own figures, as the table formats them.
            assertThat(cells[driftAt]).isEqualTo("KS  " + Formats.number(feature.drift().ks().statistic()));
            assertThat(cells[psiAt]).isEqualTo(Formats.number(feature.drift().psi()));
        }

        // Export every affected row of a finding with more rows than the page shows.
        Finding many = report.findings().stream()
                .filter(f -> org.modellens.app.ui.edgecases.EdgeCasesViewModel.CHECKS.contains(f.check()))
                .filter(f -> f.rows() != null && f.rows().heldRows() != null && f.rows().count() > AffectedRows.MAX_EXAMPLES)
                .findFirst().orElseThrow();
        robot.clickOn("#nav-edge-cases");
        robot.interact(() -> model.edgeCases().select(many));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#affected-rows").queryAs(TableView.class).getItems()).hasSize(AffectedRows.MAX_EXAMPLES);
        Path target = dir.resolve("rows.csv");
        SaveFiles.answerWith((owner, title, name, filter, extension) -> target);
        robot.clickOn("#export-affected-rows");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(target)
                && !robot.lookup("#export-message").queryAs(Label.class).getText().startsWith("Writing"));
        RawTable written = SnapshotReaders.read(target);
        assertThat((long) written.rows()).isEqualTo(many.rows().count());
        assertThat(written.names().get(0)).isEqualTo("application_id");
        assertThat(robot.lookup("#export-message").queryAs(Label.class).getText())
                .isEqualTo(Text.get("edge.export.done", many.rows().count(), "rows.csv"));

        // The drift summary: a line per column, largest Jensen-Shannon distance first, sortable by every column.
        robot.clickOn("#nav-drift");
        robot.clickOn(Text.get("drift.tab.all"));
        @SuppressWarnings("unchecked")
        TableView<org.modellens.report.DriftSummary> summary = robot.lookup("#drift-summary").queryAs(TableView.class);
        assertThat(summary.getItems()).hasSize(report.features().size());
        assertThat(summary.getItems().get(0).jensenShannon()).isGreaterThanOrEqualTo(summary.getItems().get(1).jensenShannon());
        for (javafx.scene.control.TableColumn<org.modellens.report.DriftSummary, ?> column : summary.getColumns()) {
            robot.interact(() -> {
                column.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
                summary.getSortOrder().setAll(List.of(column));
            });
            assertThat(summary.getItems()).as(column.getGraphic().toString()).isSortedAccordingTo(
                    (a, b) -> compare(column, a, b));
        }
        robot.interact(() -> summary.getSelectionModel().select(summary.getItems().stream()
                .filter(l -> l.feature().equals("promo_code")).findFirst().orElseThrow()));
        assertThat(model.drift().featureProperty().get()).isEqualTo("promo_code");

        robot.clickOn(Text.get("drift.tab.one"));
        // Typing in the drift page's feature picker filters it; Enter takes the first match.
        robot.clickOn("#drift-feature");
        robot.write("income");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> shown = robot.lookup("#drift-view #filtered").queryAs(ComboBox.class);
        assertThat(shown.getItems()).isNotEmpty().allMatch(item -> item.toString().contains("income"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.drift().featureProperty().get()).isEqualTo("income");
    }
}
