package org.modellens.app.ui.explanations;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.modellens.app.ui.Styles;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.Views;
import org.modellens.app.ui.charts.ChartActions;
import org.modellens.app.ui.charts.WaterfallChart;
import org.modellens.report.Explanations.RowExplanation;

/** Global importance on each side, one row's waterfall, and the selected feature's dependence plot. */
public final class ExplanationsView extends BorderPane {

    private final ExplanationsViewModel model;
    private final BarChart<Number, String> importance = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final WaterfallChart waterfall = new WaterfallChart();
    private final ScatterChart<Number, Number> dependence = new ScatterChart<>(new NumberAxis(), new NumberAxis());
    private final ScatterChart<String, Number> dependenceCategories = new ScatterChart<>(new CategoryAxis(), new NumberAxis());

    public ExplanationsView(ExplanationsViewModel model) {
        this.model = model;
        setId("explanations-view");
        getStyleClass().add(Styles.PAGE);

        importance.setId("importance-chart");
        importance.setAnimated(false);
        importance.getXAxis().setLabel(Text.get("explain.axis.meanAbs"));
        importance.setBarGap(1);
        importance.setCategoryGap(6);
        dependence.setId("dependence-chart");
        dependenceCategories.setId("dependence-categories");
        for (var chart : java.util.List.of(dependence, dependenceCategories)) {
            chart.setAnimated(false);
            chart.setLegendVisible(false);
            chart.getYAxis().setLabel(Text.get("explain.axis.contribution"));
        }
        for (var chart : java.util.List.of(importance, dependence, dependenceCategories, waterfall)) {
            ChartActions.install(chart);
        }
        ((NumberAxis) dependence.getXAxis()).setForceZeroInRange(false);

        ComboBox<RowExplanation> rowPicker = new ComboBox<>(model.rows());
        rowPicker.setId("explain-row");
        rowPicker.valueProperty().bindBidirectional(model.rowProperty());
        rowPicker.setCellFactory(list -> new RowCell());
        rowPicker.setButtonCell(new RowCell());
        waterfall.setId("waterfall");
        model.waterfall().addListener((ListChangeListener<WaterfallStep>) c -> waterfall.show(model.waterfall()));
        ScrollPane waterfallScroll = new ScrollPane(waterfall);
        waterfallScroll.setFitToWidth(true);
        ComboBox<String> classPicker = new ComboBox<>(model.classes());
        classPicker.setId("explain-class");
        classPicker.valueProperty().bindBidirectional(model.explainedClassProperty());
        classPicker.setCellFactory(list -> new ClassCell());
        classPicker.setButtonCell(new ClassCell());
        Label classLabel = new Label(Text.get("explain.class.pick"));
        for (var node : java.util.List.of(classLabel, classPicker)) {
            node.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.classes()));
            node.managedProperty().bind(node.visibleProperty());
        }
        HBox rowBar = new HBox(10, new Label(Text.get("explain.row.pick")), rowPicker, classLabel, classPicker);
        rowBar.setAlignment(Pos.CENTER_LEFT);

        Label dependenceTitle = new Label();
        dependenceTitle.setId("dependence-title");
        dependenceTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.dependenceFeatureProperty().get() == null ? Text.get("explain.dependence")
                        : Text.get("explain.dependence.of", model.dependenceFeatureProperty().get()),
                model.dependenceFeatureProperty()));
        Label dependenceMessage = new Label();
        dependenceMessage.textProperty().bind(model.dependenceMessageProperty());
        dependenceMessage.getStyleClass().add(Styles.MUTED);
        StackPane dependenceStack = new StackPane(dependence, dependenceCategories);
        model.dependence().addListener((ListChangeListener<DependencePoint>) c -> drawDependence());
        model.importance().addListener((ListChangeListener<ImportanceRow>) c -> drawImportance());

        Label space = new Label();
        space.textProperty().bind(model.spaceProperty());
        space.getStyleClass().add(Styles.MUTED);
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(14);
        VBox importanceCard = Views.card(Text.get("explain.importance"), new VBox(4, importance,
                Views.muted(Text.get("explain.importance.help"))));
        VBox waterfallCard = Views.card(Text.get("explain.waterfall"), new VBox(8, rowBar, waterfallScroll));
        VBox dependenceCard = Views.card(Text.get("explain.dependence"), new VBox(4, dependenceTitle, dependenceStack, dependenceMessage));
        ((Label) dependenceCard.getChildren().get(0)).setVisible(false);
        ((Label) dependenceCard.getChildren().get(0)).setManaged(false);
        VBox.setVgrow(dependenceStack, Priority.ALWAYS);
        VBox.setVgrow(waterfallScroll, Priority.ALWAYS);
        grid.add(importanceCard, 0, 0, 1, 2);
        grid.add(waterfallCard, 1, 0);
        grid.add(dependenceCard, 1, 1);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        javafx.scene.layout.RowConstraints row = new javafx.scene.layout.RowConstraints();
        row.setPercentHeight(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.getRowConstraints().addAll(row, row);
        VBox.setVgrow(importance, Priority.ALWAYS);

        StackPane empty = Views.emptyState(model.messageProperty());
        empty.visibleProperty().bind(model.availableProperty().not());
        grid.visibleProperty().bind(model.availableProperty());
        StackPane body = new StackPane(grid, empty);
        VBox content = new VBox(14, new HBox(14, Views.title(Text.get("view.explanations")), space), body);
        ((HBox) content.getChildren().get(0)).setAlignment(Pos.BASELINE_LEFT);
        VBox.setVgrow(body, Priority.ALWAYS);
        content.getStyleClass().add("page-content");
        setCenter(content);
        drawImportance();
        drawDependence();
        waterfall.show(model.waterfall());
    }

    private void drawImportance() {
        importance.getData().clear();
        if (model.importance().isEmpty()) {
            return;
        }
        XYChart.Series<Number, String> train = new XYChart.Series<>();
        train.setName(Text.get("series.train"));
        XYChart.Series<Number, String> prod = new XYChart.Series<>();
        prod.setName(Text.get("series.prod"));
        java.util.List<String> names = new java.util.ArrayList<>();
        // Bottom-up on a category axis: the most important feature last so it is drawn on top.
        for (int i = model.importance().size() - 1; i >= 0; i--) {
            ImportanceRow row = model.importance().get(i);
            names.add(row.feature());
            train.getData().add(clickable(new XYChart.Data<>(zeroIfNaN(row.train()), row.feature())));
            prod.getData().add(clickable(new XYChart.Data<>(zeroIfNaN(row.prod()), row.feature())));
        }
        ((CategoryAxis) importance.getYAxis()).getCategories().setAll(names);
        importance.getData().add(train);
        importance.getData().add(prod);
    }

    private XYChart.Data<Number, String> clickable(XYChart.Data<Number, String> data) {
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                node.setOnMouseClicked(e -> model.selectFeature(data.getYValue()));
                javafx.scene.control.Tooltip.install(node, Views.tooltip(Text.get("explain.importance.bar", data.getYValue(),
                        org.modellens.app.ui.Formats.number(data.getXValue().doubleValue()))));
            }
        });
        return data;
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private void drawDependence() {
        dependence.getData().clear();
        dependenceCategories.getData().clear();
        boolean categorical = !model.dependence().isEmpty() && model.dependence().get(0).category() != null;
        dependence.setVisible(!categorical);
        dependenceCategories.setVisible(categorical);
        if (model.dependence().isEmpty()) {
            return;
        }
        if (categorical) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            model.dependence().forEach(p -> series.getData().add(new XYChart.Data<>(
                    p.category() == null ? Text.get("edge.rows.missing") : p.category(), p.contribution())));
            dependenceCategories.getData().add(series);
        } else {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            model.dependence().stream().filter(p -> Double.isFinite(p.value()))
                    .forEach(p -> series.getData().add(new XYChart.Data<>(p.value(), p.contribution())));
            dependence.getData().add(series);
        }
        dependence.getXAxis().setLabel(model.dependenceFeatureProperty().get());
        dependenceCategories.getXAxis().setLabel(model.dependenceFeatureProperty().get());
    }

    public WaterfallChart waterfall() {
        return waterfall;
    }

    public ScatterChart<Number, Number> dependenceChart() {
        return dependence;
    }

    /** A production row in the row picker. */
    private static final class ClassCell extends javafx.scene.control.ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : ExplanationsViewModel.describeClass(item));
        }
    }

    private static final class RowCell extends ListCell<RowExplanation> {
        @Override
        protected void updateItem(RowExplanation item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : ExplanationsViewModel.describe(item));
        }
    }
}
