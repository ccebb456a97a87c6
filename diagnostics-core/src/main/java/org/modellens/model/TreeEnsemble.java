package org.modellens.model;

import java.util.List;
import java.util.Objects;

/**
 * A gradient-boosted tree ensemble (XGBoost or LightGBM) held as flat node arrays, so scoring and
 * TreeSHAP walk plain arrays without allocating.
 *
 * <p>Node {@code i} of the ensemble is a leaf when {@link #left(int)} is negative. The split rules
 * are the libraries' own:
 * <ul>
 *   <li>XGBoost ({@link SplitRule#XGBOOST}): the input is rounded to float32 (XGBoost's DMatrix holds
 *       floats) and goes left when {@code x < threshold}, compared in float32; a missing value
 *       ({@code NaN}) follows the node's default direction.</li>
 *   <li>LightGBM ({@link SplitRule#LIGHTGBM}): goes left when {@code x <= threshold} in double. Per
 *       node missing type: {@code NaN} — a NaN takes the default direction; {@code ZERO} — a zero or
 *       a NaN takes the default direction; {@code NONE} — a NaN is read as 0 and compared.</li>
 * </ul>
 * Raw output for group {@code g} is {@code baseMargin[g]} plus the leaf value of every tree of group
 * {@code g}; the {@link Link} turns it into a probability or a prediction.
 */
public final class TreeEnsemble implements Model {

    /** How a node compares an input with its threshold. */
    public enum SplitRule { XGBOOST, LIGHTGBM }

    /** From raw output (margin) to the model's output. */
    public enum Link {
        IDENTITY, SIGMOID, SOFTMAX, EXP;
    }

    /** LightGBM missing types; XGBoost nodes are all {@link #MISSING_NAN}. */
    public static final byte MISSING_NONE = 0;
    public static final byte MISSING_ZERO = 1;
    public static final byte MISSING_NAN = 2;

    private static final double LIGHTGBM_ZERO = 1e-35;

    private final String type;
    private final List<String> features;
    private final String task;
    private final List<String> classes;
    private final SplitRule rule;
    private final Link link;
    private final double linkScale;
    private final int groups;
    private final double[] baseMargin;
    private final int[] roots;
    private final int[] treeGroup;
    private final int[] left;
    private final int[] right;
    private final int[] feature;
    private final double[] threshold;
    private final float[] thresholdF;
    private final boolean[] defaultLeft;
    private final byte[] missingType;
    private final double[] value;
    private final double[] cover;
    private final int maxDepth;

    /**
     * @param linkScale   multiplies the margin before the sigmoid (LightGBM's {@code sigmoid:} parameter; 1 for XGBoost)
     * @param roots       index of each tree's root node
     * @param treeGroup   output group (class) of each tree
     * @param left        left child per node, -1 for a leaf
     * @param right       right child per node, -1 for a leaf
     * @param feature     split feature per node (model order), -1 for a leaf
     * @param threshold   split value per node
     * @param defaultLeft whether a missing value goes left
     * @param missingType LightGBM missing type per node ({@link #MISSING_NAN} for XGBoost)
     * @param value       leaf value per node (ignored for internal nodes)
     * @param cover       training cover per node (hessian sum for XGBoost, row count for LightGBM)
     */
    public TreeEnsemble(String type, List<String> features, String task, List<String> classes, SplitRule rule, Link link,
                        double linkScale, int groups, double[] baseMargin, int[] roots, int[] treeGroup, int[] left,
                        int[] right, int[] feature, double[] threshold, boolean[] defaultLeft, byte[] missingType,
                        double[] value, double[] cover) {
        this.type = Objects.requireNonNull(type);
        this.features = List.copyOf(features);
        this.task = task;
        this.classes = List.copyOf(classes);
        this.rule = rule;
        this.link = link;
        this.linkScale = linkScale;
        this.groups = groups;
        this.baseMargin = baseMargin.clone();
        this.roots = roots;
        this.treeGroup = treeGroup;
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.threshold = threshold;
        this.thresholdF = new float[threshold.length];
        for (int i = 0; i < threshold.length; i++) {
            thresholdF[i] = (float) threshold[i];
        }
        this.defaultLeft = defaultLeft;
        this.missingType = missingType;
        this.value = value;
        this.cover = cover;
        this.maxDepth = checkedDepth(roots, left, right);
    }

    @Override
    public TreeEnsemble withFeatures(List<String> names) {
        if (names.size() != features.size()) {
            throw new IllegalArgumentException(names.size() + " feature names for a model of " + features.size() + " features");
        }
        return new TreeEnsemble(type, names, task, classes, rule, link, linkScale, groups, baseMargin, roots, treeGroup,
                left, right, feature, threshold, defaultLeft, missingType, value, cover);
    }

