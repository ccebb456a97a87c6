package org.modellens.app.ui.charts;

/**
 * Training and production values binned on common edges for drawing, as shares of each side's
 * values. The range spans both sides' 0.5th to 99.5th percentiles so a few extreme values do not
 * squash the picture; values beyond it are counted into the end bins and reported as clipped.
 * Display only: the statistics shown beside it come from the report.
 *
 * @param edges        bins + 1 ascending edges
 * @param train        share of training values per bin
 * @param prod         share of production values per bin
 * @param clippedTrain training values beyond the range, counted into the end bins
 * @param clippedProd  production values beyond the range, counted into the end bins
 */
public record Histogram(double[] edges, double[] train, double[] prod, long clippedTrain, long clippedProd) {

    /**
     * @param trainSorted training values, ascending, not empty
     * @param prodSorted  production values, ascending (may be empty)
     */
    public static Histogram of(double[] trainSorted, double[] prodSorted, int bins) {
        double lo = Math.min(at(trainSorted, 0.005), prodSorted.length == 0 ? Double.POSITIVE_INFINITY : at(prodSorted, 0.005));
        double hi = Math.max(at(trainSorted, 0.995), prodSorted.length == 0 ? Double.NEGATIVE_INFINITY : at(prodSorted, 0.995));
        if (!(hi > lo)) {
            // One value (or nearly): a single centred bin.
            double pad = lo == 0 ? 0.5 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
            bins = 1;
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo + (hi - lo) * i / bins;
        }
        double[] train = new double[bins];
        double[] prod = new double[bins];
        long clippedTrain = fill(trainSorted, lo, hi, train);
        long clippedProd = fill(prodSorted, lo, hi, prod);
        return new Histogram(edges, train, prod, clippedTrain, clippedProd);
    }

    public int bins() {
        return train.length;
    }

    public double centre(int bin) {
        return (edges[bin] + edges[bin + 1]) / 2;
    }

    private static double at(double[] sorted, double level) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(level * (sorted.length - 1)))];
    }

    private static long fill(double[] values, double lo, double hi, double[] shares) {
        int bins = shares.length;
        long clipped = 0;
        for (double value : values) {
            int bin = (int) Math.floor((value - lo) / (hi - lo) * bins);
            if (value < lo || value > hi) {
                clipped++;
            }
            shares[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        for (int i = 0; i < bins && values.length > 0; i++) {
            shares[i] /= values.length;
        }
        return clipped;
    }
}
