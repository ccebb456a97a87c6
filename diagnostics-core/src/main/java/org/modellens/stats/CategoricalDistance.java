package org.modellens.stats;

/**
 * Distances between two categorical distributions.
 *
 * <ul>
 *   <li>{@link #jensenShannon(double[], double[])} = {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}:
 *       inputs are normalised to sum 1, {@code m = (p+q)/2},
 *       {@code JS = sqrt((KL(p||m) + KL(q||m)) / (2 ln 2))}, in [0, 1].</li>
 *   <li>{@link #totalVariation(double[], double[])} = {@code 0.5 * sum |p_i - q_i|} of the normalised vectors
 *       (numpy reference), in [0, 1].</li>
 *   <li>{@link #cramersV(long[], long[])} = {@code scipy.stats.contingency.association(table, method='cramer')}:
 *       {@code sqrt(chi2 / (N * min(r-1, c-1)))} with the uncorrected Pearson chi-square of the 2 x k table
 *       (empty categories dropped); 0 when fewer than 2 categories remain.</li>
 * </ul>
 */
public final class CategoricalDistance {
    private CategoricalDistance() {
    }

    private static double[] normalize(double[] p) {
        double s = 0;
        for (double v : p) {
            if (v < 0 || Double.isNaN(v)) {
                throw new IllegalArgumentException("weights must be non-negative");
            }
            s += v;
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException("weights must have a positive sum");
        }
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] / s;
        }
        return out;
    }

    private static double relEntr(double x, double y) {
        if (x > 0 && y > 0) {
            return x * Math.log(x / y);
        }
        if (x == 0 && y >= 0) {
            return 0.0;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** scipy.spatial.distance.jensenshannon(p, q, base=2) (tiny negative rounding clamped to 0). */
    public static double jensenShannon(double[] p, double[] q) {
        checkLen(p.length, q.length);
        double[] pn = normalize(p);
        double[] qn = normalize(q);
        double left = 0;
        double right = 0;
        for (int i = 0; i < pn.length; i++) {
            double m = (pn[i] + qn[i]) / 2.0;
            left += relEntr(pn[i], m);
            right += relEntr(qn[i], m);
        }
        double js = (left + right) / Math.log(2);
        return Math.sqrt(Math.max(js / 2.0, 0.0));
    }

    /** Total variation distance 0.5 * sum |p_i - q_i| of the normalised vectors. */
    public static double totalVariation(double[] p, double[] q) {
        checkLen(p.length, q.length);
        double[] pn = normalize(p);
        double[] qn = normalize(q);
        double s = 0;
        for (int i = 0; i < pn.length; i++) {
            s += Math.abs(pn[i] - qn[i]);
        }
        return 0.5 * s;
    }

    /** Cramér's V of the 2 x k table [trainCounts; prodCounts] (uncorrected chi-square). */
    public static double cramersV(long[] trainCounts, long[] prodCounts) {
        checkLen(trainCounts.length, prodCounts.length);
        ChiSquareResult r = ChiSquare.compute(trainCounts, prodCounts, false);
        if (r.dof() == 0) {
            return 0.0;
        }
        double n = 0;
        for (int i = 0; i < trainCounts.length; i++) {
            n += trainCounts[i] + prodCounts[i];
        }
        return Math.sqrt(r.statistic() / n / 1.0);
    }

    private static void checkLen(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("length mismatch");
        }
    }
}
