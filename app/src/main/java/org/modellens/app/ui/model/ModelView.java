package org.modellens.app.ui.model;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.modellens.app.ui.Styles;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.Views;
import org.modellens.app.ui.charts.ChartActions;
import org.modellens.report.ModelSection;

/** Model metrics on each side, ROC and calibration curves, and the cost of the model's decisions. */
public final class ModelView extends BorderPane {

    private final LineChart<Number, Number> roc = new LineChart<>(new NumberAxis(0, 1, 0.2), new NumberAxis(0, 1, 0.2));
    private final LineChart<Number, Number> calibration = new LineChart<>(new NumberAxis(0, 1, 0.2), new NumberAxis(0, 1, 0.2));

    public ModelView(ModelViewModel model) {
        setId("model-view");
        getStyleClass().add(Styles.PAGE);

        TableView<MetricRow> metrics = new TableView<>(model.metrics());
        metrics.setId("model-metrics");
        metrics.getColumns().add(column(Text.get("model.col.metric"), MetricRow::metric));
        metrics.getColumns().add(column(Text.get("model.col.train"), MetricRow::train));
        metrics.getColumns().add(column(Text.get("model.col.prod"), MetricRow::prod));
        metrics.getColumns().add(column(Text.get("model.col.change"), MetricRow::change));
        // Room for the longest metric name (falseNegatives, expectedCost): names are never cut to "falseNe...".
        metrics.getColumns().get(0).setPrefWidth(140);
        metrics.getColumns().get(0).setMinWidth(125);
        metrics.getColumns().get(1).setPrefWidth(80);
        metrics.getColumns().get(2).setPrefWidth(90);
        Views.keepHeadersWhole(metrics);
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        metrics.setPrefHeight(240);

        roc.setId("roc-chart");
        calibration.setId("calibration-chart");
        for (LineChart<Number, Number> chart : java.util.List.of(roc, calibration)) {
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            ChartActions.install(chart);
        }
        roc.getXAxis().setLabel(Text.get("model.roc.x"));
        roc.getYAxis().setLabel(Text.get("model.roc.y"));
        calibration.getXAxis().setLabel(Text.get("model.calibration.x"));
        calibration.getYAxis().setLabel(Text.get("model.calibration.y"));
        model.roc().addListener((ListChangeListener<ModelSection.Curve>) c -> draw(roc, model.roc()));
        model.calibration().addListener((ListChangeListener<ModelSection.Curve>) c -> draw(calibration, model.calibration()));

        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add(Styles.MUTED);
        summary.setWrapText(true);
        VBox left = new VBox(14, Views.card(Text.get("model.metrics"), metrics),
                Views.card(Text.get("model.cost"), Views.statisticTable(model.cost())));
        left.setPrefWidth(460);
        left.setMinWidth(440);
        HBox curves = new HBox(14, Views.card(Text.get("model.roc"), roc), Views.card(Text.get("model.calibration"), calibration));
        curves.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        HBox body = new HBox(14, left, curves);
        HBox.setHgrow(curves, Priority.ALWAYS);

        StackPane empty = Views.emptyState(model.messageProperty());
        empty.visibleProperty().bind(model.availableProperty().not());
        body.visibleProperty().bind(model.availableProperty());
        StackPane stack = new StackPane(body, empty);
        VBox content = new VBox(14, Views.title(Text.get("view.model")), summary, stack);
        VBox.setVgrow(stack, Priority.ALWAYS);
        content.getStyleClass().add("page-content");
        setCenter(content);
        draw(roc, model.roc());
        draw(calibration, model.calibration());
    }

    private static void draw(LineChart<Number, Number> chart, ObservableList<ModelSection.Curve> curves) {
        chart.getData().clear();
        // Training first, production second, always: the theme colours series by position.
        for (String side : java.util.List.of("train", "prod")) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(Text.get("prod".equals(side) ? "series.prod" : "series.train"));
            curves.stream().filter(c -> side.equals(c.side())).findFirst().ifPresent(curve -> {
                for (int i = 0; i < Math.min(curve.x().length, curve.y().length); i++) {
                    series.getData().add(new XYChart.Data<>(curve.x()[i], curve.y()[i]));
                }
            });
            chart.getData().add(series);
        }
        if (!curves.isEmpty()) {
            // The diagonal: chance for ROC, perfect calibration for the calibration curve.
            XYChart.Series<Number, Number> diagonal = new XYChart.Series<>();
            diagonal.setName(Text.get("model.diagonal"));
            diagonal.getData().add(new XYChart.Data<>(0, 0));
            diagonal.getData().add(new XYChart.Data<>(1, 1));
            chart.getData().add(diagonal);
        }
    }

    private static TableColumn<MetricRow, String> column(String title, java.util.function.Function<MetricRow, String> value) {
        TableColumn<MetricRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                MetricRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : Views.tooltip(row.tooltip()));
            }
        });
        return column;
    }

    public LineChart<Number, Number> rocChart() {
        return roc;
    }
}
