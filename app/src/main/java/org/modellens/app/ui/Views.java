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

    /**
     * The mark on a column the model reads: a change there moves the model's scores, a change in any
     * other column does not.
     */
    public static Label modelInputMark() {
        Label mark = new Label(Text.get("mark.modelInput"));
        mark.getStyleClass().add(Styles.MODEL_INPUT);
        mark.setMinWidth(Region.USE_PREF_SIZE);
        mark.setTooltip(tooltip(Text.get("mark.modelInput.help")));
        return mark;
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
        name.setPrefWidth(220); // "Standardized mean difference" whole beside its value
        value.setMinWidth(90);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Text.get("stat.none")));
        keepHeadersWhole(table);
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

    /**
     * Keeps every column of the table at least as wide as its header's text, so no header reads
     * "Missing (t...". Measured on the header as styled, whenever the skin or the columns change.
     */
    public static void keepHeadersWhole(TableView<?> table) {
        Runnable fit = () -> javafx.application.Platform.runLater(() -> fitHeaders(table));
        // A header whose text follows a selection (a feature's name) is fitted again when it changes.
        javafx.beans.InvalidationListener retitled = obs -> fit.run();
        table.getColumns().forEach(column -> column.textProperty().addListener(retitled));
        table.skinProperty().addListener((obs, old, now) -> fit.run());
        table.getColumns().addListener((javafx.collections.ListChangeListener<javafx.scene.control.TableColumn<?, ?>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(column -> column.textProperty().addListener(retitled));
            }
            fit.run();
        });
        fit.run();
    }

    private static final String OWN_MIN_WIDTH = "modellens.ownMinWidth";

    /** Room beside a header's text for the sort arrow and the header's own padding. */
    private static final double HEADER_ROOM = 22;

    private static void fitHeaders(TableView<?> table) {
        if (table.getSkin() == null || table.getScene() == null) {
            return;
        }
        table.applyCss();
        table.layout();
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof javafx.scene.control.skin.TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label label) {
                double needed = Math.ceil(label.prefWidth(-1) + HEADER_ROOM);
                // The column's own minimum stays the floor; the header's text only ever raises it.
                javafx.scene.control.TableColumnBase<?, ?> column = header.getTableColumn();
                double own = (double) column.getProperties().computeIfAbsent(OWN_MIN_WIDTH, key -> column.getMinWidth());
                column.setMinWidth(Math.max(own, needed));
            }
        }
    }

    /** A table cell showing its text, and the whole text in a tooltip when it is too long for the column. */
    public static <S> TableCell<S, String> wholeTextCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : tooltip(item));
            }
        };
    }

    /**
     * Holds a severity badge at a common width so badges line up, and lets it grow past that width
     * rather than shrink to "WA...".
     */
    public static javafx.scene.layout.StackPane badgeSlot(Label badge) {
        badge.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.StackPane slot = new javafx.scene.layout.StackPane(badge);
        slot.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        // At least the common width, else the badge's own: never less than the badge needs.
        slot.setMinWidth(BADGE_SLOT);
        slot.setMaxWidth(Region.USE_PREF_SIZE);
        return slot;
    }

    private static final double BADGE_SLOT = 48;

    public static Region grow() {
        Region spacer = new Region();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
