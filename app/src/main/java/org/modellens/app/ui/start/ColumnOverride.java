package org.modellens.app.ui.start;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One training column with the type the user chose for it. */
public final class ColumnOverride {

    private final String column;
    private final ObjectProperty<TypeChoice> choice = new SimpleObjectProperty<>(this, "choice", TypeChoice.AUTO);

    public ColumnOverride(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public ObjectProperty<TypeChoice> choiceProperty() {
        return choice;
    }
}
