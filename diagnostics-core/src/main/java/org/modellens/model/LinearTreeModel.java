package org.modellens.model;

import java.util.List;
import java.util.Map;

/**
 * A LightGBM model trained with {@code linear_tree=true}: the trees split as usual, and each leaf
 * holds a linear function of some inputs, {@code const + sum(coeff_i x_i)}. As in LightGBM's
 * {@code Tree::Predict}, a leaf whose inputs include a missing value gives its plain
 * {@code leaf_value} instead.
 *
 * <p>Not a {@link TreeEnsemble} on purpose: path-dependent TreeSHAP attributes constant leaves, and
 * LightGBM itself refuses SHAP values for linear trees, so these models are explained by the
 * model-agnostic estimate.
 */
public final class LinearTreeModel implements Model {

    /** A leaf's linear function and its fallback value. */
    record Leaf(double constant, int[] features, double[] coefficients, double fallback) {
    }

    private final TreeEnsemble trees;
    /** Per node of {@link #trees}, the leaf's function; null for internal nodes. */
    private final Leaf[] leaves;
    private final Map<Integer, List<String>> levels;

    LinearTreeModel(TreeEnsemble trees, Map<Integer, Leaf> leaves, Map<Integer, List<String>> levels) {
        this.trees = trees;
        this.leaves = new Leaf[trees.nodeCount()];
        for (Map.Entry<Integer, Leaf> e : leaves.entrySet()) {
            this.leaves[e.getKey()] = e.getValue();
        }
        this.levels = Map.copyOf(levels);
    }

    private LinearTreeModel(TreeEnsemble trees, Leaf[] leaves, Map<Integer, List<String>> levels) {
        this.trees = trees;
        this.leaves = leaves;
        this.levels = levels;
    }

    @Override
    public String type() {
        return trees.type();
    }

    @Override
    public List<String> features() {
        return trees.features();
    }

    @Override
    public Model withFeatures(List<String> names) {
        return new LinearTreeModel(trees.withFeatures(names), leaves, levels);
    }

    @Override
    public Map<Integer, List<String>> categoryLevels() {
        return levels;
    }

    @Override
    public java.util.SortedSet<Integer> categoricalInputs() {
        return trees.categoricalInputs();
    }

    @Override
    public Model withCategoryLevels(Map<Integer, List<String>> labels) {
        return new LinearTreeModel(trees, leaves, Map.copyOf(labels));
    }

    @Override
    public String task() {
        return trees.task();
    }

    @Override
    public List<String> classes() {
        return trees.classes();
    }

    @Override
    public int outputCount() {
        return trees.outputCount();
    }

    @Override
    public String outputSpace() {
        return "margin";
    }

    @Override
    public String outputUnits() {
        return trees.outputUnits();
    }

    @Override
    public double[] rawOutputs(FeatureMatrix rows, int from, int to) {
        int p = rows.columns();
        int groups = trees.outputCount();
        double[] x = rows.values();
        double[] out = new double[(to - from) * groups];
        for (int i = from; i < to; i++) {
            int offset = i * p;
            int o = (i - from) * groups;
            for (int g = 0; g < groups; g++) {
                out[o + g] = trees.baseMargin(g);
            }
            for (int t = 0; t < trees.treeCount(); t++) {
                out[o + trees.group(t)] += value(trees.leaf(trees.root(t), x, offset), x, offset);
            }
        }
        return out;
    }

    private double value(int node, double[] x, int offset) {
        Leaf leaf = leaves[node];
        if (leaf == null) {
            return trees.leafValue(node);
        }
        double sum = leaf.constant();
        for (int i = 0; i < leaf.features().length; i++) {
            double v = x[offset + leaf.features()[i]];
            if (Double.isNaN(v)) {
                return leaf.fallback();
            }
            // LightGBM's predictor reads |x| <= kZeroThreshold (1e-35f) as 0.
            sum += Math.abs(v) <= 1e-35f ? 0.0 : leaf.coefficients()[i] * v;
        }
        return sum;
    }

    @Override
    public double[] link(double[] raw) {
        return trees.link(raw);
    }
}
