package org.modellens.stats;

import java.util.Arrays;

/** Row orders by a key without boxing: the rank of each key packed with its row index into a long. */
public final class IndexOrder {

    private IndexOrder() {
    }

    /** Row indices in ascending key order, ties in row order; NaN keys sort last, as {@link Arrays#sort(double[])} puts them. */
    public static int[] ascending(double[] keys) {
        double[] sorted = keys.clone();
        Arrays.sort(sorted);
        long[] packed = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            packed[i] = ((long) lowerBound(sorted, keys[i]) << 32) | i;
        }
        Arrays.sort(packed);
        int[] order = new int[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) (packed[i] & 0xffffffffL);
        }
        return order;
    }

    /** The first index of {@code sorted} whose value is not less than {@code key} (Double.compare order). */
    private static int lowerBound(double[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
