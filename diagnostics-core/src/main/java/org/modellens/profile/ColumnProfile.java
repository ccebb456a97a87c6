package org.modellens.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modellens.data.Column;
import org.modellens.stats.Descriptive;
import org.modellens.stats.RadixSort;

/**
 * What one snapshot's column looks like. Numeric fields are {@code NaN} for non-numeric columns
 * (and for numeric columns without values); {@code topCategories} is empty for numeric columns.
 *
 * @param rows          rows in the snapshot
 * @param count         non-missing cells
 * @param missing       missing (empty) cells
 * @param unparsable    non-missing cells that did not parse as the column's type
 * @param distinct      distinct non-missing values
 * @param quantiles     numpy-linear quantiles keyed "p01", "p05", "p25", "p50", "p75", "p95", "p99"
 * @param topCategories the most frequent categories with their counts and shares
 */
public record ColumnProfile(long rows, long count, long missing, long unparsable, long distinct,
                            double mean, double std, double min, double max,
                            Map<String, Double> quantiles, List<CategoryCount> topCategories) {

    /** How many categories a profile lists. */
    public static final int TOP_CATEGORIES = 10;

    private static final double[] QUANTILE_LEVELS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

    public double missingRate() {
        return rows == 0 ? 0 : (double) missing / rows;
    }

    /**
     * Profiles a column. {@code sortedNumbers} are the column's present numbers in ascending order
     * (for numeric columns; {@code null} otherwise), {@code categories} its label counts.
     */
    static ColumnProfile of(Column column, double[] sortedNumbers, CategoryCounts categories) {
        boolean some = sortedNumbers != null && sortedNumbers.length > 0;
        double mean = some ? Descriptive.mean(sortedNumbers) : Double.NaN;
        return of(column, sortedNumbers, categories, mean, some ? Descriptive.variance(sortedNumbers, mean) : Double.NaN);
    }

    /**
     * {@link #of(Column, double[], CategoryCounts)} given the mean and variance of {@code sortedNumbers}
     * ({@link Descriptive#mean}, {@link Descriptive#variance}), which the caller needs as well.
     */
    static ColumnProfile of(Column column, double[] sortedNumbers, CategoryCounts categories, double mean, double variance) {
        long rows = column.size();
        long missing = column.missingCount();
        long count = rows - missing;
        if (sortedNumbers == null) {
            List<CategoryCount> top = categories.ranked();
            return new ColumnProfile(rows, count, missing, column.unparsableCount(), categories.distinct(),
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of(),
                    List.copyOf(top.subList(0, Math.min(TOP_CATEGORIES, top.size()))));
        }
        Map<String, Double> quantiles = new LinkedHashMap<>();
        boolean empty = sortedNumbers.length == 0;
        for (double level : QUANTILE_LEVELS) {
            quantiles.put(String.format("p%02d", Math.round(level * 100)),
                    empty ? Double.NaN : Descriptive.quantile(sortedNumbers, level));
        }
        return new ColumnProfile(rows, count, missing, column.unparsableCount(), distinctSorted(sortedNumbers),
                empty ? Double.NaN : mean,
                sortedNumbers.length < 2 ? Double.NaN : Math.sqrt(variance),
                empty ? Double.NaN : sortedNumbers[0],
                empty ? Double.NaN : sortedNumbers[sortedNumbers.length - 1],
                quantiles, List.of());
    }

    private static long distinctSorted(double[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        // the previous value held, not read again: one load a value
        long distinct = 1;
        double previous = sorted[0];
        for (int i = 1; i < sorted.length; i++) {
            double v = sorted[i];
            if (v != previous) {
                distinct++;
            }
            previous = v;
        }
        return distinct;
    }

    static double[] sortedPresent(Column column) {
        if (column.numbers() == null) {
            return column.presentNumbers(); // throws: the column is not numeric
        }
        return RadixSort.sortedPresent(column.numbers());
    }
}
