package org.modellens.stats;

/** Row orders by a key without boxing. */
public final class IndexOrder {

    private IndexOrder() {
    }

    /**
     * Row indices in ascending key order, ties in row order; NaN keys sort last, as
     * {@link java.util.Arrays#sort(double[])} puts them (a radix sort: {@link RadixSort#order}).
     */
    public static int[] ascending(double[] keys) {
        return RadixSort.order(keys);
    }
}
