package org.modellens.app.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Ctrl+C (Cmd+C on macOS) in any table of the window copies its selected rows as tab-separated text,
 * a header line first, ready to paste into a spreadsheet. Each cell is copied as the table shows it
 * (the same cell factory draws it), so a copied share reads "12.3%" as on screen; a cell showing only
 * a picture (a sparkline) is copied empty.
 */
public final class TableCopy {

    static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private TableCopy() {
    }

    /** Copies from whichever table has the focus when the shortcut is pressed, every table now and later. */
    public static void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (COPY.match(event) && scene.getFocusOwner() instanceof TableView<?> table
                    && !table.getSelectionModel().getSelectedIndices().isEmpty()) {
                ClipboardContent content = new ClipboardContent();
                content.putString(tsv(table));
                Clipboard.getSystemClipboard().setContent(content);
                event.consume();
            }
        });
    }

    /** The header and the selected rows, in the order shown, as tab-separated lines. */
    public static <S> String tsv(TableView<S> table) {
        List<TableColumn<S, ?>> columns = new ArrayList<>(table.getVisibleLeafColumns());
        StringBuilder text = new StringBuilder();
        List<String> header = new ArrayList<>();
        columns.forEach(column -> header.add(header(column)));
        line(text, header);
        List<Integer> selected = new ArrayList<>(table.getSelectionModel().getSelectedIndices());
        selected.removeIf(i -> i == null || i < 0 || i >= table.getItems().size());
        selected = selected.stream().distinct().sorted().toList();
        for (int index : selected) {
            List<String> cells = new ArrayList<>();
            for (TableColumn<S, ?> column : columns) {
                cells.add(cell(table, column, index));
            }
            line(text, cells);
        }
        return text.toString();
    }

    /** The header's text, or its label's where the header is a graphic with a tooltip. */
    private static String header(TableColumn<?, ?> column) {
        String text = column.getText();
        if ((text == null || text.isEmpty()) && column.getGraphic() instanceof Labeled label) {
            text = label.getText();
        }
        return text == null ? "" : text;
    }

    /** What the column's own cell shows for the row: drawn by its cell factory, then read back. */
    private static <S, T> String cell(TableView<S> table, TableColumn<S, T> column, int index) {
        TableRow<S> row = new TableRow<>();
        row.updateTableView(table);
        row.updateIndex(index);
        TableCell<S, T> cell = column.getCellFactory().call(column);
        cell.updateTableView(table);
        cell.updateTableColumn(column);
        cell.updateTableRow(row);
        cell.updateIndex(index);
        String text = cell.getText();
        Node graphic = cell.getGraphic();
        if ((text == null || text.isEmpty()) && graphic instanceof Labeled label) {
            text = label.getText();
        }
        return text == null ? "" : text;
    }

    private static void line(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append('\t');
            }
            // A tab or line break inside a cell would split it: spaces keep the grid.
            text.append(cells.get(i).replace('\t', ' ').replace('\r', ' ').replace('\n', ' '));
        }
        text.append('\n');
    }
}
