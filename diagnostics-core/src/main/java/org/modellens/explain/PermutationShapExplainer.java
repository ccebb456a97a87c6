package org.modellens.explain;

import java.util.Random;
import java.util.stream.IntStream;

import org.modellens.model.FeatureMatrix;
import org.modellens.model.Model;

/**
 * Model-agnostic SHAP estimate by permutation sampling (Štrumbelj and Kononenko, "Explaining
 * prediction models and individual predictions with feature contributions", 2014), interventional:
 * a feature outside the coalition takes the value of a background row, and the value of a coalition
 * is the model's output averaged over the background rows.
 *
 * <p>For each sampled permutation the features are switched from background to the explained row
 * one by one and each gets the change in output it causes; each permutation is also walked in
 * reverse (antithetic sampling, which cancels much of the variance). Every permutation decomposes
 * {@code f(x) - E[f(background)]} exactly, so additivity holds to rounding: the base value is the
 * mean output over the background. For a model linear in its inputs the estimate is exact
 * ({@code phi_j = w_j (x_j - mean background x_j)}) whatever the permutations.
 *
 * <p>The explained output is the model's: the probability of the explained class for classifiers
 * (the most likely class for multiclass), the predicted value for regression. Cost per row is
 * {@code 2 x permutations x (features + 1) x background rows} model evaluations, batched in one call.
 * Random numbers come from a seed derived from the row index, so a row's attribution does not depend
 * on which other rows are explained.
 */
public final class PermutationShapExplainer implements Explainer {

    private final Model model;
    private final FeatureMatrix background;
    private final int permutations;
    private final long seed;

    /**
     * @param background   rows absent features are drawn from (a training sample)
     * @param permutations permutations per row; each is also walked in reverse
     */
    public PermutationShapExplainer(Model model, FeatureMatrix background, int permutations, long seed) {
        if (background.rows() == 0) {
            throw new IllegalArgumentException("the background has no scorable rows");
        }
        this.model = model;
        this.background = background;
        this.permutations = Math.max(1, permutations);
        this.seed = seed;
    }

    @Override
    public String method() {
        return "permutation-shap";
    }

    @Override
    public String space() {
        return "regression".equals(model.task()) ? "margin" : "probability";
    }

    @Override
    public Attributions explain(FeatureMatrix matrix, int[] rows) {
        return explain(matrix, rows, null);
    }

    @Override
    public Attributions explain(FeatureMatrix matrix, int[] rows, int[] groups) {
        int n = rows.length;
        int p = matrix.columns();
        double[][] phi = new double[n][];
        double[] base = new double[n];
        double[] output = new double[n];
        int[] group = new int[n];
        IntStream.range(0, n).parallel().forEach(r -> {
            double[] x = new double[p];
            System.arraycopy(matrix.values(), rows[r] * p, x, 0, p);
            Result result = explainRow(x, new Random(seed * 31 + rows[r]), groups == null ? -1 : groups[r]);
            phi[r] = result.phi;
            base[r] = result.base;
            output[r] = result.output;
            group[r] = result.group;
        });
        return new Attributions(phi, base, output, group);
    }

    private record Result(double[] phi, double base, double output, int group) {
    }

    private Result explainRow(double[] x, Random random, int fixedGroup) {
        int p = x.length;
        int m = background.rows();
        int group = fixedGroup >= 0 ? fixedGroup : explainedGroup(x);
        int walks = 2 * permutations;
        // For each walk: p + 1 coalitions (none, first feature, ..., all) over m background rows.
        double[] batch = new double[walks * (p + 1) * m * p];
        int[][] orders = new int[walks][];
        for (int w = 0; w < walks; w += 2) {
            int[] order = shuffled(p, random);
            orders[w] = order;
            int[] reverse = new int[p];
            for (int k = 0; k < p; k++) {
                reverse[k] = order[p - 1 - k];
            }
            orders[w + 1] = reverse;
        }
        double[] bg = background.values();
        int cursor = 0;
        for (int w = 0; w < walks; w++) {
            for (int b = 0; b < m; b++) {
                double[] z = new double[p];
                System.arraycopy(bg, b * p, z, 0, p);
                System.arraycopy(z, 0, batch, cursor, p);
                cursor += p;
                for (int k = 0; k < p; k++) {
                    z[orders[w][k]] = x[orders[w][k]];
                    System.arraycopy(z, 0, batch, cursor, p);
                    cursor += p;
                }
            }
        }
        double[] values = outputs(new FeatureMatrix(walks * (p + 1) * m, p, batch), group);
        double[] phi = new double[p];
        double base = 0;
        double full = 0;
        int index = 0;
        for (int w = 0; w < walks; w++) {
            for (int b = 0; b < m; b++) {
                base += values[index];
                for (int k = 0; k < p; k++) {
                    phi[orders[w][k]] += values[index + k + 1] - values[index + k];
                }
                full += values[index + p];
                index += p + 1;
            }
        }
        int total = walks * m;
        for (int j = 0; j < p; j++) {
            phi[j] /= total;
        }
        return new Result(phi, base / total, full / total, group);
    }

    private int explainedGroup(double[] x) {
        if (!"multiclass".equals(model.task())) {
            return 0;
        }
        double[] probabilities = outputsAll(new FeatureMatrix(1, x.length, x.clone()))[0];
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }

    private double[] outputs(FeatureMatrix rows, int group) {
        double[][] all = outputsAll(rows);
        double[] values = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            values[i] = all[i][Math.min(group, all[i].length - 1)];
        }
        return values;
    }

    private double[][] outputsAll(FeatureMatrix rows) {
        int k = model.outputCount();
        double[] raw = model.rawOutputs(rows, 0, rows.rows());
        double[][] linked = new double[rows.rows()][];
        double[] one = new double[k];
        for (int i = 0; i < rows.rows(); i++) {
            System.arraycopy(raw, i * k, one, 0, k);
            linked[i] = model.link(one);
        }
        return linked;
    }

    private static int[] shuffled(int p, Random random) {
        int[] order = new int[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
        }
        for (int i = p - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
