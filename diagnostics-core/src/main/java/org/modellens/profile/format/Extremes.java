package org.modellens.profile.format;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The {@code size} smallest (or largest) values of a column, as a multiset: a bounded binary heap whose
 * root is the value to evict. The extremes of a union are the extremes of the parts' extremes, so
 * merging is exact. They make tail counts exact: every value beyond a fence that lies inside the kept
 * extremes is itself kept.
 */
final class Extremes {

    private final int size;
    private final boolean largest;
    /** A max-heap of the smallest values (a min-heap of the largest, by storing them negated). */
    private double[] heap;
    private int n;

    Extremes(int size, boolean largest) {
        this.size = size;
        this.largest = largest;
        this.heap = new double[Math.min(size, 16)];
    }

    void add(double value) {
        double key = largest ? -value : value;
        if (n < size) {
            if (n == heap.length) {
                heap = Arrays.copyOf(heap, Math.min(size, n * 2));
            }
            heap[n] = key;
            up(n++);
        } else if (key < heap[0]) {
            heap[0] = key;
            down(0);
        }
    }

    void merge(Extremes other) {
        for (int i = 0; i < other.n; i++) {
            add(largest ? -other.heap[i] : other.heap[i]);
        }
    }

    /** Whether fewer values than the bound were offered: then the kept values are all values. */
    boolean holdsAll() {
        return n < size;
    }

    /** The kept value nearest the middle (the least extreme), NaN when empty. */
    double innermost() {
        return n == 0 ? Double.NaN : largest ? -heap[0] : heap[0];
    }

    /**
     * Values strictly beyond {@code x} (below for the smallest, above for the largest), or -1 when the
     * kept values cannot tell (x lies inside them and values were left out).
     */
    long countBeyond(double x) {
        boolean decidable = holdsAll() || (largest ? x >= innermost() : x <= innermost());
        if (!decidable) {
            return -1;
        }
        long count = 0;
        for (int i = 0; i < n; i++) {
            double v = largest ? -heap[i] : heap[i];
            if (largest ? v > x : v < x) {
                count++;
            }
        }
        return count;
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] >= heap[i]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int top = i;
            if (l < n && heap[l] > heap[top]) {
                top = l;
            }
            if (r < n && heap[r] > heap[top]) {
                top = r;
            }
            if (top == i) {
                return;
            }
            swap(i, top);
            i = top;
        }
    }

    private void swap(int i, int j) {
        double t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }

    void write(DataOutput out) throws IOException {
        double[] sorted = Arrays.copyOf(heap, n);
        Arrays.sort(sorted);
        out.writeInt(n);
        for (double v : sorted) {
            out.writeDouble(largest ? -v : v);
        }
    }

    static Extremes read(DataInput in, int size, boolean largest) throws IOException {
        Extremes e = new Extremes(size, largest);
        int n = in.readInt();
        if (n < 0 || n > size) {
            throw new IOException("bad extreme-value count " + n);
        }
        for (int i = 0; i < n; i++) {
            e.add(in.readDouble());
        }
        return e;
    }
}
