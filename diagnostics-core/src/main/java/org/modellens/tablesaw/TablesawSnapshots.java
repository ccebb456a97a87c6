package org.modellens.tablesaw;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modellens.checks.AffectedRows;
import org.modellens.checks.Finding;
import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.RawTable;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotBuilder;
import org.modellens.data.SourceInfo;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw tables in and out, for JVM users who hold their data in Tablesaw: a {@link Table} becomes a
 * {@link Snapshot} typed by the same rules as a CSV file (a 0/1 integer column is boolean, text that is
 * numbers is numeric, ISO dates are datetimes), and a finding's affected rows come back as a Table.
 *
 * <p>Tablesaw is not bundled: the adapter needs {@code tech.tablesaw:tablesaw-core} on the caller's
 * class path. Numbers are carried over exactly (integers as their digits, others as
 * {@link Double#toString(double)}, which reads back to the same double); other cells by their text.
 */
public final class TablesawSnapshots {

    private TablesawSnapshots() {
    }

    /** The training snapshot of a table; {@code target} (may be {@code null}) is never taken for a row identifier. */
    public static Snapshot training(Table table, String target) {
        return SnapshotBuilder.buildTraining(raw(table), Set.of(), Set.of(), target);
    }

    /** A snapshot compared with {@code training} (production, reference): its columns take training's types. */
    public static Snapshot like(Table table, Snapshot training) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        Set<String> identifiers = new java.util.HashSet<>();
        for (Column column : training.columns()) {
            types.put(column.name(), column.type());
            if (column.identifier()) {
                identifiers.add(column.name());
            }
        }
        return SnapshotBuilder.build(raw(table), types, identifiers);
    }

    /**
     * The rows of {@code prod} a finding names, as a table with every column of {@code prod}: the example
     * rows the finding carries (at most {@link AffectedRows#MAX_EXAMPLES}; the finding's
     * {@code rows().count()} says how many are affected in all). Empty when the finding names no rows.
     */
    public static Table affectedRows(Finding finding, Table prod) {
        AffectedRows rows = finding.rows();
        int[] examples = rows == null ? new int[0]
                : rows.examples().stream().mapToInt(Integer::intValue).filter(r -> r < prod.rowCount()).toArray();
        return prod.rows(examples);
    }

    private static RawTable raw(Table table) {
        List<String> names = new ArrayList<>();
        List<String[]> columns = new ArrayList<>();
        MessageDigest digest = sha256();
        for (tech.tablesaw.columns.Column<?> column : table.columns()) {
            String[] cells = new String[column.size()];
            NumericColumn<?> numbers = column instanceof NumericColumn<?> numeric ? numeric : null;
            for (int row = 0; row < cells.length; row++) {
                if (column.isMissing(row)) {
                    continue;
                }
                cells[row] = numbers != null ? plain(numbers.getDouble(row)) : column.getString(row);
                if (cells[row].isEmpty()) {
                    cells[row] = null; // an empty string is a missing value, as an empty CSV cell is
                }
            }
            names.add(column.name());
            columns.add(cells);
            digest.update(column.name().getBytes(StandardCharsets.UTF_8));
            for (String cell : cells) {
                digest.update(cell == null ? new byte[] {0} : (cell + "\u0001").getBytes(StandardCharsets.UTF_8));
            }
        }
        String name = table.name() == null || table.name().isBlank() ? "table" : table.name();
        // The hash is of the table's values, not of a file.
        SourceInfo source = new SourceInfo(Path.of(name), "tablesaw", HexFormat.of().formatHex(digest.digest()));
        return new RawTable(source, names, columns, table.rowCount());
    }

    /** A number as text that reads back to the same double: integers as digits, others as {@link Double#toString}. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
