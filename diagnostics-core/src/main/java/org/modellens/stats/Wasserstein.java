package org.modellens.stats;

/**
 * First Wasserstein (earth mover's) distance between two 1-D empirical distributions, equal to
 * {@code scipy.stats.wasserstein_distance(u, v)} (unweighted):
 * {@code W1 = integral |U(x) - V(x)| dx = sum_i |U(x_i) - V(x_i)| (x_{i+1} - x_i)} over the sorted pooled sample,
 * with empirical CDFs {@code U(x) = #{u <= x}/n_u}. Implemented as a merge walk over sorted copies.
 */
public final class Wasserstein {
    private Wasserstein() {
    }

    /**
     * scipy.stats.wasserstein_distance(u, v).
     *
     * @throws IllegalArgumentException if either sample is empty
     */
    public static double distance(double[] u, double[] v) {
        if (u == null || v == null || u.length == 0 || v.length == 0) {
            throw new IllegalArgumentException("Distribution can't be empty");
        }
        return distanceOfSorted(Sorted.ascending(u), Sorted.ascending(v));
    }

    /** {@link #distance} of samples already in ascending order (not checked: the caller sorted them). */
    public static double distanceOfSorted(double[] a, double[] b) {
        if (a == null || b == null || a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("Distribution can't be empty");
        }
        int na = a.length;
        int nb = b.length;
        int i = 0;
        int j = 0;
        double prev = Math.min(a[0], b[0]);
        double sum = 0.0;
        while (i < na || j < nb) {
            double next;
            boolean takeA = j >= nb || (i < na && a[i] <= b[j]);
            next = takeA ? a[i] : b[j];
            double delta = next - prev;
            if (delta != 0.0) {
                sum += Math.abs((double) i / na - (double) j / nb) * delta;
            }
            if (takeA) {
                i++;
            } else {
                j++;
            }
            prev = next;
        }
        return sum;
    }
}
