package org.modellens.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns raw tables into typed {@link Snapshot}s. */
public final class SnapshotBuilder {

    private SnapshotBuilder() {
    }

    /**
     * Types for the columns of the training table: forced categorical, then forced numeric, then
     * {@link TypeInference#infer(String[])}. Result in file order.
     */
    public static Map<String, ColumnType> inferTypes(RawTable train, Set<String> forcedCategorical,
                                                     Set<String> forcedNumeric) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (int c = 0; c < train.names().size(); c++) {
            String name = train.names().get(c);
            ColumnType type;
            if (forcedCategorical != null && forcedCategorical.contains(name)) {
                type = ColumnType.CATEGORICAL;
            } else if (forcedNumeric != null && forcedNumeric.contains(name)) {
                type = ColumnType.NUMERIC;
            } else {
                type = TypeInference.infer(train.columns().get(c));
            }
            types.put(name, type);
        }
        return types;
    }

    /** Columns of the training table that {@link TypeInference#looksLikeIdentifier} takes for row keys. */
    public static Set<String> inferIdentifiers(RawTable train, Map<String, ColumnType> types) {
        Set<String> ids = new LinkedHashSet<>();
        for (int c = 0; c < train.names().size(); c++) {
            String name = train.names().get(c);
            ColumnType type = types.get(name);
            if (type == null) {
                type = TypeInference.infer(train.columns().get(c));
            }
            if (TypeInference.looksLikeIdentifier(name, train.columns().get(c), type)) {
                ids.add(name);
            }
        }
        return ids;
    }

    /**
     * Builds the snapshot: each column gets the type in {@code types} (columns missing there get their
     * own inferred type). Numeric columns hold the parsed numbers, datetime columns epoch seconds (UTC),
     * NaN where missing or unparsable; non-missing cells that do not parse as the type are counted in
     * {@link Column#unparsableCount()} (for boolean columns: cells other than 0/1/true/false/yes/no).
     */
    public static Snapshot build(RawTable table, Map<String, ColumnType> types, Set<String> identifiers) {
        List<Column> columns = new ArrayList<>(table.names().size());
        for (int c = 0; c < table.names().size(); c++) {
            String name = table.names().get(c);
            String[] cells = table.columns().get(c);
            ColumnType type = types == null ? null : types.get(name);
            if (type == null) {
                type = TypeInference.infer(cells);
            }
            boolean identifier = identifiers != null && identifiers.contains(name);
            double[] numbers = null;
            int unparsable = 0;
            switch (type) {
                case NUMERIC -> {
                    numbers = new double[cells.length];
                    for (int r = 0; r < cells.length; r++) {
                        String cell = cells[r];
                        if (cell == null) {
                            numbers[r] = Double.NaN;
                        } else {
                            double v = TypeInference.parseNumber(cell);
                            if (Double.isNaN(v)) {
                                unparsable++;
                            }
                            numbers[r] = v;
                        }
                    }
                }
                case DATETIME -> {
                    numbers = new double[cells.length];
                    for (int r = 0; r < cells.length; r++) {
                        String cell = cells[r];
                        if (cell == null) {
                            numbers[r] = Double.NaN;
                        } else {
                            double v = TypeInference.parseDateTime(cell);
                            if (Double.isNaN(v)) {
                                unparsable++;
                            }
                            numbers[r] = v;
                        }
                    }
                }
                case BOOLEAN -> {
                    for (String cell : cells) {
                        if (cell != null && !TypeInference.isBooleanValue(cell)) {
                            unparsable++;
                        }
                    }
                }
                default -> {
                }
            }
            columns.add(new Column(name, type, identifier, cells, numbers, unparsable));
        }
        return new Snapshot(table.source(), table.rows(), columns);
    }
}
