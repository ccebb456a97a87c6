package org.modellens.app.ui.timeline;

import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.modellens.app.ui.Formats;
import org.modellens.app.ui.Styles;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.Views;
import org.modellens.app.ui.charts.ChartActions;

/**
 * Production over time: the features x chunks grid coloured by severity (a click opens the Drift page on that
 * chunk), the model's performance per chunk against its band, and when each change began.
 */
public final class TimelineView extends BorderPane {

    private final TimelineViewModel model;
    private final GridPane grid = new GridPane();
    private final LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), new NumberAxis());

    public TimelineView(TimelineViewModel model) {
        this.model = model;
        setId("timeline-view");
        getStyleClass().add(Styles.PAGE);

        Label summary = new Label();
        summary.setId("timeline-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        grid.setId("timeline-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        ScrollPane gridScroll = new ScrollPane(grid);
        gridScroll.setFitToWidth(false);
        gridScroll.setPrefViewportHeight(260);

        chart.setId("timeline-performance");
        chart.setAnimated(false);
        chart.setMinHeight(220);
        ChartActions.install(chart);
        ChartActions.install(grid);
        ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
        ListView<String> changes = new ListView<>(model.changePoints());
        changes.setId("timeline-change-points");
        changes.setPrefHeight(130);
        changes.setPlaceholder(Views.muted(Text.get("timeline.noChange")));

        VBox body = new VBox(14,
                Views.card(Text.get("timeline.changePoints"), changes),
                Views.card(Text.get("timeline.grid"), new VBox(4, gridScroll, Views.muted(Text.get("timeline.grid.hint")))),
                Views.card(Text.get("timeline.performance"), new VBox(4, chart, Views.muted(Text.get("timeline.performance.hint")))));
        ScrollPane bodyScroll = new ScrollPane(body);
        bodyScroll.setFitToWidth(true);
        StackPane empty = Views.emptyState(model.messageProperty());
        empty.visibleProperty().bind(model.hasTimelineProperty().not());
        bodyScroll.visibleProperty().bind(model.hasTimelineProperty());
        StackPane stack = new StackPane(bodyScroll, empty);
        VBox content = new VBox(14, Views.title(Text.get("view.timeline")), summary, stack);
        VBox.setVgrow(stack, Priority.ALWAYS);
        content.getStyleClass().add("page-content");
        setCenter(content);
        model.revisionProperty().addListener((obs, old, now) -> redraw());
        redraw();
    }

    private void redraw() {
        grid.getChildren().clear();
        for (int c = 0; c < model.chunks().size(); c++) {
            Label head = new Label(shortLabel(model.chunks().get(c)));
            head.getStyleClass().addAll(Styles.MUTED, "timeline-head");
            head.setRotate(-60);
            head.setMinHeight(Region.USE_PREF_SIZE);
            head.setMinWidth(Region.USE_PREF_SIZE);
            // In a Group the grid makes room for the turned label, not its upright box: no date is clipped.
            javafx.scene.Group turned = new javafx.scene.Group(head);
            GridPane.setValignment(turned, javafx.geometry.VPos.BOTTOM);
            GridPane.setHalignment(turned, javafx.geometry.HPos.CENTER);
            grid.add(turned, c + 1, 0);
        }
        for (int f = 0; f < model.features().size(); f++) {
            Label name = new Label(model.features().get(f));
            name.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(name, 0, f + 1);
            for (TimelineViewModel.Cell cell : model.row(f)) {
                Region square = new Region();
                square.getStyleClass().add("timeline-cell");
                if (cell.severity() != null) {
                    square.getStyleClass().add(Styles.severity(cell.severity()));
                }
                if (cell.changeStart()) {
                    square.getStyleClass().add("timeline-change");
                }
                square.setId("cell-" + f + "-" + cell.chunk());
                javafx.scene.control.Tooltip.install(square, Views.tooltip(Text.get("timeline.cell.tooltip", cell.feature(),
                        model.chunks().get(cell.chunk()), cell.statistic() == null ? "-" : cell.statistic(), Formats.number(cell.value()),
                        cell.severity() == null ? "-" : cell.severity().jsonName())));
                square.setOnMouseClicked(e -> model.open(cell));
                grid.add(square, cell.chunk() + 1, f + 1);
            }
        }
        GridPane.setHalignment(grid, javafx.geometry.HPos.LEFT);
        grid.setAlignment(Pos.TOP_LEFT);
        chart.getData().clear();
        if (model.performance().isEmpty()) {
            return;
        }
        chart.getYAxis().setLabel(model.metricProperty().get());
        XYChart.Series<String, Number> value = new XYChart.Series<>();
        value.setName(model.metricProperty().get());
        XYChart.Series<String, Number> low = new XYChart.Series<>();
        low.setName(Text.get("timeline.band.low"));
        XYChart.Series<String, Number> high = new XYChart.Series<>();
        high.setName(Text.get("timeline.band.high"));
        XYChart.Series<String, Number> estimated = new XYChart.Series<>();
        estimated.setName(Text.get("timeline.estimated"));
        for (TimelineViewModel.Point p : model.performance()) {
            if (Double.isFinite(p.bandLower())) {
                low.getData().add(new XYChart.Data<>(p.label(), p.bandLower()));
                high.getData().add(new XYChart.Data<>(p.label(), p.bandUpper()));
            }
            (p.estimated() ? estimated : value).getData().add(new XYChart.Data<>(p.label(), p.value()));
        }
        chart.getData().add(value);
        chart.getData().add(low);
        chart.getData().add(high);
        if (!estimated.getData().isEmpty()) {
            chart.getData().add(estimated);
        }
    }

    private static String shortLabel(String start) {
        return start.length() == 10 ? start.substring(5) : start;
    }
}
