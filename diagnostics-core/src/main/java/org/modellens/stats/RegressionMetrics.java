package org.modellens.stats;

/**
 * Quality metrics of a regression's predictions, each equal to its scikit-learn counterpart:
 * {@code mean_squared_error(squared=False)}, {@code mean_absolute_error} and {@code r2_score}.
 * Empty input yields {@code NaN}; the arrays are not modified.
 */
public final class RegressionMetrics {

    private RegressionMetrics() {
    }

    /** Root mean squared error. */
    public static double rmse(double[] actual, double[] predicted) {
        if (actual.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = actual[i] - predicted[i];
            sum += d * d;
        }
        return Math.sqrt(sum / actual.length);
    }

    /** Mean absolute error. */
    public static double mae(double[] actual, double[] predicted) {
        if (actual.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(actual[i] - predicted[i]);
        }
        return sum / actual.length;
    }

    /**
     * Coefficient of determination {@code 1 - SS_res / SS_tot}. As {@code r2_score(force_finite=True)}: a constant
     * {@code actual} gives 1 when predicted exactly and 0 otherwise.
     */
    public static double r2(double[] actual, double[] predicted) {
        if (actual.length == 0) {
            return Double.NaN;
        }
        double mean = Descriptive.mean(actual);
        double residual = 0;
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = actual[i] - predicted[i];
            residual += d * d;
            double t = actual[i] - mean;
            total += t * t;
        }
        if (total == 0) {
            return residual == 0 ? 1.0 : 0.0;
        }
        return 1 - residual / total;
    }
}
