package org.modellens.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table of data as one side of the comparison (training or production): typed columns of equal
 * length, in file order.
 */
public final class Snapshot {

    private final SourceInfo source;
    private final int rows;
    private final Map<String, Column> columns;
    private final Sampling sampling;
    /** What the tallies of a snapshot held whole count against ({@link #comparedWith}); {@code null} for none. */
    private final Snapshot training;
    private final double outlierRangeMultiple;
    private final Map<String, ColumnTally> tallies = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile RowTally duplicateRows;

    public Snapshot(SourceInfo source, int rows, List<Column> columns) {
        this(source, rows, columns, null);
    }

    /**
     * A snapshot whose columns may hold only a sample of the file's rows.
     *
     * @param sampling how the file was streamed and sampled, or {@code null} when the columns hold every row
     */
    public Snapshot(SourceInfo source, int rows, List<Column> columns, Sampling sampling) {
        this(source, rows, columns, sampling, null, Double.NaN);
    }

    private Snapshot(SourceInfo source, int rows, List<Column> columns, Sampling sampling, Snapshot training,
                     double outlierRangeMultiple) {
        this.training = training;
        this.outlierRangeMultiple = outlierRangeMultiple;
        this.sampling = sampling;
        this.source = source;
        this.rows = rows;
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Column column : columns) {
            if (column.size() != rows) {
                throw new IllegalArgumentException("column " + column.name() + " has " + column.size()
                        + " values, the snapshot " + rows + " rows");
            }
            byName.put(column.name(), column);
        }
        this.columns = Collections.unmodifiableMap(byName);
    }

    public SourceInfo source() {
        return source;
    }

    /** Rows held in the columns: every row of the file, or the sample of a streamed file. */
    public int rows() {
        return rows;
    }

    /** Data rows in the file, whether all are held in the columns or only a sample. */
    public long fileRows() {
        return sampling == null ? rows : sampling.fileRows();
    }

    /**
     * The file row number (0-based data row, header not counted) of a held row: the row itself when
     * every row is held, else the sampled row's place in the file.
     */
    public long fileRow(int row) {
        return sampling == null ? row : sampling.sampleIndices()[row];
    }

    /** The held row of a file row number, or -1 when this snapshot holds a sample without it. */
    public int heldRow(long fileRow) {
        if (sampling == null) {
            return fileRow >= 0 && fileRow < rows ? (int) fileRow : -1;
        }
        int at = java.util.Arrays.binarySearch(sampling.sampleIndices(), fileRow);
        return at >= 0 ? at : -1;
    }

    /**
     * This snapshot with its {@link #tally tallies} counted against {@code training}: values outside the
     * training range, beyond the outlier fences ({@code outlierRangeMultiple} training ranges past it) and
     * categories training never had. A sampled snapshot was counted so in its pass and is returned as is.
     */
    public Snapshot comparedWith(Snapshot training, double outlierRangeMultiple) {
        if (sampling != null || training == this
                || this.training == training && Double.compare(this.outlierRangeMultiple, outlierRangeMultiple) == 0) {
            return this;
        }
        return new Snapshot(source, rows, columns(), null, training, outlierRangeMultiple);
    }

    /**
     * Exact figures of a column over every row of the file, whether held whole or streamed (then counted
     * in the pass); examples are file rows. {@code null} for a column this snapshot lacks.
     */
    public ColumnTally tally(String column) {
        if (sampling != null) {
            return sampling.tally(column);
        }
        Column held = columns.get(column);
        if (held == null) {
            return null;
        }
        ColumnTally known = tallies.get(column);
        if (known == null) {
            // Counted once, on first use; checks run in parallel, so a race only counts twice.
            known = ColumnTally.of(held, training == null ? null : training.tally(column), outlierRangeMultiple);
            tallies.put(column, known);
        }
        return known;
    }

    /**
     * Rows repeating an earlier row of the file in every cell, counted over every row (see
     * {@link Sampling#duplicateRows()} for a streamed file); examples are file rows.
     */
    public RowTally duplicateRows() {
        if (sampling != null) {
            return sampling.duplicateRows();
        }
        RowTally known = duplicateRows;
        if (known == null) {
            known = new RowTally();
            known.keepAll();
            boolean[] repeat = RowRepeats.mark(columns(), rows);
            for (int row = 0; row < rows; row++) {
                if (repeat[row]) {
                    known.add(row);
                }
            }
            duplicateRows = known;
        }
        return known;
    }

    /** How a file too large to hold was streamed and sampled; empty when the columns hold every row. */
    public Optional<Sampling> sampling() {
        return Optional.ofNullable(sampling);
    }

    public List<Column> columns() {
        return List.copyOf(columns.values());
    }

    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    public Optional<Column> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }
}
