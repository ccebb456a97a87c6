package org.modellens.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.modellens.model.FeatureMatrix;
import org.modellens.model.TreeEnsemble;

/**
 * TreeSHAP over every decision kind of {@link TreeEnsemble} (numeric rules of XGBoost, LightGBM and
 * ONNX, categorical sets both ways, vector leaves): equal to Shapley values enumerated over every
 * feature subset from the definition of path-dependent TreeSHAP, per output group, and the
 * all-groups walk equal to the per-group one. The routing rules themselves are pinned by examples.
 */
class TreeShapDecisionKindsTest {

    private static final byte[] NUMERIC = {TreeEnsemble.XGBOOST_LT, TreeEnsemble.LIGHTGBM_LE, TreeEnsemble.ONNX_LEQ,
        TreeEnsemble.ONNX_LT, TreeEnsemble.ONNX_GTE, TreeEnsemble.ONNX_GT, TreeEnsemble.ONNX_EQ, TreeEnsemble.ONNX_NEQ};

    @Property(tries = 150)
    void equalsShapleyValuesByEnumerationForEveryKind(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int features,
                                                      @ForAll @IntRange(min = 1, max = 4) int trees,
                                                      @ForAll @IntRange(min = 1, max = 6) int depth,
                                                      @ForAll @IntRange(min = 1, max = 3) int groups,
                                                      @ForAll boolean vectorLeaves) {
        Random random = new Random(seed);
        TreeEnsemble model = randomEnsemble(random, features, trees, depth, groups, vectorLeaves);
        FeatureMatrix rows = randomRows(random, 6, features);
        TreeShap shap = new TreeShap(model);
        double[] phi = new double[features];
        double[][] all = new double[groups][features];
        double[] margins = new double[groups];
        double[] raw = model.rawOutputs(rows, 0, rows.rows());
        for (int i = 0; i < rows.rows(); i++) {
            shap.contributionsAllGroups(rows.values(), i * features, all, margins);
            for (int g = 0; g < groups; g++) {
                double margin = shap.contributions(rows.values(), i * features, g, phi);
                assertThat(margin).as("row %d group %d margin", i, g).isCloseTo(raw[i * groups + g], within(1e-9));
                assertThat(margins[g]).isCloseTo(margin, within(1e-9));
                double[] expected = bruteForce(model, rows.values(), i * features, features, g);
                for (int j = 0; j < features; j++) {
                    assertThat(phi[j]).as("row %d group %d feature %d", i, g, j).isCloseTo(expected[j], within(1e-9));
                    assertThat(all[g][j]).as("all groups: row %d group %d feature %d", i, g, j)
                            .isCloseTo(expected[j], within(1e-9));
                }
            }
        }
    }

    @Test
    void xgboostCategorySetGoesRightAndInvalidCodesLeft() {
        TreeEnsemble model = stump(TreeEnsemble.XGBOOST_CATEGORY, new int[] {1, 40}, false, TreeEnsemble.MISSING_NAN);
        assertThat(route(model, 1)).isEqualTo(2);
        assertThat(route(model, 40)).isEqualTo(2);
        assertThat(route(model, 1.9)).as("truncated to code 1").isEqualTo(2);
        assertThat(route(model, 0)).isEqualTo(1);
        assertThat(route(model, 64)).as("beyond the bitset").isEqualTo(1);
        assertThat(route(model, -1)).as("negative code").isEqualTo(1);
        assertThat(route(model, 3e7)).as("beyond float32 integers").isEqualTo(1);
        assertThat(route(model, Double.NaN)).as("missing follows the default").isEqualTo(2);
    }

