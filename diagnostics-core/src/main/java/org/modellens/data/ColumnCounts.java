package org.modellens.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact figures of one column, counted cell by cell: rows, missing (empty) cells, unparsable cells
 * (non-empty text that is not a value of the column's type, non-finite words included) and non-finite
 * words; the count, minimum, maximum, mean and M2 (sum of squared deviations) of the parsed values,
 * updated by Welford's formula and merged by Chan, Golub and LeVeque's pairwise formula, so merged
 * moments equal the whole's up to floating-point rounding; and, when labels are counted, the count of
 * each label up to {@code maxCategories} labels, later labels together in an exact {@link #otherCount()}.
 *
 * <p>The streamed pass and the held column ({@link ColumnTally}) and the profiles
 * ({@code org.modellens.profile.format.ColumnSummary}) keep their figures here, so they count alike
 * and a profile's figures become a tally without translation. Not thread-safe.
 */
public final class ColumnCounts {

    private final int maxCategories;

    long rows;
    long missing;
    long unparsable;
    long nonFinite;
    private final RunningMoments moments = new RunningMoments();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    private final Map<String, long[]> categories;
    private long otherCount;
    private boolean categoriesComplete = true;

    /**
     * Empty figures.
     *
     * @param countLabels   whether labels are counted (categorical and boolean columns that are no identifier)
     * @param maxCategories distinct labels counted one by one
     */
    public ColumnCounts(boolean countLabels, int maxCategories) {
        this.maxCategories = maxCategories;
        this.categories = countLabels ? new HashMap<>() : null;
    }

    /** An independent copy, labels limited to {@code maxCategories} (no label is dropped). */
    public ColumnCounts copy(int maxCategories) {
        ColumnCounts copy = new ColumnCounts(categories != null, maxCategories);
        copy.restore(rows, missing, unparsable, nonFinite, moments.count(), min, max, moments.storedMean(), moments.storedM2());
        if (categories != null) {
            categories.forEach((label, c) -> copy.categories.put(label, new long[] {c[0]}));
            copy.otherCount = otherCount;
            copy.categoriesComplete = categoriesComplete;
        }
        return copy;
    }

    /** Sets the cell counts and moments as read back from a file ({@code min}, {@code max} as stored). */
    public void restore(long rows, long missing, long unparsable, long nonFinite, long count, double min, double max,
                        double mean, double m2) {
        this.rows = rows;
        this.missing = missing;
        this.unparsable = unparsable;
        this.nonFinite = nonFinite;
        this.min = min;
        this.max = max;
        moments.restore(count, mean, m2);
    }

    /** Sets a label's count and the label figures as read back from a file. */
    public void restoreLabel(String label, long n) {
        categories.put(label, new long[] {n});
    }

    /** Sets the count of labels past the limit and whether every label was counted, as read back from a file. */
    public void restoreOther(long otherCount, boolean categoriesComplete) {
        this.otherCount = otherCount;
        this.categoriesComplete = categoriesComplete;
    }

    /** Counts a row (call once per cell). */
    public void addRow() {
        rows++;
    }

    /** Counts an empty cell. */
    public void addMissing() {
        missing++;
    }

    /** Counts {@code n} equal cells that are no value of the column's type; {@code nonFiniteWord}: a NaN or Inf word. */
    public void addUnparsable(long n, boolean nonFiniteWord) {
        unparsable += n;
        if (nonFiniteWord) {
            nonFinite += n;
        }
    }

    /** Adds a parsed value to the moments (Welford). */
    public void addNumber(double value) {
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
        moments.add(value);
    }

    /** Adds {@code k} equal values at once (Chan's formula with M2 = 0 for the group), as from a label count. */
    public void addEqual(double value, long k) {
        moments.addEqual(value, k);
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Counts {@code n} cells of {@code label}: in its own count while there is room, else in {@link #otherCount()}. */
    public void addCategory(String label, long n) {
        long[] c = categories.get(label);
        if (c != null) {
            c[0] += n;
        } else if (categories.size() < maxCategories) {
            categories.put(label, new long[] {n});
        } else {
            otherCount += n;
            categoriesComplete = false;
        }
    }

    /**
     * Adds the figures of other rows of the same column. Past {@code maxCategories} labels the most
     * frequent are kept (ties by label), so the result does not depend on the merge order.
     */
    public void merge(ColumnCounts other) {
        rows += other.rows;
        missing += other.missing;
        unparsable += other.unparsable;
        nonFinite += other.nonFinite;
        if (other.count() > 0) {
            min = count() == 0 ? other.min : Math.min(min, other.min);
            max = count() == 0 ? other.max : Math.max(max, other.max);
            moments.merge(other.moments);
        }
        if (categories != null) {
            otherCount += other.otherCount;
            categoriesComplete &= other.categoriesComplete;
            other.categories.forEach((label, c) -> {
                long[] mine = categories.get(label);
                if (mine != null) {
                    mine[0] += c[0];
                } else {
                    categories.put(label, new long[] {c[0]});
                }
            });
            if (categories.size() > maxCategories) {
                List<Map.Entry<String, long[]>> entries = new ArrayList<>(categories.entrySet());
                entries.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey));
                for (Map.Entry<String, long[]> dropped : entries.subList(maxCategories, entries.size())) {
                    otherCount += dropped.getValue()[0];
                    categories.remove(dropped.getKey());
                }
                categoriesComplete = false;
            }
        }
    }

    /** Data rows. */
    public long rows() {
        return rows;
    }

    /** Empty cells. */
    public long missing() {
        return missing;
    }

    /** Non-empty cells that do not parse as the column's type (non-finite words included). */
    public long unparsable() {
        return unparsable;
    }

    /** Cells holding NaN, Inf or Infinity text in a numeric column. */
    public long nonFinite() {
        return nonFinite;
    }

    /** Parsed values of a numeric or datetime column. */
    public long count() {
        return moments.count();
    }

    public double min() {
        return count() == 0 ? Double.NaN : min;
    }

    public double max() {
        return count() == 0 ? Double.NaN : max;
    }

    public double mean() {
        return moments.mean();
    }

    /** Sum of squared deviations from the mean. */
    public double m2() {
        return moments.m2();
    }

    /** Sample standard deviation (n - 1), as numpy's {@code std(ddof=1)}; NaN below two values. */
    public double std() {
        return moments.std();
    }

    /** The minimum as stored: positive infinity before the first value (for writing the figures back). */
    public double storedMin() {
        return min;
    }

    /** The maximum as stored: negative infinity before the first value. */
    public double storedMax() {
        return max;
    }

    /** The mean as stored: 0 before the first value. */
    public double storedMean() {
        return moments.storedMean();
    }

    /** M2 as stored: 0 before the first value. */
    public double storedM2() {
        return moments.storedM2();
    }

    /** Whether labels are counted. */
    public boolean countsLabels() {
        return categories != null;
    }

    /** Label counts in label order, or {@code null} when labels are not counted. */
    public Map<String, Long> categoryCounts() {
        if (categories == null) {
            return null;
        }
        Map<String, Long> counts = new TreeMap<>();
        categories.forEach((label, c) -> counts.put(label, c[0]));
        return counts;
    }

    /** Whether {@code label} has a count of its own. */
    public boolean hasCategory(String label) {
        return categories != null && categories.containsKey(label);
    }

    /** Cells whose label came after the category limit was reached. */
    public long otherCount() {
        return otherCount;
    }

    /** Whether every distinct label was counted (false once {@code maxCategories} was exceeded). */
    public boolean categoriesComplete() {
        return categoriesComplete;
    }
}
