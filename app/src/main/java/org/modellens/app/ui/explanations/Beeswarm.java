package org.modellens.app.ui.explanations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.modellens.app.ui.Text;
import org.modellens.report.Explanations.SampleAttributions;

/**
 * Lays out a beeswarm the way SHAP's {@code shap.plots.beeswarm} does: one line per feature, most
 * important first, the lines beyond {@link #FEATURES} pooled into one "N other features" line.
 */
final class Beeswarm {

    /** Lines shown before the rest are pooled, as SHAP's default max_display of 10 (9 + the pool). */
    static final int FEATURES = 9;
    /** SHAP's bins along the contribution axis within which dots stack. */
    private static final int BINS = 100;
    /** Fixed: the same report, the same picture. */
    private static final long SEED = 17;

    private Beeswarm() {
    }

    /**
     * The lines for one side.
     *
     * @param sample the side's rows with their attributions
     * @param order  the features in display order (every feature of the sample)
     * @param values per feature, its value in each sampled row ({@code NaN} when missing or categorical)
     * @param scales per feature, the colour scale shared by both sides
     */
    static List<BeeswarmRow> rows(SampleAttributions sample, List<String> order, Map<String, double[]> values,
                                  Map<String, ColourScale> scales) {
        double[] meanAbs = sample.meanAbs();
        int n = sample.rows().length;
        List<BeeswarmRow> lines = new ArrayList<>();
        boolean pool = order.size() > FEATURES + 1;
        int shown = pool ? FEATURES : order.size();
        for (String feature : order.subList(0, shown)) {
            int j = sample.features().indexOf(feature);
            double[] contributions = sample.contributionsOf(feature).orElseThrow();
            double[] value = values.get(feature);
            ColourScale scale = scales.get(feature);
            double[] colour = new double[n];
            for (int r = 0; r < n; r++) {
                colour[r] = value == null || scale == null ? Double.NaN : scale.fraction(value[r]);
            }
            lines.add(new BeeswarmRow(feature, meanAbs[j], contributions, colour, offsets(contributions), sample.rows(), false));
        }
        if (pool) {
            double[] sum = new double[n];
            double mean = 0;
            for (String feature : order.subList(shown, order.size())) {
                double[] contributions = sample.contributionsOf(feature).orElseThrow();
                for (int r = 0; r < n; r++) {
                    sum[r] += contributions[r];
                }
                mean += meanAbs[sample.features().indexOf(feature)];
            }
            double[] grey = new double[n];
            java.util.Arrays.fill(grey, Double.NaN);
            lines.add(new BeeswarmRow(Text.get("explain.beeswarm.rest", order.size() - shown), mean, sum, grey, offsets(sum),
                    sample.rows(), true));
        }
        return lines;
    }

    /**
     * Each dot's distance off its line: the contributions are cut into {@value #BINS} bins over their
     * range, and the dots of a bin take the layers 0, +1, -1, +2, -2, ... in a seeded random order;
     * divided by one more than the highest layer of any bin, so the densest bin spans the height.
     */
    static double[] offsets(double[] contributions) {
        int n = contributions.length;
        double[] offsets = new double[n];
        if (n == 0) {
            return offsets;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double c : contributions) {
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        double[] bin = new double[n];
        for (int i = 0; i < n; i++) {
            bin[i] = Math.rint(BINS * (contributions[i] - min) / (max - min + 1e-8));
        }
        // By bin, in a seeded random order within a bin (SHAP breaks ties with random noise).
        Random random = new Random(SEED);
        double[] tie = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            tie[i] = random.nextDouble();
        }
        java.util.Arrays.sort(order, (a, b) -> bin[a] != bin[b] ? Double.compare(bin[a], bin[b]) : Double.compare(tie[a], tie[b]));
        int layer = 0;
        double last = -1;
        double top = 0;
        for (int i : order) {
            if (bin[i] != last) {
                layer = 0;
            }
            offsets[i] = layer == 0 ? 0 : Math.ceil(layer / 2.0) * ((layer % 2) * 2 - 1);
            top = Math.max(top, offsets[i]);
            layer++;
            last = bin[i];
        }
        for (int i = 0; i < n; i++) {
            offsets[i] /= top + 1;
        }
        return offsets;
    }
}
