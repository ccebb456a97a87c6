package org.modellens.data;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

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
        // Columns are independent: infer them on all cores, then keep file order.
        List<ColumnType> inferred = IntStream.range(0, train.names().size()).parallel().mapToObj(c -> {
            String name = train.names().get(c);
            if (forcedCategorical != null && forcedCategorical.contains(name)) {
                return ColumnType.CATEGORICAL;
            } else if (forcedNumeric != null && forcedNumeric.contains(name)) {
                return ColumnType.NUMERIC;
            }
            return TypeInference.infer(train.columns().get(c));
        }).toList();
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (int c = 0; c < inferred.size(); c++) {
            types.put(train.names().get(c), inferred.get(c));
        }
        return types;
    }

    /**
     * Types and builds the training snapshot in one pass, so each numeric column is parsed once: types
     * as {@link #inferTypes}, identifiers as {@link #inferIdentifiers} except {@code notIdentifier}
     * (the target), columns as {@link #build}.
     */
    public static Snapshot buildTraining(RawTable train, Set<String> forcedCategorical, Set<String> forcedNumeric,
                                         String notIdentifier) {
        List<Column> typed = IntStream.range(0, train.names().size()).parallel().mapToObj(c -> {
            String name = train.names().get(c);
            String[] cells = train.columns().get(c);
            if (forcedCategorical != null && forcedCategorical.contains(name)) {
                return new Column(name, ColumnType.CATEGORICAL, false, cells, null, 0);
            }
            double[] numbers = TypeInference.parseNumbers(cells);
            ColumnType type = forcedNumeric != null && forcedNumeric.contains(name) ? ColumnType.NUMERIC
                    : TypeInference.infer(cells, numbers);
            if (type != ColumnType.NUMERIC) {
                return buildColumn(train, c, Map.of(name, type), Set.of());
            }
            int unparsable = countUnparsable(cells, numbers);
            if (unparsable > 0) {
                recoverFormatted(cells, numbers);
            }
            return new Column(name, type, false, cells, numbers, unparsable);
        }).toList();
        Map<String, ColumnType> types = new LinkedHashMap<>();
        typed.forEach(column -> types.put(column.name(), column.type()));
        Set<String> identifiers = new LinkedHashSet<>(inferIdentifiers(train, types));
        identifiers.remove(notIdentifier);
        List<Column> columns = typed.stream()
                .map(column -> identifiers.contains(column.name())
                        ? column.withIdentifier(true) : column)
                .toList();
        return new Snapshot(train.source(), train.rows(), columns);
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
     * {@link Column#unparsableCount()}; in numeric columns those that {@link FormattedNumber} recovers
     * ("1,200", "$95") still get their value (for boolean columns: cells other than 0/1/true/false/yes/no).
     */
    public static Snapshot build(RawTable table, Map<String, ColumnType> types, Set<String> identifiers) {
        // Columns are independent: parse them on all cores, then keep file order.
        List<Column> columns = IntStream.range(0, table.names().size()).parallel()
                .mapToObj(c -> buildColumn(table, c, types, identifiers)).toList();
        return new Snapshot(table.source(), table.rows(), columns);
    }

    private static Column buildColumn(RawTable table, int c, Map<String, ColumnType> types, Set<String> identifiers) {
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
                numbers = parseAll(cells, TypeInference::parseNumber);
                unparsable = countUnparsable(cells, numbers);
                if (unparsable > 0) {
                    recoverFormatted(cells, numbers);
                }
            }
            case DATETIME -> {
                numbers = parseAll(cells, TypeInference::parseDateTime);
                unparsable = countUnparsable(cells, numbers);
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
        return new Column(name, type, identifier, cells, numbers, unparsable);
    }

    /** Parses each present cell; NaN where the cell is missing or does not parse. */
    private static double[] parseAll(String[] cells, ToDoubleFunction<String> parser) {
        double[] numbers = new double[cells.length];
        for (int r = 0; r < cells.length; r++) {
            numbers[r] = cells[r] == null ? Double.NaN : parser.applyAsDouble(cells[r]);
        }
        return numbers;
    }

    /**
     * Gives display-formatted cells ("1,200", "$95", "12 kg") their number, so drift is still measured
     * on them; they stay counted as unparsable, which is what type-mismatch reports.
     */
    private static void recoverFormatted(String[] cells, double[] numbers) {
        FormattedNumber.recoverColumn(cells, numbers);
    }

    /** Present cells whose parsed value is NaN, i.e. text that is not of the column's type. */
    private static int countUnparsable(String[] cells, double[] numbers) {
        int unparsable = 0;
        for (int r = 0; r < cells.length; r++) {
            if (cells[r] != null && Double.isNaN(numbers[r])) {
                unparsable++;
            }
        }
        return unparsable;
    }
}
