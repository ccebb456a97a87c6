package org.modellens.app.ui.explanations;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.modellens.app.ui.Formats;
import org.modellens.app.ui.Styles;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.Views;
import org.modellens.app.ui.charts.BeeswarmChart;
import org.modellens.app.ui.charts.ChartActions;
import org.modellens.app.ui.charts.DependenceChart;
import org.modellens.app.ui.charts.WaterfallChart;
import org.modellens.app.ui.explanations.ExplanationsViewModel.ColourBy;
import org.modellens.app.ui.explanations.ExplanationsViewModel.RowSort;
import org.modellens.app.ui.explanations.ExplanationsViewModel.Side;

/**
 * The plots SHAP users know, over the view-model: beeswarm (training, production or side by side) or
 * the importance bars; the selected feature's dependence plot; the row picker and its row's waterfall.
 */
public final class ExplanationsView extends BorderPane {

    private final ExplanationsViewModel model;
    private final BarChart<Number, String> importance = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final BeeswarmChart beeswarmTrain = new BeeswarmChart();
    private final BeeswarmChart beeswarmProd = new BeeswarmChart();
    private final WaterfallChart waterfall = new WaterfallChart();
    private final DependenceChart dependence = new DependenceChart();
    private final TableView<RowChoice> rowTable = new TableView<>();
    /** The bars instead of the beeswarm: a view-only choice of picture, the data are the same. */
    private final ToggleButton bars = new ToggleButton(Text.get("explain.importance.bars"));

