package org.modellens.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.modellens.model.FeatureMatrix;
import org.modellens.model.TreeEnsemble;

/**
 * Properties of TreeSHAP on random ensembles (random shapes, repeated features along paths,
 * missing values, both split rules): additivity, and equality with the Shapley values computed by
 * brute force over every feature subset from the definition of path-dependent TreeSHAP.
 */
class TreeShapPropertiesTest {

    @Property(tries = 200)
    void baseValuePlusContributionsIsTheMargin(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int features,
                                               @ForAll @IntRange(min = 1, max = 20) int trees,
                                               @ForAll @IntRange(min = 1, max = 8) int depth,
                                               @ForAll boolean lightgbm) {
        Random random = new Random(seed);
        TreeEnsemble model = randomEnsemble(random, features, trees, depth, lightgbm);
        FeatureMatrix rows = randomRows(random, 20, features);
        TreeShap shap = new TreeShap(model);
        double[] phi = new double[features];
        double[] raw = model.rawOutputs(rows, 0, rows.rows());
        for (int i = 0; i < rows.rows(); i++) {
            shap.contributions(rows.values(), i * features, 0, phi);
            double sum = shap.baseValue(0);
            for (double v : phi) {
                sum += v;
            }
            assertThat(sum).isCloseTo(raw[i], within(1e-9 * Math.max(1, Math.abs(raw[i]))));
        }
    }

    @Property(tries = 100)
    void equalsShapleyValuesByEnumeration(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int features,
                                          @ForAll @IntRange(min = 1, max = 4) int trees,
                                          @ForAll @IntRange(min = 1, max = 6) int depth, @ForAll boolean lightgbm) {
        Random random = new Random(seed);
        TreeEnsemble model = randomEnsemble(random, features, trees, depth, lightgbm);
        FeatureMatrix rows = randomRows(random, 5, features);
        TreeShap shap = new TreeShap(model);
        double[] phi = new double[features];
        for (int i = 0; i < rows.rows(); i++) {
            shap.contributions(rows.values(), i * features, 0, phi);
            double[] expected = bruteForce(model, rows.values(), i * features, features);
            for (int j = 0; j < features; j++) {
                assertThat(phi[j]).as("feature %d", j).isCloseTo(expected[j], within(1e-9));
            }
        }
    }

    /** phi_j = sum over S without j of |S|!(p-|S|-1)!/p! (v(S+j) - v(S)), v(S) the cover-weighted expectation. */
    private static double[] bruteForce(TreeEnsemble model, double[] x, int offset, int p) {
        double[] value = new double[1 << p];
        for (int s = 0; s < value.length; s++) {
            for (int t = 0; t < model.treeCount(); t++) {
                value[s] += expectation(model, model.root(t), x, offset, s);
            }
        }
        double[] factorial = new double[p + 1];
        factorial[0] = 1;
        for (int k = 1; k <= p; k++) {
            factorial[k] = factorial[k - 1] * k;
        }
        double[] phi = new double[p];
        for (int j = 0; j < p; j++) {
            for (int s = 0; s < value.length; s++) {
                if ((s & (1 << j)) != 0) {
                    continue;
                }
                int size = Integer.bitCount(s);
                double weight = factorial[size] * factorial[p - size - 1] / factorial[p];
                phi[j] += weight * (value[s | (1 << j)] - value[s]);
            }
        }
        return phi;
    }

    private static double expectation(TreeEnsemble model, int node, double[] x, int offset, int known) {
        if (model.isLeaf(node)) {
            return model.leafValue(node);
        }
        int f = model.splitFeature(node);
        if ((known & (1 << f)) != 0) {
            return expectation(model, model.next(node, x[offset + f]), x, offset, known);
        }
        int l = model.left(node);
        int r = model.right(node);
        return (model.cover(l) * expectation(model, l, x, offset, known)
                + model.cover(r) * expectation(model, r, x, offset, known)) / model.cover(node);
    }

    static TreeEnsemble randomEnsemble(Random random, int features, int trees, int depth, boolean lightgbm) {
        List<int[]> nodes = new ArrayList<>();
        List<double[]> numbers = new ArrayList<>();
        int[] roots = new int[trees];
        for (int t = 0; t < trees; t++) {
            roots[t] = nodes.size();
            grow(random, nodes, numbers, features, depth, 1 + random.nextInt(1000), lightgbm);
        }
        int n = nodes.size();
        int[] left = new int[n];
        int[] right = new int[n];
        int[] feature = new int[n];
        double[] threshold = new double[n];
        boolean[] defaultLeft = new boolean[n];
        byte[] missing = new byte[n];
        double[] value = new double[n];
        double[] cover = new double[n];
        for (int i = 0; i < n; i++) {
            int[] node = nodes.get(i);
            double[] num = numbers.get(i);
            left[i] = node[0];
            right[i] = node[1];
            feature[i] = node[2];
            defaultLeft[i] = node[3] == 1;
            missing[i] = (byte) node[4];
            threshold[i] = num[0];
            value[i] = num[1];
            cover[i] = num[2];
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("x" + j);
        }
        return new TreeEnsemble(lightgbm ? "lightgbm" : "xgboost", names, "regression", List.of(),
                lightgbm ? TreeEnsemble.SplitRule.LIGHTGBM : TreeEnsemble.SplitRule.XGBOOST, TreeEnsemble.Link.IDENTITY, 1.0,
                1, new double[] {random.nextGaussian()}, roots, new int[trees], left, right, feature, threshold,
                defaultLeft, missing, value, cover);
    }

    /** Grows a random subtree in pre-order; children's covers add up to the parent's. */
    private static int grow(Random random, List<int[]> nodes, List<double[]> numbers, int features, int depth,
                            double cover, boolean lightgbm) {
        int index = nodes.size();
        if (depth == 0 || cover < 2 || random.nextDouble() < 0.15) {
            nodes.add(new int[] {-1, -1, -1, 0, 0});
            numbers.add(new double[] {0, random.nextGaussian(), cover});
            return index;
        }
        // Few features and deep trees: the same feature recurs on a path.
        int[] node = {0, 0, random.nextInt(features), random.nextBoolean() ? 1 : 0, lightgbm ? random.nextInt(3) : 2};
        nodes.add(node);
        numbers.add(new double[] {Math.round(random.nextGaussian() * 4) / 4.0, 0, cover});
        double share = 0.05 + 0.9 * random.nextDouble();
        node[0] = grow(random, nodes, numbers, features, depth - 1, cover * share, lightgbm);
        node[1] = grow(random, nodes, numbers, features, depth - 1, cover * (1 - share), lightgbm);
        return index;
    }

    static FeatureMatrix randomRows(Random random, int n, int p) {
        double[] values = new double[n * p];
        for (int i = 0; i < values.length; i++) {
            double u = random.nextDouble();
            // Missing values, exact zeros and exact thresholds (multiples of 1/4) are all frequent.
            values[i] = u < 0.15 ? Double.NaN : u < 0.25 ? 0.0 : u < 0.5 ? Math.round(random.nextGaussian() * 4) / 4.0
                    : random.nextGaussian();
        }
        return new FeatureMatrix(n, p, values);
    }
}
