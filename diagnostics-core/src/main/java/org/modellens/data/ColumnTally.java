package org.modellens.data;

import java.util.List;

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
public final class ColumnTally implements ColumnFigures {

    private final String name;
    private final ColumnType type;
    /** Rows, missing, unparsable and non-finite cells, moments and label counts: the figures a profile keeps too. */
    final ColumnCounts counts;

    final RowTally missingRows = new RowTally();
    final RowTally nonFiniteRows = new RowTally();
    final RowTally outOfRangeRows = new RowTally();
    final RowTally outlierRows = new RowTally();
    final RowTally unseenRows = new RowTally();
    long below;
    long above;

    ColumnTally(String name, ColumnType type, int maxCategories) {
        this(name, type, new ColumnCounts(type == ColumnType.CATEGORICAL || type == ColumnType.BOOLEAN, maxCategories));
    }

    private ColumnTally(String name, ColumnType type, ColumnCounts counts) {
        this.name = name;
        this.type = type;
        this.counts = counts;
    }

    /**
     * A tally restored from the exact figures of a profile (see {@code org.modellens.profile.format}):
     * the same figures a streamed pass would have counted.
     *
     * @param counts     the profile's figures (copied); labels counted only for a categorical or boolean column
     * @param rowTallies missing, non-finite, out-of-range, outlier and unseen-category rows, in this order
     */
    public static ColumnTally restored(String name, ColumnType type, ColumnCounts counts, RowTally[] rowTallies,
                                       long below, long above) {
        ColumnCounts copy = counts.copy(Integer.MAX_VALUE);
        boolean labels = type == ColumnType.CATEGORICAL || type == ColumnType.BOOLEAN;
        if (labels != copy.countsLabels()) {
            // A profile keeps no labels for an identifier; a retyped column none for numbers.
            ColumnCounts figures = new ColumnCounts(labels, Integer.MAX_VALUE);
            figures.restore(copy.rows(), copy.missing(), copy.unparsable(), copy.nonFinite(), copy.count(), copy.storedMin(),
                    copy.storedMax(), copy.storedMean(), copy.storedM2());
            figures.restoreOther(copy.otherCount(), copy.categoriesComplete());
            copy = figures;
        }
        ColumnTally tally = new ColumnTally(name, type, copy);
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
        ColumnCounts counts = tally.counts;
        int size = column.size();
        counts.rows = size;
        counts.unparsable = column.unparsableCount();
        if (column.missingCount() > 0) {
            int[] codes = column.codes();
            double[] values = column.numbers();
            for (int row = 0; row < size; row++) {
                // Column.isMissing, its array read here: a call a row only for the NaN cells of a numeric column
                if (codes != null ? codes[row] == Column.MISSING : values[row] != values[row] && column.isMissing(row)) {
                    counts.missing++;
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
                        counts.nonFinite++;
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
                counts.addNumber(value);
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
        if (counts.countsLabels() && !column.identifier()) {
            int[] codes = column.codes();
            long[] labelCounts = new long[column.categoryCount()];
            for (int code : codes) {
                if (code != Column.MISSING) {
                    labelCounts[code]++;
                }
            }
            boolean[] unseen = new boolean[labelCounts.length];
            for (int code = 0; code < labelCounts.length; code++) {
                if (labelCounts[code] > 0) {
                    String label = column.category(code);
                    tally.counts.restoreLabel(label, labelCounts[code]);
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

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    /**
     * Adds the numbers another tally of the same column counted (held apart during a pass): their
     * moments (Chan's merge), out-of-range and outlier rows; its cells are already counted here.
     */
    void addAll(ColumnTally numbers) {
        ColumnCounts values = new ColumnCounts(false, 0);
        values.restore(0, 0, 0, 0, numbers.counts.count(), numbers.counts.storedMin(), numbers.counts.storedMax(),
                numbers.counts.storedMean(), numbers.counts.storedM2());
        counts.merge(values);
        outOfRangeRows.addAll(numbers.outOfRangeRows);
        outlierRows.addAll(numbers.outlierRows);
        below += numbers.below;
        above += numbers.above;
    }

    /** Rows, missing, unparsable and non-finite cells, moments and label counts. */
    @Override
    public ColumnCounts counts() {
        return counts;
    }

    boolean hasCategory(String label) {
        return counts.hasCategory(label);
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
