package org.modellens.stats;

/**
 * The reliability diagram of a binary classifier, as
 * {@code sklearn.calibration.calibration_curve(y, p, n_bins=bins, strategy="uniform")}: {@code bins} equal-width
 * bins over [0, 1], a probability on an inner edge falling in the lower bin ({@code numpy.searchsorted}, side
 * left), and only the non-empty bins returned.
 *
 * @param meanPredicted mean predicted probability per non-empty bin (sklearn's {@code prob_pred})
 * @param observedRate  share of positives per non-empty bin (sklearn's {@code prob_true})
 * @param counts        rows per non-empty bin
 */
public record CalibrationCurve(double[] meanPredicted, double[] observedRate, long[] counts) {

    /**
     * @throws IllegalArgumentException when a probability lies outside [0, 1] (sklearn refuses it too)
     */
    public static CalibrationCurve of(double[] probability, boolean[] positive, int bins) {
        double[] sums = new double[bins];
        double[] trues = new double[bins];
        long[] totals = new long[bins];
        for (int i = 0; i < probability.length; i++) {
            double p = probability[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability outside [0, 1]: " + p);
            }
            int bin = bin(p, bins);
            sums[bin] += p;
            trues[bin] += positive[i] ? 1 : 0;
            totals[bin]++;
        }
        int nonEmpty = 0;
        for (long t : totals) {
            if (t > 0) {
                nonEmpty++;
            }
        }
        double[] predicted = new double[nonEmpty];
        double[] observed = new double[nonEmpty];
        long[] counts = new long[nonEmpty];
        int k = 0;
        for (int b = 0; b < bins; b++) {
            if (totals[b] > 0) {
                predicted[k] = sums[b] / totals[b];
                observed[k] = trues[b] / totals[b];
                counts[k] = totals[b];
                k++;
            }
        }
        return new CalibrationCurve(predicted, observed, counts);
    }

    /** numpy.searchsorted(linspace(0, 1, bins + 1)[1:-1], p, side="left"). */
    private static int bin(double p, int bins) {
        int bin = 0;
        while (bin < bins - 1 && p > innerEdge(bin + 1, bins)) {
            bin++;
        }
        return bin;
    }

    /** numpy.linspace(0, 1, bins + 1)[k], computed as numpy does: k * step. */
    private static double innerEdge(int k, int bins) {
        return k * (1.0 / bins);
    }
}
