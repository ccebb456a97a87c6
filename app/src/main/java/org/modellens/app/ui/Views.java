package org.modellens.app.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Building blocks the pages share: cards, titles, empty states, statistic tables with tooltips. */
public final class Views {

    private Views() {
    }

    /** A titled panel. */
    public static VBox card(String title, Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.CARD_TITLE);
        VBox card = new VBox(8, heading, content);
        card.getStyleClass().add(Styles.CARD);
        VBox.setVgrow(content, Priority.ALWAYS);
        return card;
    }

    /** A message centred where content would be, for "nothing to show yet". */
    public static StackPane emptyState(ObservableStringValue message) {
        Label label = new Label();
        label.textProperty().bind(message);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.EMPTY_STATE);
        StackPane pane = new StackPane(label);
        pane.getStyleClass().add(Styles.EMPTY_PANE);
        return pane;
    }

    public static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.PAGE_TITLE);
        return label;
    }

    public static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.MUTED);
        label.setWrapText(true);
        // Wrap onto more lines rather than cut the text short.
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    public static Tooltip tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setShowDuration(Duration.seconds(30));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        return tooltip;
    }

    /** A two-column table of statistics, each row with its tooltip. */
    public static TableView<StatisticRow> statisticTable(javafx.collections.ObservableList<StatisticRow> rows) {
        TableView<StatisticRow> table = new TableView<>(rows);
        table.getStyleClass().add(Styles.STAT_TABLE);
        TableColumn<StatisticRow, String> name = new TableColumn<>(Text.get("stat.column.name"));
        name.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().label()));
        TableColumn<StatisticRow, String> value = new TableColumn<>(Text.get("stat.column.value"));
        value.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().value()));
        value.getStyleClass().add(Styles.NUMERIC);
        name.setCellFactory(column -> withTooltip());
        value.setCellFactory(column -> withTooltip());
        name.setPrefWidth(190);
        value.setMinWidth(90);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Text.get("stat.none")));
        table.setPrefHeight(220);
        return table;
    }

    private static TableCell<StatisticRow, String> withTooltip() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                StatisticRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : tooltip(row.tooltip()));
            }
        };
    }

    public static Region grow() {
        Region spacer = new Region();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
