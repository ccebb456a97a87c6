package org.modellens.app.ui.features;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.controlsfx.control.table.TableFilter;
import org.controlsfx.control.textfield.TextFields;
import org.modellens.app.ui.Formats;
import org.modellens.app.ui.StatisticHelp;
import org.modellens.app.ui.Styles;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.Views;
import org.modellens.app.ui.charts.Sparkline;

/**
 * Every column in a virtualized, sortable table (ControlsFX column filters, a search field) with a
 * sparkline of its distribution on each side.
 */
public final class FeaturesView extends BorderPane {

    private final TableView<FeatureRow> table = new TableView<>();

    public FeaturesView(FeaturesViewModel model) {
        setId("features-view");
        getStyleClass().add(Styles.PAGE);
        table.setId("features-table");
        // Several rows at once, for Ctrl+C.
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.setItems(model.rows());
        table.setPlaceholder(Views.muted(Text.get("features.none")));
        table.setFixedCellSize(30);

        TableColumn<FeatureRow, FeatureRow> severity = new TableColumn<>();
        severity.setGraphic(header(Text.get("features.col.findings"), Text.get("features.col.findings.help")));
        severity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        severity.setComparator(java.util.Comparator.comparingInt(FeatureRow::severityRank));
        severity.setCellFactory(c -> new SeverityCell());
        severity.setPrefWidth(100);

        TableColumn<FeatureRow, String> name = text(Text.get("features.col.name"), Text.get("features.col.name.help"), FeatureRow::name);
        name.setPrefWidth(260);
        name.setCellFactory(c -> new org.modellens.app.ui.ColumnNameCell<>(model::isModelInput));
        TableColumn<FeatureRow, String> role = text(Text.get("features.col.role"), Text.get("features.col.role.help"), FeatureRow::role);
        TableColumn<FeatureRow, String> type = text(Text.get("features.col.type"), Text.get("features.col.type.help"), FeatureRow::type);
        TableColumn<FeatureRow, Double> trainMissing = number(Text.get("features.col.trainMissing"),
                Text.get("features.col.missing.help"), FeatureRow::trainMissing, true);
        TableColumn<FeatureRow, Double> prodMissing = number(Text.get("features.col.prodMissing"),
                Text.get("features.col.missing.help"), FeatureRow::prodMissing, true);
        TableColumn<FeatureRow, Double> drift = number(Text.get("features.col.drift"),
                Text.get("features.col.drift.help") + "\n\n" + StatisticHelp.tooltip("feature-drift", "ks", model.settings()), FeatureRow::drift, false);
        drift.setId("drift-column");
        TableColumn<FeatureRow, Double> psi = number(Text.get("features.col.psi"),
                StatisticHelp.tooltip("feature-drift", "psi", model.settings()), FeatureRow::psi, false);
        TableColumn<FeatureRow, FeatureRow> sparkline = new TableColumn<>();
        sparkline.setGraphic(header(Text.get("features.col.distribution"), Text.get("features.col.distribution.help")));
        sparkline.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        sparkline.setCellFactory(c -> new SparklineCell());
        sparkline.setSortable(false);
        sparkline.setPrefWidth(130);
        table.getColumns().add(severity);
        table.getColumns().add(name);
        table.getColumns().add(role);
        table.getColumns().add(type);
        table.getColumns().add(trainMissing);
        table.getColumns().add(prodMissing);
        table.getColumns().add(drift);
        table.getColumns().add(psi);
        table.getColumns().add(sparkline);
        drift.setCellFactory(c -> new DriftCell());
        // ControlsFX column filters (click a header's filter icon); lazy so 1,000 columns open at once.
        TableFilter.forTableView(table).lazy(true).apply();
        Views.keepHeadersWhole(table);

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.select(now));
        model.selectedFeatureProperty().addListener((obs, old, now) -> follow(now));
        table.getItems().addListener((javafx.collections.ListChangeListener<FeatureRow>) c -> follow(model.selectedFeatureProperty().get()));

