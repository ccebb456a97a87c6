package org.modellens.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact figures of one column over every row of its file: counted in the streamed pass over a file
 * too large to hold (see {@link Sampling}), or over the held column ({@link Snapshot#tally}); the
 * checks that count rows read these, however the file was read. Numbers: count, minimum, maximum, mean and variance (Welford's
 * streaming update, exact up to floating-point rounding). Categories: the count of every label, up
 * to {@code maxCategories} distinct labels; past that, new labels are counted together in
 * {@link #otherCount()} and {@link #categoriesComplete()} turns false. On the production side the
 * pass also counts, against the training figures, the values outside the training range, those
 * beyond the outlier fences and the categories training never had, each with example rows.
 */
public final class ColumnTally {

    private final String name;
    private final ColumnType type;
    private final int maxCategories;

    long rows;
    long missing;
    long unparsable;
    long nonFinite;
    long count;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    private double mean;
    private double m2;
    private final Map<String, long[]> categories;
    private long otherCount;
    private boolean categoriesComplete = true;

    final RowTally missingRows = new RowTally();
    final RowTally nonFiniteRows = new RowTally();
    final RowTally outOfRangeRows = new RowTally();
    final RowTally outlierRows = new RowTally();
    final RowTally unseenRows = new RowTally();
    long below;
    long above;

    ColumnTally(String name, ColumnType type, int maxCategories) {
        this.name = name;
        this.type = type;
        this.maxCategories = maxCategories;
        this.categories = type == ColumnType.CATEGORICAL || type == ColumnType.BOOLEAN ? new HashMap<>() : null;
    }

    /**
     * A tally restored from the exact figures of a profile (see {@code org.modellens.profile.format}):
     * the same figures a streamed pass would have counted.
     *
     * @param categories label counts, or {@code null} for a column that is not categorical or boolean
     * @param rowTallies missing, non-finite, out-of-range, outlier and unseen-category rows, in this order
     */
    public static ColumnTally restored(String name, ColumnType type, long rows, long missing, long unparsable,
                                       long nonFinite, long count, double min, double max, double mean, double m2,
                                       Map<String, Long> categories, long otherCount, boolean categoriesComplete,
                                       RowTally[] rowTallies, long below, long above) {
        ColumnTally tally = new ColumnTally(name, type, Integer.MAX_VALUE);
        tally.rows = rows;
        tally.missing = missing;
        tally.unparsable = unparsable;
        tally.nonFinite = nonFinite;
        tally.count = count;
        if (count > 0) {
            tally.min = min;
            tally.max = max;
            tally.mean = mean;
            tally.m2 = m2;
        }
        if (tally.categories != null && categories != null) {
            categories.forEach((label, c) -> tally.categories.put(label, new long[] {c}));
        }
        tally.otherCount = otherCount;
        tally.categoriesComplete = categoriesComplete;
        tally.missingRows.copy(rowTallies[0]);
        tally.nonFiniteRows.copy(rowTallies[1]);
        tally.outOfRangeRows.copy(rowTallies[2]);
        tally.outlierRows.copy(rowTallies[3]);
        tally.unseenRows.copy(rowTallies[4]);
        tally.below = below;
        tally.above = above;
        return tally;
    }

    /**
     * The same figures counted over a column held in memory (every row of its file; rows are its file
     * rows), against the training figures {@code trained} ({@code null}: nothing to compare with), with
     * outlier fences {@code outlierRangeMultiple} training ranges beyond the training range. Counted as the
     * streamed pass counts them, so a check reads one kind of figure however the file was read.
     */
    static ColumnTally of(Column column, ColumnTally trained, double outlierRangeMultiple) {
        ColumnTally tally = new ColumnTally(column.name(), column.type(), Integer.MAX_VALUE);
        for (RowTally rows : List.of(tally.missingRows, tally.nonFiniteRows, tally.outOfRangeRows, tally.outlierRows,
                tally.unseenRows)) {
            rows.keepAll();
        }
        int size = column.size();
        tally.rows = size;
        tally.unparsable = column.unparsableCount();
        if (column.missingCount() > 0) {
            int[] codes = column.codes();
            double[] values = column.numbers();
            for (int row = 0; row < size; row++) {
                // Column.isMissing, its array read here: a call a row only for the NaN cells of a numeric column
                if (codes != null ? codes[row] == Column.MISSING : values[row] != values[row] && column.isMissing(row)) {
                    tally.missing++;
                    tally.missingRows.add(row);
                }
            }
        }
        double[] numbers = column.numbers();
        if (numbers != null) {
            if (column.type() == ColumnType.NUMERIC) {
                // Only cells kept as text can hold a non-finite word: clean columns cost nothing here.
                for (int row : column.keptTextRows()) {
                    if (Double.isNaN(numbers[row]) && TypeInference.isNonFiniteWord(column.keptText(row))) {
                        tally.nonFinite++;
                        tally.nonFiniteRows.add(row);
                    }
                }
            }
            boolean compare = trained != null && trained.count() > 0;
            double min = compare ? trained.min() : Double.NaN;
            double max = compare ? trained.max() : Double.NaN;
            double low = min - outlierRangeMultiple * (max - min);
            double high = max + outlierRangeMultiple * (max - min);
            for (int row = 0; row < size; row++) {
                double value = numbers[row];
                if (Double.isNaN(value)) {
                    continue;
                }
                tally.addNumber(value);
                if (compare) {
                    if (value < min) {
                        tally.below++;
                        tally.outOfRangeRows.add(row);
                    } else if (value > max) {
                        tally.above++;
                        tally.outOfRangeRows.add(row);
                    }
                    if (value < low || value > high) {
                        tally.outlierRows.add(row);
                    }
                }
            }
        }
        if (tally.categories != null && !column.identifier()) {
            int[] codes = column.codes();
            long[] counts = new long[column.categoryCount()];
            for (int code : codes) {
                if (code != Column.MISSING) {
                    counts[code]++;
                }
            }
            boolean[] unseen = new boolean[counts.length];
            for (int code = 0; code < counts.length; code++) {
                if (counts[code] > 0) {
                    String label = column.category(code);
                    tally.categories.put(label, new long[] {counts[code]});
                    unseen[code] = trained != null && trained.categoriesComplete() && !trained.hasCategory(label);
                }
            }
            for (int row = 0; row < size; row++) {
                int code = codes[row];
                if (code != Column.MISSING && unseen[code]) {
                    tally.unseenRows.add(row);
                }
            }
        }
        return tally;
    }

    void addNumber(double value) {
        count++;
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
    }

    void addCategory(String label) {
        long[] c = categories.get(label);
        if (c != null) {
            c[0]++;
        } else if (categories.size() < maxCategories) {
            categories.put(label, new long[] {1});
        } else {
            otherCount++;
            categoriesComplete = false;
        }
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    /** Data rows in the file. */
    public long rows() {
        return rows;
    }

    /** Empty cells. */
    public long missing() {
        return missing;
    }

    /** Non-empty cells that do not parse as the column's type (non-finite words included). */
    public long unparsable() {
        return unparsable;
    }

    /** Cells holding NaN, Inf or Infinity text in a numeric column. */
    public long nonFinite() {
        return nonFinite;
    }

    /** Parsed values of a numeric or datetime column. */
    public long count() {
        return count;
    }

    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Sample standard deviation (n - 1), as numpy's {@code std(ddof=1)}; NaN below two values. */
    public double std() {
        return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
    }

    /** Label counts of a categorical or boolean column ({@code null} for other types). */
    public Map<String, Long> categoryCounts() {
        if (categories == null) {
            return null;
        }
        Map<String, Long> counts = new HashMap<>(categories.size() * 2);
        categories.forEach((label, c) -> counts.put(label, c[0]));
        return counts;
    }

    /** Whether every distinct label was counted (false once {@code maxCategories} was exceeded). */
    public boolean categoriesComplete() {
        return categoriesComplete;
    }

    /** Cells whose label came after the category limit was reached. */
    public long otherCount() {
        return otherCount;
    }

    boolean hasCategory(String label) {
        return categories != null && categories.containsKey(label);
    }

    public RowTally missingRows() {
        return missingRows;
    }

    public RowTally nonFiniteRows() {
        return nonFiniteRows;
    }

    /** Production values below the training minimum or above the training maximum. */
    public RowTally outOfRangeRows() {
        return outOfRangeRows;
    }

    /** Production values below the training minimum. */
    public long below() {
        return below;
    }

    /** Production values above the training maximum. */
    public long above() {
        return above;
    }

    /** Production values beyond the outlier fences computed from the training range. */
    public RowTally outlierRows() {
        return outlierRows;
    }

    /** Production cells whose category training never had. */
    public RowTally unseenRows() {
        return unseenRows;
    }
}
