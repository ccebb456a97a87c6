package org.modellens.stats;

import java.util.Arrays;

/** Ascending views of samples without copying what is sorted already (callers often pass sorted data). */
final class Sorted {

    private static final int PARALLEL_THRESHOLD = 50_000;

    private Sorted() {
    }

    /** {@code values} itself when already ascending, else a sorted copy; never modifies {@code values}. */
    static double[] ascending(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[i - 1]) {
                double[] copy = values.clone();
                if (copy.length >= PARALLEL_THRESHOLD) {
                    Arrays.parallelSort(copy);
                } else {
                    Arrays.sort(copy);
                }
                return copy;
            }
        }
        return values;
    }
}
