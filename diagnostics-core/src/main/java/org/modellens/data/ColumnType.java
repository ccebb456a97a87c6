package org.modellens.data;

import java.util.Locale;

/**
 * What the values of a column are, as decided by {@link TypeInference} on the training snapshot
 * (or forced by the user) and then applied to both snapshots.
 */
public enum ColumnType {
    /** Numbers on a scale; statistics use the parsed values. */
    NUMERIC,
    /** A limited set of labels; statistics use category counts. */
    CATEGORICAL,
    /** Two values such as true/false, yes/no or 0/1. */
    BOOLEAN,
    /** Calendar dates or timestamps; the numeric view holds epoch seconds (UTC). */
    DATETIME,
    /** Free text: long, mostly distinct strings. Profiled, not compared as categories. */
    TEXT;

    /** The name written in reports ({@code numeric}, {@code categorical}, ...). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
