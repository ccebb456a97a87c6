package org.modellens.profile.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.RawTable;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotBuilder;
import org.modellens.data.SourceInfo;

/**
 * The columns of a profile: names in file order, the type each is analysed as, and which identify rows.
 * Fixed before the first row is counted, so that the profiles of parts count alike and merge.
 */
public record ProfileSchema(List<String> names, List<ColumnType> types, Set<String> identifiers)
        implements java.io.Serializable {

    public ProfileSchema {
        names = List.copyOf(names);
        types = List.copyOf(types);
        identifiers = Set.copyOf(identifiers);
        if (names.size() != types.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + types.size() + " types");
        }
    }

    /**
     * Types and identifiers inferred from the first rows, as the training side of a diagnosis infers
     * them ({@link SnapshotBuilder#buildTraining}).
     *
     * @param notIdentifier a column never taken for an identifier (the target), or {@code null}
     */
    public static ProfileSchema infer(List<String> names, List<String[]> firstRows, Set<String> forcedCategorical,
                                      Set<String> forcedNumeric, String notIdentifier) {
        int width = names.size();
        List<String[]> columns = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            String[] column = new String[firstRows.size()];
            for (int r = 0; r < column.length; r++) {
                column[r] = firstRows.get(r)[c];
            }
            columns.add(column);
        }
        RawTable table = new RawTable(new SourceInfo(java.nio.file.Path.of("first-rows"), "rows", ""), names, columns,
                firstRows.size());
        Snapshot typed = SnapshotBuilder.buildTraining(table, forcedCategorical, forcedNumeric, notIdentifier);
        List<ColumnType> types = new ArrayList<>(width);
        Set<String> identifiers = new LinkedHashSet<>();
        for (Column column : typed.columns()) {
            types.add(column.type());
            if (column.identifier()) {
                identifiers.add(column.name());
            }
        }
        return new ProfileSchema(names, types, identifiers);
    }

    public int width() {
        return names.size();
    }
}
