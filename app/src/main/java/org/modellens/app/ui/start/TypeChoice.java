package org.modellens.app.ui.start;

/** What the user says a column's type is: as inferred, or forced (the command line's --numeric/--categorical). */
public enum TypeChoice {
    AUTO, NUMERIC, CATEGORICAL;

    public String textKey() {
        return "start.type." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
