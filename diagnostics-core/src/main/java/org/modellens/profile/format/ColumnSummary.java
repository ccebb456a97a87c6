package org.modellens.profile.format;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.modellens.data.ColumnType;
import org.modellens.data.TypeInference;

/**
 * The mergeable summary of one column.
 *
 * <ul>
 * <li>Exact counts: rows, missing (empty) cells, unparsable cells (non-empty text that is not a value of
 *     the column's type), non-finite words (NaN, Inf) in a numeric column.</li>
 * <li>Numeric and datetime columns: count, minimum, maximum, mean and M2 (sum of squared deviations),
 *     the {@value #EXTREMES} smallest and largest values (exact tail counts, see {@link #countAbove}),
 *     updated by Welford's formula and merged by Chan, Golub and LeVeque's pairwise formula, so merged
 *     moments equal the whole's up to floating-point rounding; a KLL quantile sketch (DataSketches,
 *     normalized rank error {@link ProfileOptions#rankError()}).</li>
 * <li>Categorical and boolean columns (not identifiers): the count of each label up to
 *     {@code maxCategories} labels, later labels counted together in an exact "other" count. While no
 *     label went to "other" (complete), the counts are exact and merge exactly; after, each kept count
 *     is a lower bound of the true count and labels + other still sum to the non-missing cells.</li>
 * <li>Every column: an HLL distinct-count sketch of the values (numbers as numbers, other cells as text),
 *     relative standard error {@link ProfileOptions#distinctRelativeError()}.</li>
 * </ul>
 * Not thread-safe.
 */
public final class ColumnSummary {

    private final String name;
    private final ColumnType type;
    private final boolean identifier;
    private final int maxCategories;
    private final int hllLgK;

    long rows;
    long missing;
    long unparsable;
    long nonFinite;
    long count;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double mean;
    double m2;
    private final HashMap<String, long[]> categories;
    long otherCount;
    boolean categoriesComplete = true;
    private KllDoublesSketch quantiles;
    private Extremes lowest;
    private Extremes highest;
    private HllSketch distinct;

    /** Smallest and largest values kept exactly per numeric column, for exact tail counts. */
    static final int EXTREMES = 1000;

    ColumnSummary(String name, ColumnType type, boolean identifier, ProfileOptions options) {
        this.name = name;
        this.type = type;
        this.identifier = identifier;
        this.maxCategories = options.maxCategories();
        this.hllLgK = options.hllLgK();
        this.categories = counted() ? new HashMap<>() : null;
        this.quantiles = numeric() ? KllDoublesSketch.newHeapInstance(options.kllK()) : null;
        this.lowest = numeric() ? new Extremes(EXTREMES, false) : null;
        this.highest = numeric() ? new Extremes(EXTREMES, true) : null;
        this.distinct = new HllSketch(hllLgK, TgtHllType.HLL_8);
    }

    private boolean numeric() {
        return type == ColumnType.NUMERIC || type == ColumnType.DATETIME;
    }

    /** Identifiers are all distinct: counting their labels would only fill memory. */
    private boolean counted() {
        return (type == ColumnType.CATEGORICAL || type == ColumnType.BOOLEAN) && !identifier;
    }

    /** Counts one cell ({@code null} = missing). */
    void add(String cell) {
        rows++;
        if (cell == null) {
            missing++;
            return;
        }
        switch (type) {
            case NUMERIC, DATETIME -> {
                double value = type == ColumnType.NUMERIC ? TypeInference.parseNumber(cell) : TypeInference.parseDateTime(cell);
                if (Double.isNaN(value)) {
                    unparsable++;
                    if (type == ColumnType.NUMERIC && TypeInference.isNonFiniteWord(cell)) {
                        nonFinite++;
                    }
                    distinct.update(cell);
                    return;
                }
                addNumber(value);
                distinct.update(value);
            }
            case BOOLEAN, CATEGORICAL -> {
                if (type == ColumnType.BOOLEAN && !TypeInference.isBooleanValue(cell)) {
                    unparsable++;
                }
                if (categories != null) {
                    addCategory(cell, 1);
                }
                distinct.update(cell);
            }
            case TEXT -> distinct.update(cell);
        }
    }

    private void addNumber(double value) {
        count++;
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
        quantiles.update(value);
        lowest.add(value);
        highest.add(value);
    }

