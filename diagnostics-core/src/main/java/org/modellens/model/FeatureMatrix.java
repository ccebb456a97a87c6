package org.modellens.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.Snapshot;

/**
 * The model's inputs for every row of a snapshot: a dense row-major matrix of doubles in model
 * feature order, {@code NaN} for a missing value (each model format applies its own missing-value
 * rule to it).
 *
 * <p>A row whose input cell holds text that is no number (a numeric training column arriving as
 * "1,200" in production) is marked unscorable rather than silently fed as missing: the model never
 * saw that value, so any output would be a guess.
 */
public final class FeatureMatrix {

    private final int rows;
    private final int columns;
    private final double[] values;
    private final boolean[] unscorable;
    private final int unscorableCount;

    /** A matrix over given values (row-major); every row scorable. */
    public FeatureMatrix(int rows, int columns, double[] values) {
        this(rows, columns, values, new boolean[rows]);
    }

    private FeatureMatrix(int rows, int columns, double[] values, boolean[] unscorable) {
        if (values.length != (long) rows * columns) {
            throw new IllegalArgumentException(values.length + " values for " + rows + " x " + columns);
        }
        this.rows = rows;
        this.columns = columns;
        this.values = values;
        this.unscorable = unscorable;
        int count = 0;
        for (boolean u : unscorable) {
            count += u ? 1 : 0;
        }
        this.unscorableCount = count;
    }

    /** The names of {@code features} that {@code snapshot} lacks, in model order. */
    public static List<String> absentFeatures(Snapshot snapshot, List<String> features) {
        List<String> absent = new ArrayList<>();
        for (String feature : features) {
            if (!snapshot.hasColumn(feature)) {
                absent.add(feature);
            }
        }
        return absent;
    }

    /**
     * The inputs of every row of a snapshot. Numeric columns give their parsed values; other columns
     * are read as numbers cell by cell (a 0/1 column inferred as boolean still feeds a model).
     *
     * @throws IllegalArgumentException when a feature is absent (check {@link #absentFeatures} first)
     */
    public static FeatureMatrix of(Snapshot snapshot, List<String> features) {
        return of(snapshot, features, Map.of());
    }

    /**
     * The inputs of a model for every row of a snapshot. A categorical input whose labels the model
     * file names ({@link Model#categoryLevels()}) takes the code the library gave the cell's text
     * (as pandas does: the label's position); a label the model never saw, or an empty cell, is
     * missing ({@code NaN}), as pandas reads a category outside the model's list. Other inputs as
     * {@link #of(Snapshot, List)}.
     */
    public static FeatureMatrix of(Snapshot snapshot, Model model) {
        return of(snapshot, model.features(), model.categoryLevels());
    }

    private static FeatureMatrix of(Snapshot snapshot, List<String> features, Map<Integer, List<String>> levels) {
        int n = snapshot.rows();
        int p = features.size();
        double[] values = new double[n * p];
        boolean[] unscorable = new boolean[n];
        for (int j = 0; j < p; j++) {
            String name = features.get(j);
            Column column = snapshot.column(name)
                    .orElseThrow(() -> new IllegalArgumentException("the snapshot has no column " + name));
            List<String> labels = levels.get(j);
            if (labels != null) {
                CategoryCodes codes = new CategoryCodes(labels);
                for (int i = 0; i < n; i++) {
                    values[i * p + j] = codes.code(column.text(i));
                }
            } else if (column.type() == ColumnType.NUMERIC) {
                double[] numbers = column.numbers();
                for (int i = 0; i < n; i++) {
                    double v = numbers[i];
                    values[i * p + j] = v;
                    if (Double.isNaN(v) && !column.isMissing(i)) {
                        unscorable[i] = true;
                    }
                }
            } else {
                // Parse each distinct label once, then look the codes up.
                int[] codes = column.codes();
                double[] byCode = new double[column.categoryCount()];
                for (int k = 0; k < byCode.length; k++) {
                    byCode[k] = parse(column.category(k));
                }
                for (int i = 0; i < n; i++) {
                    double v = Double.NaN;
                    if (codes[i] != Column.MISSING) {
                        v = byCode[codes[i]];
                        if (Double.isNaN(v)) {
                            unscorable[i] = true;
                        }
                    }
                    values[i * p + j] = v;
                }
            }
        }
        return new FeatureMatrix(n, p, values, unscorable);
    }

    /** Text to the position of its label; a numeric cell also matches a label equal as a number ("2.0" and "2"). */
    private static final class CategoryCodes {
        private final Map<String, Integer> byText = new HashMap<>();
        private final Map<Double, Integer> byNumber = new HashMap<>();

        CategoryCodes(List<String> labels) {
            for (int k = 0; k < labels.size(); k++) {
                byText.putIfAbsent(labels.get(k), k);
                double number = parse(labels.get(k));
                if (!Double.isNaN(number)) {
                    byNumber.putIfAbsent(number, k);
                }
            }
        }

        double code(String cell) {
            if (cell == null) {
                return Double.NaN;
            }
            String text = cell.strip();
            Integer k = byText.get(text);
            if (k == null) {
                double number = parse(text);
                k = Double.isNaN(number) ? null : byNumber.get(number);
            }
            return k == null ? Double.NaN : k;
        }
    }

    private static double parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** The value of one cell, {@code NaN} when missing. */
    public double get(int row, int column) {
        return values[row * columns + column];
    }

    /** The backing row-major array, not copied: callers must not change it. */
    public double[] values() {
        return values;
    }

    /** Whether every input of the row is a number or missing. */
    public boolean scorable(int row) {
        return !unscorable[row];
    }

    public int unscorableCount() {
        return unscorableCount;
    }

    /** The given rows, in the given order, as a new matrix. */
    public FeatureMatrix select(int[] rowIndices) {
        double[] picked = new double[rowIndices.length * columns];
        boolean[] pickedUnscorable = new boolean[rowIndices.length];
        for (int r = 0; r < rowIndices.length; r++) {
            System.arraycopy(values, rowIndices[r] * columns, picked, r * columns, columns);
            pickedUnscorable[r] = unscorable[rowIndices[r]];
        }
        return new FeatureMatrix(rowIndices.length, columns, picked, pickedUnscorable);
    }
}
