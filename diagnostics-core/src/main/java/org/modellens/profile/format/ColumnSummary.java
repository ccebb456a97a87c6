package org.modellens.profile.format;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.modellens.data.ColumnCounts;
import org.modellens.data.ColumnFigures;
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
public final class ColumnSummary implements ColumnFigures {

    private final String name;
    private final ColumnType type;
    private final boolean identifier;
    private final int hllLgK;

    /** Rows, missing, unparsable and non-finite cells, moments and label counts: the figures a tally keeps too. */
    private final ColumnCounts counts;
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
        this.hllLgK = options.hllLgK();
        this.counts = new ColumnCounts(counted(), options.maxCategories());
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
        counts.addRow();
        if (cell == null) {
            counts.addMissing();
            return;
        }
        switch (type) {
            case NUMERIC, DATETIME -> {
                double value = type == ColumnType.NUMERIC ? TypeInference.parseNumber(cell) : TypeInference.parseDateTime(cell);
                if (Double.isNaN(value)) {
                    counts.addUnparsable(1, type == ColumnType.NUMERIC && TypeInference.isNonFiniteWord(cell));
                    distinct.update(cell);
                    return;
                }
                counts.addNumber(value);
                quantiles.update(value);
                lowest.add(value);
                highest.add(value);
                distinct.update(value);
            }
            case BOOLEAN, CATEGORICAL -> {
                if (type == ColumnType.BOOLEAN && !TypeInference.isBooleanValue(cell)) {
                    counts.addUnparsable(1, false);
                }
                if (counts.countsLabels()) {
                    counts.addCategory(cell, 1);
                }
                distinct.update(cell);
            }
            case TEXT -> distinct.update(cell);
        }
    }

    /** Adds the other column's summary of other rows to this one. */
    void merge(ColumnSummary other) {
        if (!name.equals(other.name) || type != other.type) {
            throw new IllegalArgumentException("column " + name + " (" + type.jsonName() + ") cannot merge with "
                    + other.name + " (" + other.type.jsonName() + ")");
        }
        counts.merge(other.counts);
        if (quantiles != null) {
            quantiles.merge(other.quantiles);
            lowest.merge(other.lowest);
            highest.merge(other.highest);
        }
        Union union = new Union(hllLgK);
        union.update(distinct);
        union.update(other.distinct);
        distinct = union.getResult(TgtHllType.HLL_8);
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

    /** The exact figures: cell counts, moments and label counts. */
    @Override
    public ColumnCounts counts() {
        return counts;
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
        long count = counts.count();
        if (count == 0 || x <= counts.min()) {
            return new double[] {0, 0};
        }
        if (x > counts.max()) {
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
        long count = counts.count();
        if (count == 0 || x >= counts.max()) {
            return new double[] {0, 0};
        }
        if (x < counts.min()) {
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
        out.writeLong(counts.rows());
        out.writeLong(counts.missing());
        out.writeLong(counts.unparsable());
        out.writeLong(counts.nonFinite());
        out.writeLong(counts.count());
        out.writeDouble(counts.storedMin());
        out.writeDouble(counts.storedMax());
        out.writeDouble(counts.storedMean());
        out.writeDouble(counts.storedM2());
        out.writeBoolean(counts.countsLabels());
        if (counts.countsLabels()) {
            out.writeLong(counts.otherCount());
            out.writeBoolean(counts.categoriesComplete());
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
        s.counts.restore(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readDouble(),
                in.readDouble(), in.readDouble(), in.readDouble());
        if (in.readBoolean()) {
            if (!s.counts.countsLabels()) {
                throw new IOException("column " + name + " carries category counts its type does not have");
            }
            s.counts.restoreOther(in.readLong(), in.readBoolean());
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                s.counts.restoreLabel(ProfileFormat.readString(in), in.readLong());
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
