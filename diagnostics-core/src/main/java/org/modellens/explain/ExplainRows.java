package org.modellens.explain;

import java.util.Locale;

/**
 * Which production rows get a per-row explanation ({@code --explain-rows}): {@code all}, the first
 * {@code N}, or the 0-based inclusive range {@code FROM-TO} of data rows (header not counted).
 *
 * <p>A multiclass model's row is explained for its predicted class, or, with {@link #allClasses()}
 * ({@code --explain-classes all}), once for every class.
 *
 * @param from       first row, 0-based
 * @param to         last row, inclusive; {@link Integer#MAX_VALUE} for "to the end"
 * @param allClasses whether each row of a multiclass model is explained for every class
 */
public record ExplainRows(int from, int to, boolean allClasses) {

    /** Every row. */
    public static final ExplainRows ALL = new ExplainRows(0, Integer.MAX_VALUE);

    /**
     * Every class of the default number of rows ({@code --explain-classes all} without
     * {@code --explain-rows}): the diagnosis picks the count, as for {@code null}.
     */
    public static final ExplainRows DEFAULT_ROWS_ALL_CLASSES = new ExplainRows(0, Integer.MAX_VALUE - 1, true);

    public ExplainRows {
        if (from < 0 || to < from - 1) {
            throw new IllegalArgumentException("--explain-rows: the range " + from + "-" + to + " is empty or negative");
        }
    }

    /** Rows {@code from} to {@code to}, each explained for its predicted class. */
    public ExplainRows(int from, int to) {
        this(from, to, false);
    }

    /** The same rows, explained for every class ({@code true}) or the predicted one. */
    public ExplainRows withAllClasses(boolean all) {
        return new ExplainRows(from, to, all);
    }

    /**
     * Parses {@code --explain-classes}: {@code predicted} (the default) or {@code all}.
     *
     * @throws IllegalArgumentException with a user-facing message
     */
    public static boolean parseAllClasses(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("all")) {
            return true;
        }
        if (value.equals("predicted")) {
            return false;
        }
        throw new IllegalArgumentException("--explain-classes must be predicted or all, not '" + text + "'");
    }

    /** The first {@code count} rows. */
    public static ExplainRows first(int count) {
        return new ExplainRows(0, count - 1);
    }

    /**
     * Parses the option's value.
     *
     * @throws IllegalArgumentException with a user-facing message
     */
    public static ExplainRows parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("all")) {
            return ALL;
        }
        try {
            int dash = value.indexOf('-');
            if (dash < 0) {
                int count = Integer.parseInt(value);
                if (count < 0) {
                    throw new NumberFormatException();
                }
                return first(count);
            }
            int from = Integer.parseInt(value.substring(0, dash).trim());
            int to = Integer.parseInt(value.substring(dash + 1).trim());
            if (to < from) {
                throw new IllegalArgumentException("--explain-rows: " + text + " ends before it starts");
            }
            return new ExplainRows(from, to);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--explain-rows must be all, a row count N or a 0-based range FROM-TO, not '"
                    + text + "'");
        }
    }

    /** The selected row indices of a snapshot of {@code rows} rows. */
    public int[] indices(int rows) {
        int last = (int) Math.min((long) to, rows - 1L);
        if (last < from) {
            return new int[0];
        }
        int[] indices = new int[last - from + 1];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = from + i;
        }
        return indices;
    }
}
