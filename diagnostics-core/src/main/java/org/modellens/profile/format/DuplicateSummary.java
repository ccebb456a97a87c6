package org.modellens.profile.format;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

import org.modellens.data.RowHashSet;

/**
 * Exact duplicate rows by row hash ({@link RowHash}): rows that repeat an earlier row in every cell.
 * While the distinct row hashes are held ({@link #hashesKept()}), merging is exact: the duplicates of
 * a union are its rows minus its distinct hashes. A file keeps the hashes up to
 * {@link ProfileOptions#maxStoredHashes()}; past that it keeps the exact count, and a later merge with
 * another part adds the counts (a lower bound: rows repeated across the parts are not seen), said by
 * {@link #exact()} turning false. A producer that counts the duplicates of the whole another way (the
 * Spark job: a distinct count of the row hashes) sets the exact figure with {@link #setExact}.
 */
public final class DuplicateSummary {

    private long rows;
    private long duplicates;
    private boolean exact = true;
    /** The distinct row hashes; {@code null} once dropped. */
    private RowHashSet hashes = new RowHashSet(1 << 10);
    /** Up to {@code RowTally.EXAMPLES} duplicate row indices, smallest first. */
    private long[] examples = new long[0];

    void add(long hash, long index) {
        rows++;
        if (hashes != null && !hashes.add(hash)) {
            duplicates++;
            addExample(index);
        }
    }

    private void addExample(long index) {
        if (index < 0) {
            return;
        }
        if (examples.length < org.modellens.data.RowTally.EXAMPLES) {
            examples = Arrays.copyOf(examples, examples.length + 1);
            examples[examples.length - 1] = index;
            Arrays.sort(examples);
        } else if (index < examples[examples.length - 1]) {
            examples[examples.length - 1] = index;
            Arrays.sort(examples);
        }
    }

    void merge(DuplicateSummary other) {
        long allRows = rows + other.rows;
        if (hashes != null && other.hashes != null) {
            other.hashes.forEach(hashes::add);
            duplicates = allRows - hashes.size();
        } else {
            hashes = null;
            duplicates += other.duplicates;
            exact = false;
        }
        exact &= other.exact;
        rows = allRows;
        for (long e : other.examples) {
            addExample(e);
        }
    }

    /** Sets the exact duplicate count of the whole, counted outside this summary. */
    void setExact(long duplicateRows) {
        duplicates = duplicateRows;
        exact = true;
    }

    /** Drops the hashes (a producer that counts the duplicates of the whole itself). */
    void dropHashes() {
        hashes = null;
    }

    public long rows() {
        return rows;
    }

    /** Rows repeating another row in every cell (exact when {@link #exact()}, else a lower bound). */
    public long duplicates() {
        return duplicates;
    }

    public boolean exact() {
        return exact;
    }

    public boolean hashesKept() {
        return hashes != null;
    }

    /** Example duplicate row indices, smallest first (may be fewer than the count, or none when unknown). */
    public long[] examples() {
        return examples.clone();
    }

    void remapIndices(java.util.function.LongUnaryOperator map) {
        for (int i = 0; i < examples.length; i++) {
            examples[i] = map.applyAsLong(examples[i]);
        }
        Arrays.sort(examples);
    }

    void write(DataOutput out, int maxStoredHashes) throws IOException {
        out.writeLong(rows);
        out.writeLong(duplicates);
        out.writeBoolean(exact);
        out.writeInt(examples.length);
        for (long e : examples) {
            out.writeLong(e);
        }
        boolean keep = hashes != null && hashes.size() <= maxStoredHashes;
        out.writeBoolean(keep);
        if (keep) {
            long[] sorted = hashes.toArray();
            Arrays.sort(sorted);
            out.writeInt(sorted.length);
            // Sorted hashes as unsigned deltas in 7-bit groups: about 8 - log2(n)/8 bytes a hash.
            long previous = Long.MIN_VALUE;
            for (long h : sorted) {
                ProfileFormat.writeVarLong(out, h - previous);
                previous = h;
            }
        }
    }

    static DuplicateSummary read(DataInput in) throws IOException {
        DuplicateSummary d = new DuplicateSummary();
        d.rows = in.readLong();
        d.duplicates = in.readLong();
        d.exact = in.readBoolean();
        int n = in.readInt();
        if (n < 0 || n > org.modellens.data.RowTally.EXAMPLES) {
            throw new IOException("bad duplicate example count " + n);
        }
        d.examples = new long[n];
        for (int i = 0; i < n; i++) {
            d.examples[i] = in.readLong();
        }
        if (in.readBoolean()) {
            int size = in.readInt();
            if (size < 0) {
                throw new IOException("bad row-hash count " + size);
            }
            RowHashSet set = new RowHashSet(1 << 10);
            long previous = Long.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                previous += ProfileFormat.readVarLong(in);
                set.add(previous);
            }
            d.hashes = set;
        } else {
            d.hashes = null;
        }
        return d;
    }
}