    /**
     * The deepest root-to-leaf path, walked without recursion (a corrupt tree 100,000 levels deep
     * would overflow the stack). Every node must be reached exactly once: a cycle, or a node shared by
     * two parents (a corrupt file can make 2^n paths of n nodes that way), is refused, as is a tree
     * deeper than {@link ModelLimits#MAX_TREE_DEPTH}.
     *
     * @throws IllegalArgumentException naming the tree
     */
    private static int checkedDepth(int[] roots, int[] left, int[] right) {
        int n = left.length;
        if (right.length != n) {
            throw new IllegalArgumentException("the node arrays differ in length");
        }
        boolean[] seen = new boolean[n];
        int[] stackNode = new int[n + 1];
        int[] stackLevel = new int[n + 1];
        int deepest = 0;
        for (int t = 0; t < roots.length; t++) {
            int size = 0;
            stackNode[size] = roots[t];
            stackLevel[size++] = 0;
            while (size > 0) {
                int node = stackNode[--size];
                int level = stackLevel[size];
                if (node < 0 || node >= n) {
                    throw new IllegalArgumentException("tree " + t + " points to node " + node + " of " + n);
                }
                if (seen[node]) {
                    throw new IllegalArgumentException("tree " + t + " reaches node " + node
                            + " twice (a cycle or a shared node): not a tree");
                }
                seen[node] = true;
                if (level > ModelLimits.MAX_TREE_DEPTH) {
                    throw new IllegalArgumentException("tree " + t + " is more than " + ModelLimits.MAX_TREE_DEPTH
                            + " splits deep; boosted trees are far shallower, so the file is damaged or hostile");
                }
                deepest = Math.max(deepest, level);
                if (left[node] >= 0) {
                    // Each node is pushed once by its one parent, so the stack never outgrows the node count.
                    if (size + 2 > stackNode.length) {
                        throw new IllegalArgumentException("tree " + t + " has more paths than nodes: not a tree");
                    }
                    stackNode[size] = left[node];
                    stackLevel[size++] = level + 1;
                    stackNode[size] = right[node];
                    stackLevel[size++] = level + 1;
                }
            }
        }
        return deepest;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public List<String> features() {
        return features;
    }

    @Override
    public String task() {
        return task;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public int outputCount() {
        return groups;
    }

    @Override
    public String outputSpace() {
        return "margin";
    }

    @Override
    public double[] rawOutputs(FeatureMatrix rows, int from, int to) {
        int p = rows.columns();
        double[] x = rows.values();
        double[] out = new double[(to - from) * groups];
        for (int i = from; i < to; i++) {
            int offset = i * p;
            int o = (i - from) * groups;
            for (int g = 0; g < groups; g++) {
                out[o + g] = baseMargin[g];
            }
            for (int t = 0; t < roots.length; t++) {
                out[o + treeGroup[t]] += value[leaf(roots[t], x, offset)];
            }
        }
        return out;
    }

    /** The leaf a row reaches from {@code node}; the row's inputs start at {@code x[offset]}. */
    public int leaf(int node, double[] x, int offset) {
        int n = node;
        while (left[n] >= 0) {
            n = next(n, x[offset + feature[n]]);
        }
        return n;
    }

    /** The child an input value leads to from internal node {@code node}. */
    public int next(int node, double x) {
        if (rule == SplitRule.XGBOOST) {
            if (Double.isNaN(x)) {
                return defaultLeft[node] ? left[node] : right[node];
            }
            return (float) x < thresholdF[node] ? left[node] : right[node];
        }
        byte missing = missingType[node];
        if (Double.isNaN(x) && missing != MISSING_NAN) {
            x = 0.0;
        }
        if ((missing == MISSING_ZERO && Math.abs(x) <= LIGHTGBM_ZERO) || (missing == MISSING_NAN && Double.isNaN(x))) {
            return defaultLeft[node] ? left[node] : right[node];
        }
        return x <= threshold[node] ? left[node] : right[node];
    }

    @Override
    public double[] link(double[] raw) {
        return switch (link) {
            case IDENTITY -> raw.clone();
            case EXP -> new double[] {Math.exp(raw[0])};
            case SIGMOID -> new double[] {1.0 / (1.0 + Math.exp(-linkScale * raw[0]))};
            case SOFTMAX -> softmax(raw);
        };
    }

    private static double[] softmax(double[] raw) {
        double max = Double.NEGATIVE_INFINITY;
        for (double r : raw) {
            max = Math.max(max, r);
        }
        double[] p = new double[raw.length];
        double sum = 0;
        for (int k = 0; k < raw.length; k++) {
            p[k] = Math.exp(raw[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < raw.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    public int treeCount() {
        return roots.length;
    }

    public int root(int tree) {
        return roots[tree];
    }

    public int group(int tree) {
        return treeGroup[tree];
    }

    public double baseMargin(int group) {
        return baseMargin[group];
    }

    public boolean isLeaf(int node) {
        return left[node] < 0;
    }

    public int left(int node) {
        return left[node];
    }

    public int right(int node) {
        return right[node];
    }

    public int splitFeature(int node) {
        return feature[node];
    }

    public double leafValue(int node) {
        return value[node];
    }

    public double cover(int node) {
        return cover[node];
    }

    public int nodeCount() {
        return left.length;
    }

    /** The longest root-to-leaf path, in splits. */
    public int maxDepth() {
        return maxDepth;
    }
}
