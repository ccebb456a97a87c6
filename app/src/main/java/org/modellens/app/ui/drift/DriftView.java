package org.modellens.app.ui.drift;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.controlsfx.control.SearchableComboBox;
import org.modellens.app.ui.Formats;
import org.modellens.app.ui.StatisticHelp;
import org.modellens.report.DriftSummary;
import org.modellens.app.ui.Styles;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.Views;
import org.modellens.app.ui.charts.ChartActions;
import org.modellens.app.ui.charts.Ecdf;
import org.modellens.app.ui.charts.Histogram;

/** Training versus production for the selected feature, drawn from the drift view-model. */
public final class DriftView extends BorderPane {

    private final DriftViewModel model;
    private final AreaChart<Number, Number> histogram = new AreaChart<>(new NumberAxis(), new NumberAxis());
    private final LineChart<Number, Number> ecdf = new LineChart<>(new NumberAxis(), new NumberAxis(0, 1, 0.25));
    private final BarChart<String, Number> bars = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Label histogramNote = new Label();
    private final Label ksNote = new Label();
    private final javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();

    public DriftView(DriftViewModel model) {
        this.model = model;
        setId("drift-view");
        getStyleClass().add(Styles.PAGE);

        // Type to search: a wide file has hundreds of columns.
        ComboBox<String> picker = new SearchableComboBox<>(model.features());
        picker.setId("drift-feature");
        picker.setPromptText(Text.get("drift.pick"));
        picker.setCellFactory(list -> new FeatureCell(model::isModelInput));
        // The picked column's mark stands beside the picker (the searchable picker's button cell draws no graphic).
        Label pickedMark = Views.modelInputMark();
        pickedMark.setId("drift-model-input");
        pickedMark.visibleProperty().bind(model.modelInputProperty());
        model.featureProperty().addListener((obs, old, now) -> picker.setValue(now));
        picker.valueProperty().addListener((obs, old, now) -> model.select(now));
        Label scope = new Label();
        scope.setId("drift-scope");
        scope.getStyleClass().add(Styles.MUTED);
        scope.textProperty().bind(model.scopeProperty());
        javafx.scene.control.Hyperlink all = new javafx.scene.control.Hyperlink(Text.get("drift.scope.back"));
        all.setId("drift-all-production");
        all.visibleProperty().bind(model.scopeProperty().isNotEqualTo(Text.get("drift.scope.all")));
        all.setOnAction(e -> model.showAllProduction());
        HBox header = new HBox(14, Views.title(Text.get("view.drift")), scope, all, Views.grow(), pickedMark, new Label(Text.get("drift.feature")), picker);
        header.setAlignment(Pos.CENTER_LEFT);

        for (var chart : java.util.List.of(histogram, ecdf, bars)) {
            chart.setAnimated(false);
            chart.setLegendVisible(true);
            chart.setMinHeight(220);
            ChartActions.install(chart);
        }
        histogram.setCreateSymbols(false);
        histogram.setId("drift-histogram");
        histogram.getYAxis().setLabel(Text.get("drift.axis.share"));
        ecdf.setCreateSymbols(false);
        ecdf.setId("drift-ecdf");
        ecdf.getYAxis().setLabel(Text.get("drift.axis.cumulative"));
        bars.setId("drift-bars");
        bars.getYAxis().setLabel(Text.get("drift.axis.share"));
        bars.setBarGap(1);
        bars.setCategoryGap(10);
        ((NumberAxis) histogram.getXAxis()).setForceZeroInRange(false);
        ((NumberAxis) ecdf.getXAxis()).setForceZeroInRange(false);
        histogramNote.getStyleClass().add(Styles.MUTED);
        ksNote.getStyleClass().add(Styles.MUTED);
        ksNote.setId("ks-note");

        VBox numeric = new VBox(12,
                Views.card(Text.get("drift.histogram"), new VBox(4, histogram, histogramNote)),
                Views.card(Text.get("drift.ecdf"), new VBox(4, ecdf, ksNote)));
        VBox.setVgrow(numeric.getChildren().get(0), Priority.ALWAYS);
        VBox.setVgrow(numeric.getChildren().get(1), Priority.ALWAYS);
        VBox categorical = new VBox(12, Views.card(Text.get("drift.categories"),
                new VBox(4, bars, Views.muted(Text.get("drift.categories.unseen")))));
        VBox.setVgrow(categorical.getChildren().get(0), Priority.ALWAYS);
        VBox.setVgrow(bars, Priority.ALWAYS);
        VBox.setVgrow(histogram, Priority.ALWAYS);
        VBox.setVgrow(ecdf, Priority.ALWAYS);
        histogramNote.setWrapText(true);
        ksNote.setWrapText(true);
        // The notes wrap onto more lines, taken from the chart, rather than end in "...".
        histogramNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ksNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane empty = Views.emptyState(model.messageProperty());
        numeric.visibleProperty().bind(model.kindProperty().isEqualTo(DriftViewModel.Kind.NUMERIC));
        categorical.visibleProperty().bind(model.kindProperty().isEqualTo(DriftViewModel.Kind.CATEGORICAL));
        empty.visibleProperty().bind(model.kindProperty().isEqualTo(DriftViewModel.Kind.NONE));
        StackPane charts = new StackPane(numeric, categorical, empty);

        VBox statistics = Views.card(Text.get("drift.statistics"), Views.statisticTable(model.statistics()));
        statistics.setPrefWidth(390); // statistic names whole ("Standardized mean difference")
        statistics.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the charts give way, not the names
        statistics.visibleProperty().bind(Bindings.isNotEmpty(model.statistics()));
        statistics.managedProperty().bind(statistics.visibleProperty());
        HBox body = new HBox(14, charts, statistics);
        HBox.setHgrow(charts, Priority.ALWAYS);
        // Every column at once, sortable, on the one scale all types share; a double-click opens that column.
        javafx.scene.control.TableView<DriftSummary> summaryTable = summaryTable();
        VBox summaryCard = Views.card(Text.get("drift.summary"), new VBox(6, Views.muted(Text.get("drift.summary.help")),
                summaryTable));
        VBox.setVgrow(summaryTable, Priority.ALWAYS);
        javafx.scene.control.Tab one = new javafx.scene.control.Tab(Text.get("drift.tab.one"), body);
        one.setId("drift-tab-one");
        javafx.scene.control.Tab allColumns = new javafx.scene.control.Tab(Text.get("drift.tab.all"), summaryCard);
        allColumns.setId("drift-tab-all");
        tabs.getTabs().addAll(one, allColumns);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        summaryTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && summaryTable.getSelectionModel().getSelectedItem() != null) {
                tabs.getSelectionModel().select(one);
            }
        });
        VBox content = new VBox(14, header, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        content.getStyleClass().add("page-content");
        setCenter(content);

        model.histogramProperty().addListener((obs, old, now) -> drawHistogram(now));
        model.ecdfProperty().addListener((obs, old, now) -> drawEcdf(now));
        model.categories().addListener((ListChangeListener<CategoryBar>) c -> drawBars());
        drawHistogram(model.histogramProperty().get());
        drawEcdf(model.ecdfProperty().get());
        drawBars();
    }

    private void drawHistogram(Histogram data) {
        histogram.getData().clear();
        if (data == null) {
            return;
        }
        XYChart.Series<Number, Number> train = new XYChart.Series<>();
        train.setName(Text.get("series.train"));
        XYChart.Series<Number, Number> prod = new XYChart.Series<>();
        prod.setName(Text.get("series.prod"));
        // Steps: each bin drawn flat across its width.
        for (int i = 0; i < data.bins(); i++) {
            train.getData().add(new XYChart.Data<>(data.edges()[i], data.train()[i]));
            train.getData().add(new XYChart.Data<>(data.edges()[i + 1], data.train()[i]));
            prod.getData().add(new XYChart.Data<>(data.edges()[i], data.prod()[i]));
            prod.getData().add(new XYChart.Data<>(data.edges()[i + 1], data.prod()[i]));
        }
        histogram.getData().add(train);
        histogram.getData().add(prod);
        histogramNote.setText(data.clippedTrain() + data.clippedProd() == 0 ? ""
                : Text.get("drift.clipped", data.clippedTrain(), data.clippedProd()));
    }

    private void drawEcdf(Ecdf data) {
        ecdf.getData().clear();
        if (data == null) {
            ksNote.setText("");
            return;
        }
        ecdf.getData().add(steps(Text.get("series.train"), data.trainX(), data.trainY()));
        ecdf.getData().add(steps(Text.get("series.prod"), data.prodX(), data.prodY()));
        XYChart.Series<Number, Number> mark = new XYChart.Series<>();
        mark.setName(Text.get("series.ks"));
        mark.getData().add(new XYChart.Data<>(data.gapAt(), data.trainAtGap()));
        mark.getData().add(new XYChart.Data<>(data.gapAt(), data.prodAtGap()));
        ecdf.getData().add(mark);
        ksNote.setText(Text.get("drift.ks.note", Formats.number(data.gap()), Formats.number(data.gapAt()),
                Formats.percent(data.trainAtGap()), Formats.percent(data.prodAtGap())));
    }

    private static XYChart.Series<Number, Number> steps(String name, double[] x, double[] y) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (int i = 0; i < x.length; i++) {
            series.getData().add(new XYChart.Data<>(x[i], i == 0 ? 0 : y[i - 1]));
            series.getData().add(new XYChart.Data<>(x[i], y[i]));
        }
        return series;
    }

    private void drawBars() {
        bars.getData().clear();
        if (model.categories().isEmpty()) {
            return;
        }
        XYChart.Series<String, Number> train = new XYChart.Series<>();
        train.setName(Text.get("series.train"));
        XYChart.Series<String, Number> prod = new XYChart.Series<>();
        prod.setName(Text.get("series.prod"));
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (CategoryBar bar : model.categories()) {
            String label = bar.unseen() ? Text.get("drift.unseen.label", bar.label()) : bar.label();
            labels.add(label);
            train.getData().add(new XYChart.Data<>(label, bar.train()));
            XYChart.Data<String, Number> prodBar = new XYChart.Data<>(label, bar.prod());
            if (bar.unseen()) {
                prodBar.nodeProperty().addListener((obs, old, node) -> {
                    if (node != null) {
                        node.getStyleClass().add(Styles.UNSEEN);
                    }
                });
            }
            prod.getData().add(prodBar);
        }
        ((CategoryAxis) bars.getXAxis()).getCategories().setAll(labels);
        bars.getData().add(train);
        bars.getData().add(prod);
    }

    private javafx.scene.control.TableView<DriftSummary> summaryTable() {
        javafx.scene.control.TableView<DriftSummary> table = new javafx.scene.control.TableView<>();
        table.setId("drift-summary");
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        javafx.collections.transformation.SortedList<DriftSummary> sorted = new javafx.collections.transformation.SortedList<>(model.summary());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        var name = textColumn(Text.get("drift.summary.col.column"), Text.get("drift.summary.col.column.help"), DriftSummary::feature);
        var type = textColumn(Text.get("drift.summary.col.type"), Text.get("drift.summary.col.type.help"), s -> s.type().jsonName());
        var js = numberColumn(Text.get("drift.summary.col.js"), Text.get("drift.summary.col.js.help"), DriftSummary::jensenShannon);
        js.setId("drift-summary-js");
        var judged = textColumn(Text.get("drift.summary.col.statistic"), Text.get("drift.summary.col.statistic.help"),
                s -> s.statistic() == null ? "" : StatisticHelp.label(s.statistic()));
        var value = numberColumn(Text.get("drift.summary.col.value"), Text.get("drift.summary.col.value.help"), DriftSummary::statisticValue);
        var psi = numberColumn(Text.get("drift.summary.col.psi"), Text.get("drift.summary.col.psi.help"), DriftSummary::psi);
        var verdict = new javafx.scene.control.TableColumn<DriftSummary, org.modellens.checks.Severity>();
        verdict.setGraphic(header(Text.get("drift.summary.col.verdict"), Text.get("drift.summary.col.verdict.help")));
        verdict.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().severity()));
        // Unjudged (no finding) below info, so a descending sort puts fail first.
        verdict.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        verdict.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(org.modellens.checks.Severity item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "\u2013" : item.jsonName());
            }
        });
        table.getColumns().add(name);
        table.getColumns().add(type);
        table.getColumns().add(js);
        table.getColumns().add(judged);
        table.getColumns().add(value);
        table.getColumns().add(psi);
        table.getColumns().add(verdict);
        name.setPrefWidth(240);
        name.setCellFactory(c -> new org.modellens.app.ui.ColumnNameCell<>(model::isModelInput));
        judged.setPrefWidth(210);
        js.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(js);
        table.setPlaceholder(Views.muted(Text.get("drift.empty.noReport")));
        Views.keepHeadersWhole(table);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.select(now.feature());
            }
        });
        return table;
    }

    private static javafx.scene.control.TableColumn<DriftSummary, String> textColumn(String title, String help,
            java.util.function.Function<DriftSummary, String> value) {
        var column = new javafx.scene.control.TableColumn<DriftSummary, String>();
        column.setGraphic(header(title, help));
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(110);
        return column;
    }

    private static javafx.scene.control.TableColumn<DriftSummary, Double> numberColumn(String title, String help,
            java.util.function.ToDoubleFunction<DriftSummary> value) {
        var column = new javafx.scene.control.TableColumn<DriftSummary, Double>();
        column.setGraphic(header(title, help));
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.applyAsDouble(c.getValue())));
        // Not measured sorts below every measured value, whichever the direction.
        column.setComparator((a, b) -> Double.compare(Double.isNaN(a) ? Double.NEGATIVE_INFINITY : a,
                Double.isNaN(b) ? Double.NEGATIVE_INFINITY : b));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Formats.number(item));
            }
        });
        column.getStyleClass().add(Styles.NUMERIC);
        column.setPrefWidth(110);
        return column;
    }

    private static Label header(String text, String help) {
        Label label = new Label(text);
        label.setTooltip(Views.tooltip(help));
        return label;
    }

    /** The page's two tabs: the selected column, and all columns. */
    public javafx.scene.control.TabPane tabs() {
        return tabs;
    }

    public AreaChart<Number, Number> histogram() {
        return histogram;
    }

    public LineChart<Number, Number> ecdf() {
        return ecdf;
    }

    public BarChart<String, Number> bars() {
        return bars;
    }

    /** A column in the picker, marked when the model reads it. */
    private static final class FeatureCell extends javafx.scene.control.ListCell<String> {
        private final Label mark = Views.modelInputMark();
        private final java.util.function.Predicate<String> isModelInput;

        FeatureCell(java.util.function.Predicate<String> isModelInput) {
            this.isModelInput = isModelInput;
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            setGraphicTextGap(8);
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            setText(empty ? null : name);
            setGraphic(!empty && isModelInput.test(name) ? mark : null);
        }
    }
}