    public ExplanationsView(ExplanationsViewModel model) {
        this.model = model;
        setId("explanations-view");
        getStyleClass().add(Styles.PAGE);

        importance.setId("importance-chart");
        importance.setAnimated(false);
        importance.getXAxis().setLabel(Text.get("explain.axis.meanAbs"));
        importance.setBarGap(1);
        importance.setCategoryGap(6);
        beeswarmTrain.setId("beeswarm-train");
        beeswarmProd.setId("beeswarm-prod");
        dependence.setId("dependence-chart");
        dependence.setDescriber(model::describePoint);
        beeswarmTrain.setDescriber((line, dot) -> model.describeDot(line, dot, false));
        beeswarmProd.setDescriber((line, dot) -> model.describeDot(line, dot, true));
        waterfall.setId("waterfall");
        // Save as PNG/SVG and Copy on every picture; the canvas plots get the menu, their dots no tooltips.
        for (Region chart : List.of(importance, beeswarmTrain, beeswarmProd, dependence, waterfall)) {
            ChartActions.install(chart);
        }
        model.importance().addListener((ListChangeListener<ImportanceRow>) c -> drawImportance());
        model.beeswarmTrain().addListener((ListChangeListener<BeeswarmRow>) c -> drawBeeswarms());
        model.beeswarmProd().addListener((ListChangeListener<BeeswarmRow>) c -> drawBeeswarms());
        model.beeswarmSideProperty().addListener((obs, old, now) -> drawBeeswarms());
        model.dependence().addListener((ListChangeListener<DependencePoint>) c -> drawDependence());
        model.waterfall().addListener((ListChangeListener<WaterfallStep>) c -> waterfall.show(model.waterfall()));

        Label space = new Label();
        space.textProperty().bind(model.spaceProperty());
        space.getStyleClass().add(Styles.MUTED);
        ComboBox<String> classPicker = new ComboBox<>(model.classes());
        classPicker.setId("explain-class");
        classPicker.valueProperty().bindBidirectional(model.explainedClassProperty());
        classPicker.setCellFactory(list -> new ClassCell());
        classPicker.setButtonCell(new ClassCell());
        Label classLabel = new Label(Text.get("explain.class.pick"));
        for (Node node : List.of(classLabel, classPicker)) {
            node.visibleProperty().bind(Bindings.isNotEmpty(model.classes()));
            node.managedProperty().bind(node.visibleProperty());
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(14, Views.title(Text.get("view.explanations")), space, grow, classLabel, classPicker);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(14);
        grid.add(Views.card(Text.get("explain.beeswarm"), beeswarmCard()), 0, 0);
        grid.add(Views.card(Text.get("explain.dependence"), dependenceCard()), 1, 0);
        grid.add(Views.card(Text.get("explain.rows"), rowPickerCard()), 0, 1);
        grid.add(Views.card(Text.get("explain.waterfall"), waterfallCard()), 1, 1);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(54);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(46);
        grid.getColumnConstraints().addAll(half, half);
        grid.getRowConstraints().addAll(top, bottom);
        grid.getChildren().forEach(card -> GridPane.setFillHeight(card, true));

        StackPane empty = Views.emptyState(model.messageProperty());
        empty.visibleProperty().bind(model.availableProperty().not());
        grid.visibleProperty().bind(model.availableProperty());
        StackPane body = new StackPane(grid, empty);
        VBox content = new VBox(14, header, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        content.getStyleClass().add("page-content");
        setCenter(content);
        drawImportance();
        drawBeeswarms();
        drawDependence();
        waterfall.show(model.waterfall());
    }

    private Node beeswarmCard() {
        ToggleGroup sides = new ToggleGroup();
        HBox switches = new HBox(4);
        switches.setAlignment(Pos.CENTER_LEFT);
        for (Side side : Side.values()) {
            ToggleButton button = new ToggleButton(Text.get("explain.beeswarm.side." + side.name().toLowerCase(java.util.Locale.ROOT)));
            button.setId("beeswarm-" + side.name().toLowerCase(java.util.Locale.ROOT));
            button.setToggleGroup(sides);
            button.setUserData(side);
            button.setSelected(model.beeswarmSideProperty().get() == side);
            switches.getChildren().add(button);
        }
        sides.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one side is always shown
            } else {
                bars.setSelected(false);
                model.beeswarmSideProperty().set((Side) now.getUserData());
            }
        });
        model.beeswarmSideProperty().addListener((obs, old, now) -> sides.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));
        bars.setId("importance-bars");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        switches.getChildren().addAll(gap, bars);

        HBox swarms = new HBox(4, beeswarmTrain, beeswarmProd);
        HBox.setHgrow(beeswarmTrain, Priority.ALWAYS);
        HBox.setHgrow(beeswarmProd, Priority.ALWAYS);
        beeswarmTrain.setMinWidth(0);
        beeswarmProd.setMinWidth(0);
        VBox legend = legend("beeswarm-legend", Text.get("explain.legend.value"));
        HBox plot = new HBox(6, swarms, legend);
        HBox.setHgrow(swarms, Priority.ALWAYS);
        StackPane pictures = new StackPane(plot, importance);
        plot.visibleProperty().bind(bars.selectedProperty().not());
        importance.visibleProperty().bind(bars.selectedProperty());
        VBox.setVgrow(pictures, Priority.ALWAYS);
        Label help = Views.muted(Text.get("explain.beeswarm.help"));
        help.setWrapText(true);
        return grower(new VBox(6, switches, pictures, help), pictures);
    }

    /** SHAP's colour bar: high on top, low below, what it measures beside it. */
    private static VBox legend(String id, String title) {
        Region bar = new Region();
        bar.getStyleClass().add("value-colour-bar");
        bar.setMinWidth(10);
        bar.setPrefWidth(10);
        VBox.setVgrow(bar, Priority.ALWAYS);
        Label high = new Label(Text.get("explain.legend.high"));
        Label low = new Label(Text.get("explain.legend.low"));
        high.setMinWidth(Region.USE_PREF_SIZE);
        low.setMinWidth(Region.USE_PREF_SIZE);
        Label what = new Label(title);
        what.setId(id + "-title");
        what.setRotate(-90);
        what.setMinWidth(Region.USE_PREF_SIZE);
        VBox column = new VBox(2, high, bar, low);
        column.setAlignment(Pos.CENTER);
        Group rotated = new Group(what);
        VBox legend = new VBox(new HBox(2, column, new StackPane(rotated)));
        ((HBox) legend.getChildren().get(0)).setAlignment(Pos.CENTER);
        VBox.setVgrow(legend.getChildren().get(0), Priority.ALWAYS);
        ((HBox) legend.getChildren().get(0)).setFillHeight(true);
        VBox.setVgrow(column, Priority.ALWAYS);
        legend.setId(id);
        legend.getStyleClass().add("value-legend");
        legend.setPadding(new javafx.geometry.Insets(20, 0, 40, 0));
        return legend;
    }

    private Node dependenceCard() {
        Label title = new Label();
        title.setId("dependence-title");
        title.textProperty().bind(Bindings.createStringBinding(
                () -> model.dependenceFeatureProperty().get() == null ? Text.get("explain.dependence")
                        : Text.get("explain.dependence.of", model.dependenceFeatureProperty().get()),
                model.dependenceFeatureProperty()));
        title.getStyleClass().add("card-subtitle");
        ToggleGroup colours = new ToggleGroup();
        RadioButton bySide = new RadioButton(Text.get("explain.dependence.colour.side"));
        bySide.setId("colour-by-side");
        RadioButton byInteraction = new RadioButton(Text.get("explain.dependence.colour.interaction"));
        byInteraction.setId("colour-by-interaction");
        bySide.setToggleGroup(colours);
        byInteraction.setToggleGroup(colours);
        bySide.setSelected(model.colourByProperty().get() == ColourBy.SIDE);
        byInteraction.setSelected(model.colourByProperty().get() == ColourBy.INTERACTION);
        colours.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.colourByProperty().set(now == bySide ? ColourBy.SIDE : ColourBy.INTERACTION);
            }
        });
        model.colourByProperty().addListener((obs, old, now) -> (now == ColourBy.SIDE ? bySide : byInteraction).setSelected(true));
        ComboBox<String> partner = new ComboBox<>(model.interactionChoices());
        partner.setId("interaction-feature");
        partner.setCellFactory(list -> new InteractionCell());
        partner.setButtonCell(new InteractionCell());
        partner.setValue(model.interactionFeatureProperty().get());
        model.interactionFeatureProperty().addListener((obs, old, now) -> partner.setValue(now));
        partner.setOnAction(e -> {
            String picked = partner.getValue();
            if (picked != null && !picked.equals(model.interactionFeatureProperty().get())) {
                model.chooseInteraction(picked);
            }
        });
        for (Node fixed : List.of(bySide, byInteraction)) {
            ((Region) fixed).setMinWidth(Region.USE_PREF_SIZE);
        }
        partner.setMinWidth(80);
        HBox.setHgrow(partner, Priority.SOMETIMES);
        HBox controls = new HBox(8, bySide, byInteraction, partner);
        controls.setAlignment(Pos.CENTER_LEFT);

        HBox sideKey = new HBox(10, key("legend-train", Text.get("series.train")), key("legend-prod", Text.get("series.prod")));
        sideKey.setId("dependence-side-key");
        sideKey.visibleProperty().bind(model.colourByProperty().isEqualTo(ColourBy.SIDE));
        Label shapes = Views.muted(Text.get("explain.dependence.sides"));
        shapes.visibleProperty().bind(sideKey.visibleProperty().not());
        StackPane keys = new StackPane(sideKey, shapes);
        keys.setAlignment(Pos.CENTER_LEFT);
        sideKey.setAlignment(Pos.CENTER_LEFT);

        VBox legend = legend("dependence-legend", "");
        Label legendTitle = (Label) legend.lookup("#dependence-legend-title");
        legendTitle.textProperty().bind(Bindings.createStringBinding(() -> model.interactionFeatureProperty().get() == null ? ""
                : model.interactionFeatureProperty().get(), model.interactionFeatureProperty()));
        legend.visibleProperty().bind(model.colourByProperty().isEqualTo(ColourBy.INTERACTION));
        legend.managedProperty().bind(legend.visibleProperty());
        HBox plot = new HBox(6, dependence, legend);
        HBox.setHgrow(dependence, Priority.ALWAYS);
        dependence.setMinWidth(0);
        Label message = new Label();
        message.textProperty().bind(model.dependenceMessageProperty());
        message.getStyleClass().add(Styles.MUTED);
        model.colourByProperty().addListener((obs, old, now) -> drawDependence());
        return grower(new VBox(6, title, controls, keys, plot, message), plot);
    }

    private static HBox key(String styleClass, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", styleClass);
        swatch.setMinSize(10, 10);
        swatch.setMaxSize(10, 10);
        HBox key = new HBox(4, swatch, new Label(text));
        key.setAlignment(Pos.CENTER_LEFT);
        return key;
    }

    private Node rowPickerCard() {
        TextField search = new TextField();
        search.setId("row-search");
        search.textProperty().bindBidirectional(model.rowSearchProperty());
        search.promptTextProperty().bind(Bindings.createStringBinding(() -> model.idColumnProperty().get() == null
                ? Text.get("explain.rows.searchRow") : Text.get("explain.rows.search", model.idColumnProperty().get()),
                model.idColumnProperty()));
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<RowSort> sort = new ComboBox<>();
        sort.setId("row-sort");
        Runnable sorts = () -> sort.getItems().setAll(model.labelledProperty().get() ? List.of(RowSort.values())
                : List.of(RowSort.ROW, RowSort.PREDICTION, RowSort.CONTRIBUTION));
        sorts.run();
        model.labelledProperty().addListener((obs, old, now) -> sorts.run());
        sort.valueProperty().bindBidirectional(model.rowSortProperty());
        sort.setCellFactory(list -> new SortCell());
        sort.setButtonCell(new SortCell());
        Label sortBy = new Label(Text.get("explain.rows.sort"));
        sortBy.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the search field gives way, not "Sort..."
        HBox bar = new HBox(8, search, sortBy, sort);
        bar.setAlignment(Pos.CENTER_LEFT);

        rowTable.setId("row-table");
        rowTable.setItems(model.rowChoices());
        rowTable.setPlaceholder(new Label(Text.get("explain.rows.none")));
        rowTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RowChoice, String> id = textColumn("", c -> c.id());
        id.textProperty().bind(model.idColumnProperty());
        id.visibleProperty().bind(model.idColumnProperty().isNotNull());
        TableColumn<RowChoice, String> row = textColumn(Text.get("explain.rows.column.row"), c -> Integer.toString(c.row().rowIndex()));
        TableColumn<RowChoice, String> prediction = textColumn(Text.get("explain.rows.column.prediction"),
                c -> Formats.number(c.row().prediction()));
        TableColumn<RowChoice, String> label = textColumn(Text.get("explain.rows.column.label"), RowChoice::label);
        TableColumn<RowChoice, String> error = textColumn(Text.get("explain.rows.column.error"),
                c -> Double.isNaN(c.error()) ? "" : Formats.number(c.error()));
        label.visibleProperty().bind(model.labelledProperty());
        error.visibleProperty().bind(model.labelledProperty());
        TableColumn<RowChoice, String> contribution = textColumn("", c -> Double.isNaN(c.contribution()) ? ""
                : Formats.number(c.contribution()));
        contribution.textProperty().bind(Bindings.createStringBinding(() -> model.dependenceFeatureProperty().get() == null
                ? Text.get("explain.rows.column.contribution") : model.dependenceFeatureProperty().get(),
                model.dependenceFeatureProperty()));
        id.setPrefWidth(120);
        row.setPrefWidth(56);
        prediction.setPrefWidth(90);
        label.setPrefWidth(56);
        error.setPrefWidth(70);
        contribution.setPrefWidth(110);
        // Room for a number as Formats writes it ("-0.00902"), whatever the headers leave.
        for (TableColumn<RowChoice, String> number : List.of(prediction, error, contribution)) {
            number.setMinWidth(72);
        }
        rowTable.getColumns().setAll(List.of(id, row, prediction, label, error, contribution));
        Views.keepHeadersWhole(rowTable);
        rowTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.rowProperty().set(now.row());
            }
        });
        model.rowProperty().addListener((obs, old, now) -> selectRow());
        model.rowChoices().addListener((ListChangeListener<RowChoice>) c -> selectRow());
        VBox.setVgrow(rowTable, Priority.ALWAYS);
        return grower(new VBox(6, bar, rowTable), rowTable);
    }

    /** Keeps the table's selection on the view-model's row. */
    private void selectRow() {
        for (RowChoice choice : model.rowChoices()) {
            if (choice.row().equals(model.rowProperty().get())) {
                if (rowTable.getSelectionModel().getSelectedItem() != choice) {
                    rowTable.getSelectionModel().select(choice);
                    rowTable.scrollTo(choice);
                }
                return;
            }
        }
    }

    private static TableColumn<RowChoice, String> textColumn(String title, java.util.function.Function<RowChoice, String> text) {
        TableColumn<RowChoice, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setSortable(false);
        // A value too long for its column keeps its whole text in a tooltip.
        column.setCellFactory(c -> Views.wholeTextCell());
        return column;
    }

    private Node waterfallCard() {
        Label which = new Label();
        which.setId("waterfall-row");
        which.textProperty().bind(Bindings.createStringBinding(() -> model.rowProperty().get() == null ? ""
                : ExplanationsViewModel.describe(model.rowProperty().get()), model.rowProperty()));
        which.getStyleClass().add("card-subtitle");
        ScrollPane scroll = new ScrollPane(waterfall);
        scroll.setFitToWidth(true);
        return grower(new VBox(6, which, scroll), scroll);
    }

    private static VBox grower(VBox box, Node growing) {
        VBox.setVgrow(growing, Priority.ALWAYS);
        box.setMaxHeight(Double.MAX_VALUE);
        return box;
    }

    private void drawBeeswarms() {
        Side side = model.beeswarmSideProperty().get();
        boolean showTrain = side != Side.PRODUCTION;
        boolean showProd = side != Side.TRAINING;
        beeswarmTrain.setVisible(showTrain);
        beeswarmTrain.setManaged(showTrain);
        beeswarmProd.setVisible(showProd);
        beeswarmProd.setManaged(showProd);
        double[] a = BeeswarmChart.extent(model.beeswarmTrain());
        double[] b = BeeswarmChart.extent(model.beeswarmProd());
        // Side by side on one scale, so a dot's place compares across the two.
        double lo = Math.min(showTrain ? a[0] : Double.POSITIVE_INFINITY, showProd ? b[0] : Double.POSITIVE_INFINITY);
        double hi = Math.max(showTrain ? a[1] : Double.NEGATIVE_INFINITY, showProd ? b[1] : Double.NEGATIVE_INFINITY);
        String axis = Text.get("explain.axis.contribution", model.unitsProperty().get());
        beeswarmTrain.setRange(lo, hi);
        beeswarmProd.setRange(lo, hi);
        beeswarmTrain.show(model.beeswarmTrain(), Text.get("series.train"), axis);
        beeswarmProd.show(model.beeswarmProd(), Text.get("series.prod"), axis);
        beeswarmProd.setLabels(!showTrain);
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
                        Formats.number(data.getXValue().doubleValue()))));
            }
        });
        return data;
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private void drawDependence() {
        String feature = model.dependenceFeatureProperty().get();
        dependence.show(model.dependence(), model.colourByProperty().get() == ColourBy.SIDE, feature == null ? "" : feature,
                Text.get("explain.axis.contribution.of", feature == null ? "" : feature, model.unitsProperty().get()));
    }

    public WaterfallChart waterfall() {
        return waterfall;
    }

    public DependenceChart dependenceChart() {
        return dependence;
    }

    public BeeswarmChart beeswarmTrain() {
        return beeswarmTrain;
    }

    public BeeswarmChart beeswarmProd() {
        return beeswarmProd;
    }

    public TableView<RowChoice> rowTable() {
        return rowTable;
    }

    private final class InteractionCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean strongest = item != null && !model.interactionChoices().isEmpty() && item.equals(model.interactionChoices().get(0));
            setText(empty || item == null ? null : strongest ? Text.get("explain.dependence.strongest", item) : item);
        }
    }

    private static final class SortCell extends ListCell<RowSort> {
        @Override
        protected void updateItem(RowSort item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Text.get("explain.rows.sort." + item.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private static final class ClassCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : ExplanationsViewModel.describeClass(item));
        }
    }
}