    @Test
    void categoryInLeftSendsNanRightWhateverTheMissingType() {
        TreeEnsemble nanDefault = stump(TreeEnsemble.CATEGORY_IN_LEFT, new int[] {0, 5}, false, TreeEnsemble.MISSING_NAN);
        assertThat(route(nanDefault, 5)).isEqualTo(1);
        assertThat(route(nanDefault, 4)).isEqualTo(2);
        assertThat(route(nanDefault, -0.5)).as("truncates to 0").isEqualTo(1);
        assertThat(route(nanDefault, -1)).isEqualTo(2);
        assertThat(route(nanDefault, Double.NaN)).isEqualTo(2);
        TreeEnsemble none = stump(TreeEnsemble.CATEGORY_IN_LEFT, new int[] {0, 5}, false, TreeEnsemble.MISSING_NONE);
        // LightGBM 3.3 and 4.3 both send it right (LightGbmOracleTest: NaN codes of a column without missing values).
        assertThat(route(none, Double.NaN)).as("NaN goes right even though code 0 is in the set").isEqualTo(2);
    }

    @Test
    void onnxModesCompareInFloat32AndNanGoesTrueOnlyWhenTracked() {
        double t = 0.1; // not exact in float32: 0.1f > 0.1
        assertThat(route(numeric(TreeEnsemble.ONNX_LT, t, false), 0.1)).as("0.1 rounds to 0.1f").isEqualTo(2);
        assertThat(route(numeric(TreeEnsemble.ONNX_LEQ, t, false), 0.1)).isEqualTo(1);
        assertThat(route(numeric(TreeEnsemble.ONNX_GT, t, false), 0.2)).isEqualTo(1);
        assertThat(route(numeric(TreeEnsemble.ONNX_GTE, t, false), 0.1)).isEqualTo(1);
        assertThat(route(numeric(TreeEnsemble.ONNX_EQ, t, false), 0.1)).isEqualTo(1);
        assertThat(route(numeric(TreeEnsemble.ONNX_NEQ, t, false), 0.1)).isEqualTo(2);
        assertThat(route(numeric(TreeEnsemble.ONNX_LEQ, t, false), Double.NaN)).isEqualTo(2);
        assertThat(route(numeric(TreeEnsemble.ONNX_NEQ, t, false), Double.NaN)).as("NaN != t holds").isEqualTo(1);
        assertThat(route(numeric(TreeEnsemble.ONNX_GT, t, true), Double.NaN)).as("tracks true").isEqualTo(1);
        assertThat(route(numeric(TreeEnsemble.LIGHTGBM_LE, t, false), 0.1)).as("double compare").isEqualTo(1);
        assertThat(route(numeric(TreeEnsemble.XGBOOST_LT, t, false), 0.1)).as("float compare").isEqualTo(2);
    }

    private static int route(TreeEnsemble model, double x) {
        return model.next(0, x);
    }

    private static TreeEnsemble stump(byte kind, int[] codes, boolean defaultLeft, byte missing) {
        TreeEnsemble.Builder builder = new TreeEnsemble.Builder("test", List.of("c"), "regression", List.of(),
                TreeEnsemble.Link.IDENTITY, 1, 1, new double[1]);
        int s = builder.tree(0, 3);
        builder.categorical(s, kind, 0, TreeEnsemble.Bitsets.of(codes), defaultLeft, missing, s + 1, s + 2, 2)
                .leaf(s + 1, -1, 1).leaf(s + 2, 1, 1);
        return builder.build();
    }

    private static TreeEnsemble numeric(byte kind, double threshold, boolean defaultLeft) {
        TreeEnsemble.Builder builder = new TreeEnsemble.Builder("test", List.of("x"), "regression", List.of(),
                TreeEnsemble.Link.IDENTITY, 1, 1, new double[1]);
        int s = builder.tree(0, 3);
        builder.split(s, kind, 0, threshold, defaultLeft, TreeEnsemble.MISSING_NAN, s + 1, s + 2, 2)
                .leaf(s + 1, -1, 1).leaf(s + 2, 1, 1);
        return builder.build();
    }

    /** phi_j = sum over S without j of |S|!(p-|S|-1)!/p! (v(S+j) - v(S)), v(S) the cover-weighted expectation. */
    static double[] bruteForce(TreeEnsemble model, double[] x, int offset, int p, int group) {
        double[] value = new double[1 << p];
        for (int s = 0; s < value.length; s++) {
            for (int t = 0; t < model.treeCount(); t++) {
                int g = model.group(t);
                if (g == group || g == TreeEnsemble.ALL_GROUPS) {
                    value[s] += expectation(model, model.root(t), x, offset, s, group);
                }
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
                if ((s & (1 << j)) == 0) {
                    int size = Integer.bitCount(s);
                    phi[j] += factorial[size] * factorial[p - size - 1] / factorial[p] * (value[s | (1 << j)] - value[s]);
                }
            }
        }
        return phi;
    }

