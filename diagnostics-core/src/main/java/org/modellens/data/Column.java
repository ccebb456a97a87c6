package org.modellens.data;

import java.util.Objects;

/**
 * One column of a snapshot: the raw cell text as read, and for numeric and datetime columns the
 * parsed values.
 *
 * <p>The raw text is always kept: a numeric training column whose production values arrive as text
 * ("1,200", "N/A") stays visible to later checks through {@link #unparsableCount()} and
 * {@link #text()}. A {@code null} cell is a missing value (an empty cell in a CSV); any other
 * text is data.
 *
 * @param name       column name as in the header
 * @param type       the type the column is analysed as
 * @param identifier true when the column identifies rows (all distinct keys) and is no feature
 * @param text       raw cell text, one per row, {@code null} where missing
 * @param numbers    parsed values for {@link ColumnType#NUMERIC} and {@link ColumnType#DATETIME}
 *                   (epoch seconds), NaN where missing or unparsable; {@code null} for other types.
 *                   Numeric cells in display format ("1,200", "$95") hold the number
 *                   {@link FormattedNumber} recovers from them.
 * @param unparsableCount non-missing cells whose text is not a plain value of {@code type} (recovered
 *                   or not)
 */
public record Column(String name, ColumnType type, boolean identifier, String[] text, double[] numbers,
                     int unparsableCount) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if ((type == ColumnType.NUMERIC || type == ColumnType.DATETIME) != (numbers != null)) {
            throw new IllegalArgumentException("numbers must be present exactly for numeric and datetime columns: " + name);
        }
        if (numbers != null && numbers.length != text.length) {
            throw new IllegalArgumentException("numbers and text differ in length: " + name);
        }
    }

    public int size() {
        return text.length;
    }

    public boolean isMissing(int row) {
        return text[row] == null;
    }

    public int missingCount() {
        int missing = 0;
        for (String cell : text) {
            if (cell == null) {
                missing++;
            }
        }
        return missing;
    }

    /** Whether statistics treat this column's values as numbers. */
    public boolean isNumeric() {
        return type == ColumnType.NUMERIC;
    }

    /** Whether statistics treat this column's values as category labels. */
    public boolean isCategorical() {
        return type == ColumnType.CATEGORICAL || type == ColumnType.BOOLEAN;
    }

    /** The parsed, finite values in row order, missing and unparsable cells left out. */
    public double[] presentNumbers() {
        if (numbers == null) {
            throw new IllegalStateException("column " + name + " is " + type.jsonName() + ", not numeric");
        }
        int count = 0;
        for (double v : numbers) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        double[] present = new double[count];
        int i = 0;
        for (double v : numbers) {
            if (!Double.isNaN(v)) {
                present[i++] = v;
            }
        }
        return present;
    }
}
