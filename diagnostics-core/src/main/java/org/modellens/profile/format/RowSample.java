package org.modellens.profile.format;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A seeded uniform sample of at most {@code k} rows: the rows with the {@code k} smallest sampling
 * priorities ({@link RowHash#priority}, a seeded hash of the row's cells; ties by row index). Every row
 * has the same chance k / n to be kept, whatever the order or the split of the data, and the sample
 * of a union is the bottom k of the parts' samples, so merging is exact: the merged sample equals the
 * sample of the whole. Copies of one duplicated row share a priority and are kept or left together.
 */
public final class RowSample {

    /** One sampled row: its priority, its row index (-1 when unknown) and its cells. */
    public record Entry(long priority, long index, String[] cells) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::priority)
            .thenComparingLong(Entry::index);

    private final int k;
    /** Largest priority on top, so the entry to evict is at hand. */
    private final PriorityQueue<Entry> heap;

    RowSample(int k) {
        this.k = k;
        this.heap = new PriorityQueue<>(Math.min(k, 1024) + 1, ORDER.reversed());
    }

    void add(long priority, long index, String[] cells) {
        if (heap.size() < k) {
            heap.add(new Entry(priority, index, cells));
            return;
        }
        Entry top = heap.peek();
        if (priority < top.priority() || priority == top.priority() && index < top.index()) {
            heap.poll();
            heap.add(new Entry(priority, index, cells));
        }
    }

    void merge(RowSample other) {
        for (Entry e : other.heap) {
            add(e.priority(), e.index(), e.cells());
        }
    }

    public int size() {
        return heap.size();
    }

    /** The sampled rows in row-index order (file order where the indices are known). */
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>(heap);
        list.sort(Comparator.comparingLong(Entry::index).thenComparingLong(Entry::priority));
        return list;
    }

    void remapIndices(java.util.function.LongUnaryOperator map) {
        List<Entry> all = new ArrayList<>(heap);
        heap.clear();
        for (Entry e : all) {
            heap.add(new Entry(e.priority(), map.applyAsLong(e.index()), e.cells()));
        }
    }

    void write(DataOutput out, int width) throws IOException {
        List<Entry> list = entries();
        out.writeInt(list.size());
        for (Entry e : list) {
            out.writeLong(e.priority());
            out.writeLong(e.index());
            for (int c = 0; c < width; c++) {
                String cell = e.cells()[c];
                if (cell == null) {
                    out.writeInt(-1);
                } else {
                    ProfileFormat.writeString(out, cell);
                }
            }
        }
    }

    static RowSample read(DataInput in, int k, int width) throws IOException {
        RowSample sample = new RowSample(k);
        int n = in.readInt();
        if (n < 0 || n > k) {
            throw new IOException("the sample holds " + n + " rows, more than its size " + k);
        }
        for (int i = 0; i < n; i++) {
            long priority = in.readLong();
            long index = in.readLong();
            String[] cells = new String[width];
            for (int c = 0; c < width; c++) {
                cells[c] = ProfileFormat.readNullableString(in);
            }
            sample.add(priority, index, cells);
        }
        return sample;
    }
}