        TextField search = TextFields.createClearableTextField();
        search.setId("feature-search");
        search.setPromptText(Text.get("features.search"));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setPrefWidth(260);
        CheckBox onlyFindings = new CheckBox(Text.get("features.onlyFindings"));
        onlyFindings.selectedProperty().bindBidirectional(model.onlyWithFindingsProperty());
        Label count = new Label();
        count.getStyleClass().add(Styles.MUTED);
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Text.get("features.count", table.getItems().size(), model.allRows().size()), table.getItems(), model.rows()));
        HBox tools = new HBox(12, search, onlyFindings, Views.grow(), count);
        tools.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(14, Views.title(Text.get("view.features")), tools, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        content.getStyleClass().add("page-content");
        setCenter(content);
    }

    private void follow(String feature) {
        FeatureRow selected = table.getSelectionModel().getSelectedItem();
        if (feature == null || (selected != null && selected.name().equals(feature))) {
            return;
        }
        for (FeatureRow row : table.getItems()) {
            if (row.name().equals(feature)) {
                // Replace, not add: the table takes several rows for Ctrl+C, but follows one selection.
                table.getSelectionModel().clearAndSelect(table.getItems().indexOf(row));
                table.scrollTo(row);
                return;
            }
        }
    }

    public TableView<FeatureRow> table() {
        return table;
    }

    private static Label header(String text, String help) {
        Label label = new Label(text);
        label.setTooltip(Views.tooltip(help));
        return label;
    }

    private static TableColumn<FeatureRow, String> text(String title, String help, Function<FeatureRow, String> value) {
        TableColumn<FeatureRow, String> column = new TableColumn<>();
        column.setGraphic(header(title, help));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(100);
        return column;
    }

    private static TableColumn<FeatureRow, Double> number(String title, String help, Function<FeatureRow, Double> value, boolean percent) {
        TableColumn<FeatureRow, Double> column = new TableColumn<>();
        column.setGraphic(header(title, help));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator((a, b) -> Double.compare(Double.isNaN(a) ? -1 : a, Double.isNaN(b) ? -1 : b));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : percent ? Formats.percent(item) : Formats.number(item));
            }
        });
        column.getStyleClass().add(Styles.NUMERIC);
        column.setPrefWidth(100);
        return column;
    }

    /** The drift value with its statistic's name: "KS 0.234" or "TV 0.399". */
    private static final class DriftCell extends TableCell<FeatureRow, Double> {
        @Override
        protected void updateItem(Double item, boolean empty) {
            super.updateItem(item, empty);
            FeatureRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(row == null || row.driftName().isEmpty() ? (empty ? null : "\u2013")
                    : row.driftName() + "  " + Formats.number(row.drift()));
        }
    }

    /** The gravest finding's severity as a badge, with the number of findings. */
    private static final class SeverityCell extends TableCell<FeatureRow, FeatureRow> {
        private final Label badge = new Label();

        SeverityCell() {
            badge.getStyleClass().add(Styles.BADGE);
            badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(FeatureRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || row.worst() == null) {
                setGraphic(null);
                return;
            }
            badge.setText(row.worst().jsonName().toUpperCase(java.util.Locale.ROOT)
                    + (row.findings() > 1 ? " \u00d7" + row.findings() : ""));
            badge.getStyleClass().removeIf(s -> s.startsWith("severity-"));
            badge.getStyleClass().add(Styles.severity(row.worst()));
            setGraphic(badge);
        }
    }

    /** The column's sparkline. */
    private static final class SparklineCell extends TableCell<FeatureRow, FeatureRow> {
        private final Sparkline sparkline = new Sparkline();

        @Override
        protected void updateItem(FeatureRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            sparkline.show(row.sparkline());
            setGraphic(sparkline);
        }
    }
}
