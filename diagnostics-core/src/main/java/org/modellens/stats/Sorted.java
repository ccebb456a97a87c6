package org.modellens.stats;

/** Ascending samples: views without copying what is sorted already, and searches in them. */
public final class Sorted {

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

    /**
     * The first index at or after {@code from} whose value is greater than {@code x} in ascending {@code sorted}
     * ({@code sorted.length} if none): the count of values at or below {@code x}, numpy's
     * {@code searchsorted(side='right')}.
     */
    public static int firstAbove(double[] sorted, double x, int from) {
        int lo = from;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
