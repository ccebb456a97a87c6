package org.modellens.app.ui.explanations;

import java.util.Arrays;

/**
 * Where a feature's value sits between "low" and "high", as SHAP colours its beeswarm and dependence
 * plots: from the 5th to the 95th percentile of the values (linear interpolation, as
 * {@code numpy.nanpercentile}); where those coincide the 1st to 99th, then the minimum to the maximum,
 * so a few extreme values do not wash every other dot into one colour.
 *
 * @param low  the value drawn fully "low"
 * @param high the value drawn fully "high"
 */
public record ColourScale(double low, double high) {

    /** The scale of these values (missing ones ignored); {@code NaN} bounds when none is finite. */
    public static ColourScale of(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new ColourScale(Double.NaN, Double.NaN);
        }
        double low = percentile(finite, 5);
        double high = percentile(finite, 95);
        if (low == high) {
            low = percentile(finite, 1);
            high = percentile(finite, 99);
            if (low == high) {
                low = finite[0];
                high = finite[finite.length - 1];
            }
        }
        return new ColourScale(Math.min(low, high), high);
    }

    /** 0 (low) to 1 (high), clipped; 0.5 when the scale is one value; {@code NaN} for a missing value. */
    public double fraction(double value) {
        if (!Double.isFinite(value) || Double.isNaN(low)) {
            return Double.NaN;
        }
        if (high == low) {
            return 0.5;
        }
        return Math.max(0, Math.min(1, (value - low) / (high - low)));
    }

    /** Percentile {@code q} (0-100) of sorted values, linear between the closest ranks. */
    static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q / 100;
        int below = (int) Math.floor(h);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
