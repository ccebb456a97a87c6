package org.modellens.stats;

/**
 * The two distances between the empirical CDFs of two samples that the numeric drift statistics need,
 * from one merged walk over the samples in ascending order instead of one walk each:
 * {@link KolmogorovSmirnov#twoSampleOfSorted} (the largest gap between the CDFs, with its p-value) and
 * {@link Wasserstein#distanceOfSorted} (the area between them). Both equal the separate computations bit
 * for bit: the walk visits the distinct values in order, and the area adds the same terms
 * {@code |U(v_k) - V(v_k)| * (v_(k+1) - v_k)} in the same order. Samples with an infinite or NaN value
 * (whose area terms are NaN or infinite element by element) are measured by the separate walks.
 *
 * @param ks          the two-sample Kolmogorov-Smirnov test
 * @param wasserstein the first Wasserstein distance
 */
public record CdfDistances(KsResult ks, double wasserstein) {

    /**
     * Both distances of two non-empty samples in any order (sorted copies are made of those that are not
     * ascending); they are not modified.
     *
     * @throws IllegalArgumentException if either sample is empty
     */
    public static CdfDistances of(double[] a, double[] b) {
        if (a == null || b == null || a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("Data passed to ks_2samp must not be empty");
        }
        return ofSorted(Sorted.ascending(a), Sorted.ascending(b));
    }

    /**
     * Both distances of two non-empty samples already in ascending order (not checked: the caller sorted
     * them); they are not modified.
     *
     * @throws IllegalArgumentException if either sample is empty
     */
    public static CdfDistances ofSorted(double[] a, double[] b) {
        if (a == null || b == null || a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("Data passed to ks_2samp must not be empty");
        }
        int n1 = a.length;
        int n2 = b.length;
        if (!Double.isFinite(a[0]) || !Double.isFinite(b[0]) || !Double.isFinite(a[n1 - 1]) || !Double.isFinite(b[n2 - 1])) {
            return new CdfDistances(KolmogorovSmirnov.twoSampleOfSorted(a, b), Wasserstein.distanceOfSorted(a, b));
        }
        double dn1 = n1;
        double dn2 = n2;
        double maxS = Double.NEGATIVE_INFINITY;
        double minD = Double.POSITIVE_INFINITY;
        double area = 0.0;
        double previous = 0.0; // the last distinct value, once there is one
        double gap = 0.0;      // U - V just after it
        int i = 0;
        int j = 0;
        while (i < n1 || j < n2) {
            double v = j >= n2 || i < n1 && a[i] <= b[j] ? a[i] : b[j];
            if (i + j > 0) {
                area += Math.abs(gap) * (v - previous);
            }
            while (i < n1 && a[i] <= v) {
                i++;
            }
            while (j < n2 && b[j] <= v) {
                j++;
            }
            gap = i / dn1 - j / dn2;
            if (gap > maxS) {
                maxS = gap;
            }
            if (gap < minD) {
                minD = gap;
            }
            previous = v;
        }
        double minS = Math.min(Math.max(-minD, 0.0), 1.0);
        return new CdfDistances(KolmogorovSmirnov.pValue(n1, n2, minS > maxS ? minS : maxS), area);
    }
}