    private void addCategory(String label, long n) {
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

    /** Adds the other column's summary of other rows to this one. */
    void merge(ColumnSummary other) {
        if (!name.equals(other.name) || type != other.type) {
            throw new IllegalArgumentException("column " + name + " (" + type.jsonName() + ") cannot merge with "
                    + other.name + " (" + other.type.jsonName() + ")");
        }
        rows += other.rows;
        missing += other.missing;
        unparsable += other.unparsable;
        nonFinite += other.nonFinite;
        if (other.count > 0) {
            if (count == 0) {
                min = other.min;
                max = other.max;
                mean = other.mean;
                m2 = other.m2;
            } else {
                // Chan, Golub & LeVeque (1979): exact for the pooled moments, stable for large counts.
                double n = (double) count + other.count;
                double delta = other.mean - mean;
                mean = mean + delta * other.count / n;
                m2 = m2 + other.m2 + delta * delta * ((double) count * other.count / n);
                min = Math.min(min, other.min);
                max = Math.max(max, other.max);
            }
            count += other.count;
        }
        if (quantiles != null) {
            quantiles.merge(other.quantiles);
            lowest.merge(other.lowest);
            highest.merge(other.highest);
        }
        Union union = new Union(hllLgK);
        union.update(distinct);
        union.update(other.distinct);
        distinct = union.getResult(TgtHllType.HLL_8);
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
                // Keep the most frequent labels (ties by label), so the result does not depend on merge order.
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

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    public boolean identifier() {
        return identifier;
    }

    public long rows() {
        return rows;
    }

    public long missing() {
        return missing;
    }

    public long unparsable() {
        return unparsable;
    }

    public long nonFinite() {
        return nonFinite;
    }

    /** Parsed values of a numeric or datetime column. */
    public long count() {
        return count;
    }

    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Sum of squared deviations from the mean. */
    public double m2() {
        return count == 0 ? Double.NaN : m2;
    }

    /** Sample standard deviation (n - 1); NaN below two values. */
    public double std() {
        return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
    }

    /** Label counts in label order, or {@code null} when the column's labels are not counted. */
    public Map<String, Long> categoryCounts() {
        if (categories == null) {
            return null;
        }
        Map<String, Long> counts = new TreeMap<>();
        categories.forEach((label, c) -> counts.put(label, c[0]));
        return counts;
    }

    public long otherCount() {
        return otherCount;
    }

    public boolean categoriesComplete() {
        return categoriesComplete;
    }

    /** The KLL sketch of the parsed values (numeric and datetime columns), else {@code null}. */
    public KllDoublesSketch quantiles() {
        return quantiles;
    }

    /** Estimated distinct values. */
    public double distinctEstimate() {
        return distinct.getEstimate();
    }

    /** Bounds of the distinct-count estimate at {@code stdDevs} (1 to 3) standard deviations. */
    public double[] distinctBounds(int stdDevs) {
        return new double[] {distinct.getLowerBound(stdDevs), distinct.getUpperBound(stdDevs)};
    }

    /**
     * Number of parsed values below {@code x} (strictly) and its error bound in values. Exact (bound 0)
     * when {@code x} lies outside [min, max] or among the {@value #EXTREMES} smallest values; otherwise
     * the KLL estimate, within the KLL rank error times the count.
     */
    public double[] countBelow(double x) {
        if (count == 0 || x <= min) {
            return new double[] {0, 0};
        }
        if (x > max) {
            return new double[] {count, 0};
        }
        long exact = lowest.countBeyond(x);
        if (exact >= 0) {
            return new double[] {exact, 0};
        }
        double rank = quantiles.getRank(x, org.apache.datasketches.quantilescommon.QuantileSearchCriteria.EXCLUSIVE);
        return new double[] {rank * count, quantiles.getNormalizedRankError(false) * count};
    }

    /** Number of parsed values above {@code x} (strictly), with its error bound, as {@link #countBelow}. */
    public double[] countAbove(double x) {
        if (count == 0 || x >= max) {
            return new double[] {0, 0};
        }
        if (x < min) {
            return new double[] {count, 0};
        }
        long exact = highest.countBeyond(x);
        if (exact >= 0) {
            return new double[] {exact, 0};
        }
        double rank = quantiles.getRank(x, org.apache.datasketches.quantilescommon.QuantileSearchCriteria.INCLUSIVE);
        return new double[] {(1 - rank) * count, quantiles.getNormalizedRankError(false) * count};
    }

    void write(DataOutput out) throws IOException {
        ProfileFormat.writeString(out, name);
        out.writeByte(type.ordinal());
        out.writeBoolean(identifier);
        out.writeLong(rows);
        out.writeLong(missing);
        out.writeLong(unparsable);
        out.writeLong(nonFinite);
        out.writeLong(count);
        out.writeDouble(min);
        out.writeDouble(max);
        out.writeDouble(mean);
        out.writeDouble(m2);
        out.writeBoolean(categories != null);
        if (categories != null) {
            out.writeLong(otherCount);
            out.writeBoolean(categoriesComplete);
            Map<String, Long> sorted = categoryCounts();
            out.writeInt(sorted.size());
            for (Map.Entry<String, Long> e : sorted.entrySet()) {
                ProfileFormat.writeString(out, e.getKey());
                out.writeLong(e.getValue());
            }
        }
        out.writeBoolean(quantiles != null);
        if (quantiles != null) {
            ProfileFormat.writeBytes(out, quantiles.toByteArray());
            lowest.write(out);
            highest.write(out);
        }
        ProfileFormat.writeBytes(out, distinct.toCompactByteArray());
    }

    static ColumnSummary read(DataInput in, ProfileOptions options) throws IOException {
        String name = ProfileFormat.readString(in);
        int ordinal = in.readUnsignedByte();
        if (ordinal >= ColumnType.values().length) {
            throw new IOException("unknown column type " + ordinal + " for column " + name);
        }
        ColumnSummary s = new ColumnSummary(name, ColumnType.values()[ordinal], in.readBoolean(), options);
        s.rows = in.readLong();
        s.missing = in.readLong();
        s.unparsable = in.readLong();
        s.nonFinite = in.readLong();
        s.count = in.readLong();
        s.min = in.readDouble();
        s.max = in.readDouble();
        s.mean = in.readDouble();
        s.m2 = in.readDouble();
        if (in.readBoolean()) {
            if (s.categories == null) {
                throw new IOException("column " + name + " carries category counts its type does not have");
            }
            s.otherCount = in.readLong();
            s.categoriesComplete = in.readBoolean();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                s.categories.put(ProfileFormat.readString(in), new long[] {in.readLong()});
            }
        }
        if (in.readBoolean()) {
            s.quantiles = KllDoublesSketch.heapify(Memory.wrap(ProfileFormat.readBytes(in)));
            s.lowest = Extremes.read(in, EXTREMES, false);
            s.highest = Extremes.read(in, EXTREMES, true);
        }
        s.distinct = HllSketch.heapify(ProfileFormat.readBytes(in));
        return s;
    }
}
