package org.modellens.stats;

/** Ascending views of samples without copying what is sorted already (callers often pass sorted data). */
final class Sorted {

    private Sorted() {
    }

    /** {@code values} itself when already ascending, else a sorted copy; never modifies {@code values}. */
    static double[] ascending(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[i - 1]) {
                double[] copy = values.clone();
                RadixSort.sort(copy);
                return copy;
            }
        }
        return values;
    }
}
