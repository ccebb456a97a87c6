package org.modellens.data;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Rows of a file counted in one pass: how many, and the first few row indices (0-based data rows,
 * header not counted) as examples.
 */
public final class RowTally {

    /** How many example rows are kept, as many as a finding shows. */
    public static final int EXAMPLES = 10;

    private long count;
    private final long[] examples = new long[EXAMPLES];
    /** Every counted row, kept only when counting a snapshot held whole ({@link #keepAll}); else {@code null}. */
    private BitSet all;

    /** A tally restored from its figures (a profile file): the count and up to {@value #EXAMPLES} examples. */
    public static RowTally of(long count, long[] examples) {
        RowTally tally = new RowTally();
        tally.count = count;
        System.arraycopy(examples, 0, tally.examples, 0, Math.min(EXAMPLES, Math.min(examples.length, (int) Math.min(count, EXAMPLES))));
        return tally;
    }

    void copy(RowTally other) {
        count = other.count;
        System.arraycopy(other.examples, 0, examples, 0, EXAMPLES);
    }

    /** Adds the rows another tally counted (no row counted by both): the examples stay the first rows of the two. */
    void addAll(RowTally other) {
        long[] merged = new long[(int) Math.min(count, EXAMPLES) + (int) Math.min(other.count, EXAMPLES)];
        System.arraycopy(examples, 0, merged, 0, (int) Math.min(count, EXAMPLES));
        System.arraycopy(other.examples, 0, merged, (int) Math.min(count, EXAMPLES), (int) Math.min(other.count, EXAMPLES));
        Arrays.sort(merged);
        System.arraycopy(merged, 0, examples, 0, Math.min(EXAMPLES, merged.length));
        count += other.count;
        if (all != null && other.all != null) {
            all.or(other.all);
        }
    }

    /** Keeps every row counted from now on, not only the examples: the rows of a snapshot held whole can all be exported. */
    void keepAll() {
        all = new BitSet();
    }

    void add(long row) {
        if (count < EXAMPLES) {
            examples[(int) count] = row;
        }
        count++;
        if (all != null) {
            all.set(Math.toIntExact(row));
        }
    }

    /** Every counted row (file rows, which are the held rows of a snapshot held whole), or {@code null} when only examples were kept. */
    public BitSet all() {
        return all == null ? null : (BitSet) all.clone();
    }

    public long count() {
        return count;
    }

    /** The first affected rows in file order (at most {@value #EXAMPLES}). */
    public long[] examples() {
        return Arrays.copyOf(examples, (int) Math.min(count, EXAMPLES));
    }
}
