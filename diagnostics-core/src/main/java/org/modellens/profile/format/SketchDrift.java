package org.modellens.profile.format;

import java.util.Arrays;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.modellens.stats.Psi;

/**
 * Drift statistics of a distribution known by its KLL sketch (every row of a profile) instead of its
 * values. A sketch's CDF {@code F^(x)} (share of values at or below x) is within its normalized rank
 * error {@code eps} of the true CDF at every x (99% confidence), and it is a step function changing
 * only at the values the sketch retains. So the KS distance between two sketches, the largest
 * {@code |F^a - F^b|} over the values either retains, is within {@code eps_a + eps_b} of the KS
 * distance of the full data; between exact values and a sketch, within the sketch's {@code eps}.
 * Shares at or above a threshold are within {@code eps} too. PSI on sketches is an estimate whose bin
 * shares are each within {@code 2 eps}, with no simple bound on the PSI itself.
 */
public final class SketchDrift {

    private SketchDrift() {
    }

    /** The normalized rank error of a single rank query: the bound of one CDF value. */
    public static double rankError(KllDoublesSketch sketch) {
        return sketch.getNormalizedRankError(false);
    }

    /** The KS distance of the two sketched distributions; within the sum of their rank errors of the true one. */
    public static double ks(KllDoublesSketch a, KllDoublesSketch b) {
        if (a.isEmpty() || b.isEmpty()) {
            throw new IllegalArgumentException("empty sketch");
        }
        double d = 0;
        for (KllDoublesSketch s : new KllDoublesSketch[] {a, b}) {
            for (double x : s.getSortedView().getQuantiles()) {
                d = Math.max(d, Math.abs(cdf(a, x) - cdf(b, x)));
            }
        }
        return d;
    }

    /** The KS distance of exact values (sorted ascending) and a sketched distribution; within the sketch's rank error. */
    public static double ks(double[] sorted, KllDoublesSketch b) {
        if (sorted.length == 0 || b.isEmpty()) {
            throw new IllegalArgumentException("empty input");
        }
        double d = 0;
        // Both CDFs change only at the exact values and at the sketch's retained values.
        for (double x : sorted) {
            d = Math.max(d, Math.abs(cdf(sorted, x) - cdf(b, x)));
        }
        for (double x : b.getSortedView().getQuantiles()) {
            d = Math.max(d, Math.abs(cdf(sorted, x) - cdf(b, x)));
        }
        return d;
    }

    /** PSI of production's sketch against training's deciles as {@link Psi} takes them, from training's sketch. */
    public static double psi(KllDoublesSketch train, KllDoublesSketch prod) {
        double[] edges = new double[9];
        int k = 0;
        for (int d = 1; d <= 9; d++) {
            double e = train.getQuantile(d / 10.0, QuantileSearchCriteria.INCLUSIVE);
            if (k == 0 || e != edges[k - 1]) {
                edges[k++] = e;
            }
        }
        edges = Arrays.copyOf(edges, k);
        return Psi.fromProportions(proportions(train, edges), proportions(prod, edges));
    }

    /** PSI of production's sketch against exact training values (sorted ascending): training's bins exact. */
    public static double psi(double[] sortedTrain, KllDoublesSketch prod) {
        double[] edges = Psi.decileEdges(sortedTrain);
        double[] p = new double[edges.length + 1];
        double below = 0;
        for (int i = 0; i < edges.length; i++) {
            double at = cdf(sortedTrain, edges[i]);
            p[i] = at - below;
            below = at;
        }
        p[edges.length] = 1 - below;
        return Psi.fromProportions(p, proportions(prod, edges));
    }

    /** The share of values at or above the threshold; within the rank error. */
    public static double shareAtLeast(KllDoublesSketch sketch, double threshold) {
        return 1 - sketch.getRank(threshold, QuantileSearchCriteria.EXCLUSIVE);
    }

    /** Right-closed bins (-inf, e1], (e1, e2], ..., (ek, +inf), as {@link Psi} bins. */
    private static double[] proportions(KllDoublesSketch sketch, double[] edges) {
        double[] out = new double[edges.length + 1];
        double below = 0;
        for (int i = 0; i < edges.length; i++) {
            double at = cdf(sketch, edges[i]);
            out[i] = Math.max(0, at - below);
            below = Math.max(below, at);
        }
        out[edges.length] = Math.max(0, 1 - below);
        return out;
    }

    private static double cdf(KllDoublesSketch sketch, double x) {
        return sketch.getRank(x, QuantileSearchCriteria.INCLUSIVE);
    }

    /** Share of the sorted values at or below x (numpy searchsorted side='right' over n). */
    private static double cdf(double[] sorted, double x) {
        return org.modellens.stats.Sorted.firstAbove(sorted, x, 0) / (double) sorted.length;
    }
}
