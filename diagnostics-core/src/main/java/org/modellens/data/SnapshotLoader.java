package org.modellens.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one way in for snapshot files: reads a training snapshot (types inferred, overrides applied,
 * row identifiers found) and the snapshots compared with it (production, reference), which take
 * training's types. CSV files are read from their bytes into columns ({@link CsvColumnReader});
 * Parquet, XLSX and CSV files that need the general reader (quotes, other encodings, damage) are read
 * as text first ({@link SnapshotReaders}) and encoded into the same columns.
 */
public final class SnapshotLoader {

    private SnapshotLoader() {
    }

    /**
     * Reads the training snapshot.
     *
     * @param categorical columns forced to be categorical
     * @param numeric     columns forced to be numeric
     * @param target      the target column, never taken for a row identifier; may be {@code null}
     */
    public static Snapshot readTraining(Path path, Set<String> categorical, Set<String> numeric, String target)
            throws UnreadableInputException {
        CsvColumnReader.Table table = SnapshotReaders.readsAsCsv(path)
                ? CsvColumnReader.read(path, new CsvColumnReader.Plan(null, categorical, numeric)) : null;
        if (table == null) {
            return SnapshotBuilder.buildTraining(SnapshotReaders.read(path), categorical, numeric, target);
        }
        List<Column> columns = new ArrayList<>(table.columns().size());
        for (Column column : table.columns()) {
            boolean identifier = !column.name().equals(target) && TypeInference.looksLikeIdentifier(column);
            columns.add(column.withIdentifier(identifier));
        }
        return new Snapshot(table.source(), table.rows(), columns);
    }

    /** Reads a snapshot compared with {@code training}: its columns take training's types and identifiers. */
    public static Snapshot readLike(Path path, Snapshot training) throws UnreadableInputException {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        Set<String> identifiers = new java.util.HashSet<>();
        for (Column column : training.columns()) {
            types.put(column.name(), column.type());
            if (column.identifier()) {
                identifiers.add(column.name());
            }
        }
        CsvColumnReader.Table table = SnapshotReaders.readsAsCsv(path)
                ? CsvColumnReader.read(path, new CsvColumnReader.Plan(types, null, null)) : null;
        if (table == null) {
            return SnapshotBuilder.build(SnapshotReaders.read(path), types, identifiers);
        }
        List<Column> columns = new ArrayList<>(table.columns().size());
        for (Column column : table.columns()) {
            columns.add(column.withIdentifier(identifiers.contains(column.name())));
        }
        return new Snapshot(table.source(), table.rows(), columns);
    }
}
