package org.modellens.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as read from a file, before types are decided: column names and the cell text of each
 * column ({@code null} = missing, i.e. an empty cell).
 *
 * @param source  the file read
 * @param names   header names in file order, unique
 * @param columns one array per column, each {@code rows} long, {@code columns.get(c)[r]} the cell
 * @param rows    number of data rows (header excluded)
 */
public record RawTable(SourceInfo source, List<String> names, List<String[]> columns, int rows) {

    public RawTable {
        names = List.copyOf(names);
        columns = List.copyOf(columns);
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.size() + " columns");
        }
    }

    /** The table of rows read one by one (each as wide as {@code names}), turned into columns. */
    public static RawTable ofRows(SourceInfo source, List<String> names, List<String[]> rows) {
        int n = rows.size();
        List<String[]> columns = new ArrayList<>(names.size());
        for (int c = 0; c < names.size(); c++) {
            String[] column = new String[n];
            for (int r = 0; r < n; r++) {
                column[r] = rows.get(r)[c];
            }
            columns.add(column);
        }
        return new RawTable(source, names, columns, n);
    }
}
