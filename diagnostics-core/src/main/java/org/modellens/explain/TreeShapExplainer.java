package org.modellens.explain;

import java.util.stream.IntStream;

import org.modellens.model.FeatureMatrix;
import org.modellens.model.TreeEnsemble;

/** Exact path-dependent TreeSHAP ({@link TreeShap}) over many rows, on all cores. */
public final class TreeShapExplainer implements Explainer {

    private static final int CHUNK = 256;

    private final TreeEnsemble model;

    public TreeShapExplainer(TreeEnsemble model) {
        this.model = model;
    }

    @Override
    public String method() {
        return "tree-shap";
    }

    @Override
    public String space() {
        return "margin";
    }

    @Override
    public Attributions explain(FeatureMatrix matrix, int[] rows) {
        return explain(matrix, rows, null);
    }

    @Override
    public Attributions explain(FeatureMatrix matrix, int[] rows, int[] groups) {
        int n = rows.length;
        int p = matrix.columns();
        int k = model.outputCount();
        double[][] phi = new double[n][p];
        double[] base = new double[n];
        double[] output = new double[n];
        int[] group = new int[n];
        double[] x = matrix.values();
        int chunks = (n + CHUNK - 1) / CHUNK;
        // TreeShap keeps per-thread scratch space: one instance per chunk.
        IntStream.range(0, chunks).parallel().forEach(c -> {
            TreeShap shap = new TreeShap(model);
            for (int r = c * CHUNK; r < Math.min(n, (c + 1) * CHUNK); r++) {
                int row = rows[r];
                int g = 0;
                if (groups != null) {
                    g = groups[r];
                } else if (k > 1) {
                    double[] raw = model.rawOutputs(matrix, row, row + 1);
                    for (int j = 1; j < k; j++) {
                        if (raw[j] > raw[g]) {
                            g = j;
                        }
                    }
                }
                group[r] = g;
                output[r] = shap.contributions(x, row * p, g, phi[r]);
                base[r] = shap.baseValue(g);
            }
        });
        return new Attributions(phi, base, output, group);
    }
}