    private static double expectation(TreeEnsemble model, int node, double[] x, int offset, int known, int group) {
        if (model.isLeaf(node)) {
            return model.leafValue(node, group);
        }
        int f = model.splitFeature(node);
        if ((known & (1 << f)) != 0) {
            return expectation(model, model.next(node, x[offset + f]), x, offset, known, group);
        }
        int l = model.left(node);
        int r = model.right(node);
        return (model.cover(l) * expectation(model, l, x, offset, known, group)
                + model.cover(r) * expectation(model, r, x, offset, known, group)) / model.cover(node);
    }

    /** Random trees mixing every decision kind; inputs are small integers so categories and thresholds both bite. */
    static TreeEnsemble randomEnsemble(Random random, int features, int trees, int depth, int groups, boolean vectorLeaves) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("x" + j);
        }
        double[] base = new double[groups];
        for (int g = 0; g < groups; g++) {
            base[g] = random.nextGaussian();
        }
        TreeEnsemble.Builder builder = new TreeEnsemble.Builder("test", names, groups > 1 ? "multiclass" : "regression",
                List.of(), groups > 1 ? TreeEnsemble.Link.SOFTMAX : TreeEnsemble.Link.IDENTITY, 1, groups, base);
        for (int t = 0; t < trees; t++) {
            int size = (1 << (depth + 1)) - 1;
            int group = vectorLeaves ? TreeEnsemble.ALL_GROUPS : t % groups;
            int start = builder.tree(group, size);
            int[] next = {start};
            grow(random, builder, next, features, depth, 1 + random.nextInt(1000), groups, vectorLeaves);
            // Unused reserved nodes stay unreachable leaves; give vector trees vector values there too.
            for (int n = next[0]; n < start + size; n++) {
                if (vectorLeaves) {
                    builder.vectorLeaf(n, new double[groups], 1);
                }
            }
        }
        return builder.build();
    }

    private static int grow(Random random, TreeEnsemble.Builder builder, int[] next, int features, int depth, double cover,
                            int groups, boolean vectorLeaves) {
        int index = next[0]++;
        if (depth == 0 || cover < 2 || random.nextDouble() < 0.15) {
            if (vectorLeaves) {
                double[] values = new double[groups];
                for (int g = 0; g < groups; g++) {
                    values[g] = random.nextGaussian();
                }
                builder.vectorLeaf(index, values, cover);
            } else {
                builder.leaf(index, random.nextGaussian(), cover);
            }
            return index;
        }
        double share = 0.05 + 0.9 * random.nextDouble();
        int l = grow(random, builder, next, features, depth - 1, cover * share, groups, vectorLeaves);
        int r = grow(random, builder, next, features, depth - 1, cover * (1 - share), groups, vectorLeaves);
        int f = random.nextInt(features);
        boolean defaultLeft = random.nextBoolean();
        byte missing = (byte) random.nextInt(3);
        int kind = random.nextInt(NUMERIC.length + 2);
        if (kind < NUMERIC.length) {
            builder.split(index, NUMERIC[kind], f, random.nextInt(5) - 0.5 * random.nextInt(2), defaultLeft, missing, l, r,
                    cover);
        } else {
            int[] codes = random.ints(1 + random.nextInt(3), 0, 6).toArray();
            builder.categorical(index, kind == NUMERIC.length ? TreeEnsemble.XGBOOST_CATEGORY : TreeEnsemble.CATEGORY_IN_LEFT,
                    f, TreeEnsemble.Bitsets.of(codes), defaultLeft, missing, l, r, cover);
        }
        return index;
    }

    private static FeatureMatrix randomRows(Random random, int n, int p) {
        double[] values = new double[n * p];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < 0.15 ? Double.NaN : random.nextInt(7) - 1;
        }
        return new FeatureMatrix(n, p, values);
    }
}
