package org.modellens.stats;

/**
 * Descriptive statistics matching numpy.
 *
 * <ul>
 *   <li>{@link #quantile(double[], double)} equals {@code numpy.quantile(a, p)} with the default
 *       {@code method='linear'}: virtual index {@code h = (n-1)p}, result
 *       {@code a[floor h] + (h - floor h)(a[floor h + 1] - a[floor h])} (numpy's lerp form).</li>
 *   <li>{@link #mean(double[])} equals {@code numpy.mean}.</li>
 *   <li>{@link #std(double[])} equals {@code numpy.std(a, ddof=1)} = sqrt(sum((x-mean)^2)/(n-1));
 *       NaN when n &lt; 2.</li>
 *   <li>{@link #standardizedMeanDifference(double[], double[])} =
 *       (mean(prod) - mean(train)) / sqrt((var(train) + var(prod)) / 2) with ddof=1 variances.
 *       Returns 0 when the pooled standard deviation is 0 and the means are equal, and
 *       {@link Double#NaN} when the pooled standard deviation is 0 but the means differ (never +/-Infinity).</li>
 * </ul>
 */
public final class Descriptive {
    private Descriptive() {
    }

    /**
     * numpy.quantile(sorted, p) with the default linear method.
     *
     * @param sorted ascending-sorted, non-empty data
     * @param p      probability in [0,1]
     */
    public static double quantile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty input");
        }
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p must be in [0,1]: " + p);
        }
        double virtual = (n - 1) * p;
        if (virtual >= n - 1) {
            return sorted[n - 1];
        }
        double prevD = Math.floor(virtual);
        int prev = (int) prevD;
        int next = prev + 1;
        double t = virtual - prevD;
        double a = sorted[prev];
        double b = sorted[next];
        double diff = b - a;
        if (t >= 0.5) {
            return b - diff * (1 - t);
        }
        return a + diff * t;
    }

    /** Arithmetic mean (numpy.mean). */
    public static double mean(double[] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("empty input");
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample variance with ddof=1 (NaN when n &lt; 2). */
    public static double variance(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        return variance(x, mean(x));
    }

    /** {@link #variance(double[])} given {@link #mean}{@code (x)}, computed once by the caller. */
    public static double variance(double[] x, double m) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            double d = v - m;
            s += d * d;
        }
        return s / (x.length - 1);
    }

    /** Sample standard deviation, numpy.std(x, ddof=1) (NaN when n &lt; 2). */
    public static double std(double[] x) {
        return Math.sqrt(variance(x));
    }

    /**
     * Standardized mean difference (mean_prod - mean_train) / sqrt((var_train + var_prod)/2), ddof=1.
     * 0 when pooled sd is 0 and means are equal; NaN when pooled sd is 0 and means differ.
     */
    public static double standardizedMeanDifference(double[] train, double[] prod) {
        return standardizedMeanDifference(mean(train), variance(train), mean(prod), variance(prod));
    }

    /** {@link #standardizedMeanDifference(double[], double[])} from each sample's {@link #mean} and {@link #variance}. */
    public static double standardizedMeanDifference(double mt, double varianceTrain, double mp, double varianceProd) {
        double pooled = Math.sqrt((varianceTrain + varianceProd) / 2.0);
        double diff = mp - mt;
        if (pooled == 0.0) {
            return diff == 0.0 ? 0.0 : Double.NaN;
        }
        double r = diff / pooled;
        return Double.isInfinite(r) ? Double.NaN : r;
    }
}
