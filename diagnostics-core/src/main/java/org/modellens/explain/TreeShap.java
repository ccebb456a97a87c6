package org.modellens.explain;

import org.modellens.model.TreeEnsemble;

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion and Lee, "Consistent Individualized Feature
 * Attribution for Tree Ensembles", 2018, Algorithm 2), in the form XGBoost implements for
 * {@code pred_contribs}: node covers from training weight the paths not taken, a missing value
 * follows its node's default direction, and the base value is the cover-weighted mean leaf value of
 * every tree plus the model's base margin.
 *
 * <p>Contributions are in margin space (log-odds for binary:logistic) and add up exactly:
 * {@code baseValue + sum(phi) = margin}. Cost per row is O(trees x leaves x depth²). Every decision
 * kind of {@link TreeEnsemble} is handled the same way: the row follows the node's own rule (a
 * categorical split is just another "goes left" predicate) and the other branch is weighted by its
 * cover. A tree with vector leaves credits each output group with its own entry of the leaf: one
 * walk serves every group ({@link #contributionsAllGroups}). One instance holds scratch space for one
 * thread: not thread-safe; use one per thread.
 */
public final class TreeShap {

    private final TreeEnsemble model;
    private final int features;
    /** Per-group base value: base margin plus the cover-weighted mean of every tree of the group. */
    private final double[] base;

    // The path of unique features from the root, one block per recursion level (levels copy their
    // parent's). Element i of a block at s: path[4 (s + i) + FEATURE | ZERO | ONE | WEIGHT], interleaved
    // so that a level copies its parent's path with one arraycopy.
    private static final int FEATURE = 0;
    private static final int ZERO = 1;
    private static final int ONE = 2;
    private static final int WEIGHT = 3;
    private final double[] path;
    /** 1 / k, so the inner loops multiply instead of divide. */
    private final double[] reciprocal;

    // Where the leaf credits go during one tree's walk: one group's phi, or every group's.
    private double[] target;
    private double[][] targets;
    private int targetGroup;
    private int treeGroup;

    public TreeShap(TreeEnsemble model) {
        this.model = model;
        this.features = model.features().size();
        this.base = new double[model.outputCount()];
        for (int g = 0; g < base.length; g++) {
            base[g] = model.baseMargin(g);
        }
        for (int t = 0; t < model.treeCount(); t++) {
            int g = model.group(t);
            if (g == TreeEnsemble.ALL_GROUPS) {
                for (int k = 0; k < base.length; k++) {
                    base[k] += mean(model.root(t), k);
                }
            } else {
                base[g] += mean(model.root(t), g);
            }
        }
        int depth = model.maxDepth() + 2;
        int size = depth * (depth + 1) / 2 + depth;
        path = new double[4 * size];
        reciprocal = new double[depth + 2];
        for (int k = 1; k < reciprocal.length; k++) {
            reciprocal[k] = 1.0 / k;
        }
    }

    /** The cover-weighted mean leaf value (for {@code group}) of a subtree. */
    private double mean(int node, int group) {
        if (model.isLeaf(node)) {
            return model.leafValue(node, group);
        }
        int l = model.left(node);
        int r = model.right(node);
        return (mean(l, group) * model.cover(l) + mean(r, group) * model.cover(r)) / model.cover(node);
    }

    /** The expected raw output of each group: the attribution's starting point. */
    public double baseValue(int group) {
        return base[group];
    }

    /**
     * Contributions of one row to one output group.
     *
     * @param x      row-major inputs
     * @param offset where the row starts in {@code x}
     * @param group  output group (0 unless multiclass)
     * @param phi    receives one contribution per feature (overwritten); length at least the feature count
     * @return the row's raw output for the group (base value plus the contributions)
     */
    public double contributions(double[] x, int offset, int group, double[] phi) {
        java.util.Arrays.fill(phi, 0, features, 0.0);
        target = phi;
        targets = null;
        targetGroup = group;
        for (int t = 0; t < model.treeCount(); t++) {
            int g = model.group(t);
            if (g == group || g == TreeEnsemble.ALL_GROUPS) {
                treeGroup = g;
                recurse(x, offset, model.root(t), 0, 0, 1.0, 1.0, -1);
            }
        }
        target = null;
        double margin = base[group];
        for (int j = 0; j < features; j++) {
            margin += phi[j];
        }
        return margin;
    }

    /**
     * Contributions of one row to every output group, each tree walked once.
     *
     * @param phi     receives, per group, one contribution per feature (overwritten)
     * @param margins receives the row's raw output per group
     */
    public void contributionsAllGroups(double[] x, int offset, double[][] phi, double[] margins) {
        for (int g = 0; g < base.length; g++) {
            java.util.Arrays.fill(phi[g], 0, features, 0.0);
        }
        targets = phi;
        target = null;
        for (int t = 0; t < model.treeCount(); t++) {
            treeGroup = model.group(t);
            recurse(x, offset, model.root(t), 0, 0, 1.0, 1.0, -1);
        }
        targets = null;
        for (int g = 0; g < base.length; g++) {
            double margin = base[g];
            for (int j = 0; j < features; j++) {
                margin += phi[g][j];
            }
            margins[g] = margin;
        }
    }

    /**
     * @param start       where this level's copy of the path begins
     * @param uniqueDepth number of elements on the path (the root's dummy element included) minus one
     */
    private void recurse(double[] x, int offset, int node, int parentStart, int uniqueDepth,
                         double parentZero, double parentOne, int parentFeature) {
        int start = parentStart + uniqueDepth;
        if (uniqueDepth > 0) {
            System.arraycopy(path, 4 * parentStart, path, 4 * start, 4 * uniqueDepth);
        }
        extend(start, uniqueDepth, parentZero, parentOne, parentFeature);

        if (model.isLeaf(node)) {
            leaf(node, start, uniqueDepth);
            return;
        }
        int split = model.splitFeature(node);
        int hot = model.next(node, x[offset + split]);
        int cold = hot == model.left(node) ? model.right(node) : model.left(node);
        double cover = model.cover(node);
        double hotZero = model.cover(hot) / cover;
        double coldZero = model.cover(cold) / cover;
        double incomingZero = 1;
        double incomingOne = 1;

        // A feature met again on the path: undo its earlier split and carry its fractions on.
        int k = 0;
        for (; k <= uniqueDepth; k++) {
            if (path[4 * (start + k) + FEATURE] == split) {
                break;
            }
        }
        if (k != uniqueDepth + 1) {
            incomingZero = path[4 * (start + k) + ZERO];
            incomingOne = path[4 * (start + k) + ONE];
            unwind(start, uniqueDepth, k);
            uniqueDepth -= 1;
        }
        recurse(x, offset, hot, start, uniqueDepth + 1, hotZero * incomingZero, incomingOne, split);
        recurse(x, offset, cold, start, uniqueDepth + 1, coldZero * incomingZero, 0, split);
    }

    /**
     * Credits a leaf to the features on the path. The fractions "one" are 0 (the row took the other
     * branch) or 1; for every 0-element the unwound path sum is the same sum divided by its zero
     * fraction, so it is computed once per leaf: that halves the O(depth²) work a leaf costs.
     */
    private void leaf(int node, int s, int d) {
        double[] phi;
        double leaf;
        boolean vector = treeGroup == TreeEnsemble.ALL_GROUPS;
        if (targets == null) {
            phi = target;
            leaf = vector ? model.leafValue(node, targetGroup) : model.leafValue(node);
        } else if (!vector) {
            phi = targets[treeGroup];
            leaf = model.leafValue(node);
        } else {
            phi = null;
            leaf = 1.0;
        }
        double coldSum = Double.NaN;
        for (int i = 1; i <= d; i++) {
            int e = 4 * (s + i);
            double one = path[e + ONE];
            double zero = path[e + ZERO];
            double w;
            if (one != 0) {
                w = hotUnwoundSum(s, d, zero, one);
            } else if (zero != 0) {
                if (Double.isNaN(coldSum)) {
                    coldSum = coldUnwoundSum(s, d);
                }
                w = coldSum / zero;
            } else {
                continue;
            }
            int f = (int) path[e + FEATURE];
            double credit = w * (one - zero);
            if (phi != null) {
                phi[f] += credit * leaf;
            } else {
                for (int g = 0; g < targets.length; g++) {
                    targets[g][f] += credit * model.leafValue(node, g);
                }
            }
        }
    }

    /** The unwound path sum for an element whose one fraction is not 0. */
    private double hotUnwoundSum(int s, int d, double zero, double one) {
        double scale = (d + 1) / one;
        double zeroScale = zero * reciprocal[d + 1];
        double nextOnePortion = path[4 * (s + d) + WEIGHT];
        double total = 0;
        for (int i = d - 1; i >= 0; i--) {
            double tmp = nextOnePortion * scale * reciprocal[i + 1];
            total += tmp;
            nextOnePortion = path[4 * (s + i) + WEIGHT] - tmp * zeroScale * (d - i);
        }
        return total;
    }

    /** The unwound path sum for an element whose one fraction is 0, times its zero fraction. */
    private double coldUnwoundSum(int s, int d) {
        double total = 0;
        for (int i = d - 1; i >= 0; i--) {
            total += path[4 * (s + i) + WEIGHT] * reciprocal[d - i];
        }
        return total * (d + 1);
    }

    private void extend(int s, int uniqueDepth, double zero, double one, int feature) {
        path[4 * (s + uniqueDepth) + FEATURE] = feature;
        path[4 * (s + uniqueDepth) + ZERO] = zero;
        path[4 * (s + uniqueDepth) + ONE] = one;
        path[4 * (s + uniqueDepth) + WEIGHT] = uniqueDepth == 0 ? 1.0 : 0.0;
        double inverse = reciprocal[uniqueDepth + 1];
        for (int i = uniqueDepth - 1; i >= 0; i--) {
            double weight = path[4 * (s + i) + WEIGHT];
            if (one != 0) {
                path[4 * (s + i + 1) + WEIGHT] += one * weight * (i + 1) * inverse;
            }
            path[4 * (s + i) + WEIGHT] = zero * weight * (uniqueDepth - i) * inverse;
        }
    }

    private void unwind(int s, int uniqueDepth, int index) {
        double one = path[4 * (s + index) + ONE];
        double zero = path[4 * (s + index) + ZERO];
        double nextOnePortion = path[4 * (s + uniqueDepth) + WEIGHT];
        for (int i = uniqueDepth - 1; i >= 0; i--) {
            if (one != 0) {
                double tmp = path[4 * (s + i) + WEIGHT];
                path[4 * (s + i) + WEIGHT] = nextOnePortion * (uniqueDepth + 1) / ((i + 1) * one);
                nextOnePortion = tmp - path[4 * (s + i) + WEIGHT] * zero * (uniqueDepth - i) / (uniqueDepth + 1);
            } else {
                path[4 * (s + i) + WEIGHT] = path[4 * (s + i) + WEIGHT] * (uniqueDepth + 1) / (zero * (uniqueDepth - i));
            }
        }
        for (int i = index; i < uniqueDepth; i++) {
            path[4 * (s + i) + FEATURE] = path[4 * (s + i + 1) + FEATURE];
            path[4 * (s + i) + ZERO] = path[4 * (s + i + 1) + ZERO];
            path[4 * (s + i) + ONE] = path[4 * (s + i + 1) + ONE];
        }
    }
}
