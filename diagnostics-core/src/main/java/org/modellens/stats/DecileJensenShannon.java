package org.modellens.stats;

/**
 * Jensen-Shannon distance (base 2) between the training and production shares of a numeric column on
 * training deciles: the bins of {@link Psi} (distinct {@code numpy.quantile(train, [0.1 .. 0.9])},
 * right-closed), then {@code scipy.spatial.distance.jensenshannon(p, q, base=2)} on the shares, with no
 * epsilon for empty bins.
 *
 * <p>Why: it puts numeric columns on the scale categorical columns already have (the Jensen-Shannon
 * distance of their category shares), 0 for the same distribution, 1 for no overlap, symmetric and
 * finite whatever bins are empty, so one table can rank every column by how much it moved. PSI is
 * unbounded and its value for an empty bin is set by an epsilon; KS exists only for numbers.
 * Reference: numpy/scipy as above (see make_decile_js_oracles.py beside the test fixture).
 */
public final class DecileJensenShannon {

    private DecileJensenShannon() {
    }

    /**
     * @throws IllegalArgumentException if either sample is empty
     */
    public static double distance(double[] train, double[] prod) {
        if (train == null || prod == null || train.length == 0 || prod.length == 0) {
            throw new IllegalArgumentException("empty input");
        }
        double[] sortedTrain = Sorted.ascending(train);
        double[] edges = Psi.decileEdges(sortedTrain);
        return CategoricalDistance.jensenShannon(Psi.proportions(sortedTrain, edges), Psi.proportions(Sorted.ascending(prod), edges));
    }
}
