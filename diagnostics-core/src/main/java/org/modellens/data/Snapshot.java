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

    public Snapshot(SourceInfo source, int rows, List<Column> columns) {
        this(source, rows, columns, null);
    }

    /**
     * A snapshot whose columns may hold only a sample of the file's rows.
     *
     * @param sampling how the file was streamed and sampled, or {@code null} when the columns hold every row
     */
    public Snapshot(SourceInfo source, int rows, List<Column> columns, Sampling sampling) {
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
