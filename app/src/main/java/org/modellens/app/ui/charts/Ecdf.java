package org.modellens.app.ui.charts;

/**
 * The two empirical cumulative distributions for drawing, thinned to at most a few hundred steps, and
 * where their vertical gap is largest: the Kolmogorov-Smirnov distance the report gives, located so
 * the chart can mark it.
 *
 * @param trainX       x of the training steps
 * @param trainY       training ECDF at {@code trainX}
 * @param prodX        x of the production steps
 * @param prodY        production ECDF at {@code prodX}
 * @param gapAt        x where |F_train - F_prod| is largest
 * @param trainAtGap   F_train at {@code gapAt}
 * @param prodAtGap    F_prod at {@code gapAt}
 */
public record Ecdf(double[] trainX, double[] trainY, double[] prodX, double[] prodY,
                   double gapAt, double trainAtGap, double prodAtGap) {

    private static final int MAX_POINTS = 300;

    /** @param trainSorted and {@code prodSorted}: present values ascending, neither empty */
    public static Ecdf of(double[] trainSorted, double[] prodSorted) {
        double[][] train = thin(trainSorted);
        double[][] prod = thin(prodSorted);
        // Walk both sorted samples once; the ECDFs only change at data values.
        int i = 0;
        int j = 0;
        int n = trainSorted.length;
        int m = prodSorted.length;
        double bestGap = -1;
        double bestX = trainSorted[0];
        double bestTrain = 0;
        double bestProd = 0;
        while (i < n || j < m) {
            double x = j >= m || (i < n && trainSorted[i] <= prodSorted[j]) ? trainSorted[i] : prodSorted[j];
            while (i < n && trainSorted[i] <= x) {
                i++;
            }
            while (j < m && prodSorted[j] <= x) {
                j++;
            }
            double fTrain = (double) i / n;
            double fProd = (double) j / m;
            double gap = Math.abs(fTrain - fProd);
            if (gap > bestGap) {
                bestGap = gap;
                bestX = x;
                bestTrain = fTrain;
                bestProd = fProd;
            }
        }
        return new Ecdf(train[0], train[1], prod[0], prod[1], bestX, bestTrain, bestProd);
    }

    /** The largest vertical gap: equals the two-sample KS statistic. */
    public double gap() {
        return Math.abs(trainAtGap - prodAtGap);
    }

    private static double[][] thin(double[] sorted) {
        int points = Math.min(MAX_POINTS, sorted.length);
        double[] x = new double[points];
        double[] y = new double[points];
        for (int k = 0; k < points; k++) {
            int index = points == 1 ? sorted.length - 1 : (int) Math.round((double) k * (sorted.length - 1) / (points - 1));
            x[k] = sorted[index];
            y[k] = (index + 1.0) / sorted.length;
        }
        return new double[][] {x, y};
    }
}
