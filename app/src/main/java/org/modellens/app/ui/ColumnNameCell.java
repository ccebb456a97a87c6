package org.modellens.app.ui;

import java.util.function.Predicate;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/** A column's name in a table, marked when the model reads it, the whole name in a tooltip. */
public final class ColumnNameCell<S> extends TableCell<S, String> {

    private final Label mark = Views.modelInputMark();
    private final Predicate<String> isModelInput;

    /** @param isModelInput whether a column is one the model reads */
    public ColumnNameCell(Predicate<String> isModelInput) {
        this.isModelInput = isModelInput;
        setContentDisplay(ContentDisplay.RIGHT);
        setGraphicTextGap(8);
    }

    @Override
    protected void updateItem(String name, boolean empty) {
        super.updateItem(name, empty);
        setText(empty ? null : name);
        setGraphic(!empty && isModelInput.test(name) ? mark : null);
        setTooltip(empty || name == null ? null : Views.tooltip(name));
    }
}
