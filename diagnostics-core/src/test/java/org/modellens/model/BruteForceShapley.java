package org.modellens.model;

/**
 * Shapley values from their definition, for checking TreeSHAP on small models: every coalition S of
 * the p features, valued by the path-dependent conditional expectation of Lundberg et al. (2018,
 * Algorithm 1): at a split on a feature in S the row's branch is followed, at any other split both
 * branches are averaged by their training covers. O(2^p x nodes) per row and output.
 */
final class BruteForceShapley {

    private BruteForceShapley() {
    }

    static double[] values(TreeEnsemble model, double[] x, int offset, int p, int group) {
        double[] v = new double[1 << p];
        for (int s = 0; s < v.length; s++) {
            v[s] = value(model, x, offset, group, s);
        }
        double[] factorial = new double[p + 1];
        factorial[0] = 1;
        for (int k = 1; k <= p; k++) {
            factorial[k] = factorial[k - 1] * k;
        }
        double[] phi = new double[p];
        for (int j = 0; j < p; j++) {
            for (int s = 0; s < v.length; s++) {
                if ((s & (1 << j)) != 0) {
                    continue;
                }
                int size = Integer.bitCount(s);
                double weight = factorial[size] * factorial[p - size - 1] / factorial[p];
                phi[j] += weight * (v[s | (1 << j)] - v[s]);
            }
        }
        return phi;
    }

    /** The expected raw output of {@code group} given the features in the bit set {@code known}. */
    static double value(TreeEnsemble model, double[] x, int offset, int group, int known) {
        double total = model.baseMargin(group);
        for (int t = 0; t < model.treeCount(); t++) {
            if (model.group(t) == group || model.group(t) == TreeEnsemble.ALL_GROUPS) {
                total += expectation(model, model.root(t), x, offset, group, known);
            }
        }
        return total;
    }

    private static double expectation(TreeEnsemble model, int node, double[] x, int offset, int group, int known) {
        if (model.isLeaf(node)) {
            return model.leafValue(node, group);
        }
        int f = model.splitFeature(node);
        if ((known & (1 << f)) != 0) {
            return expectation(model, model.next(node, x[offset + f]), x, offset, group, known);
        }
        int l = model.left(node);
        int r = model.right(node);
        return (model.cover(l) * expectation(model, l, x, offset, group, known)
                + model.cover(r) * expectation(model, r, x, offset, group, known)) / model.cover(node);
    }
}
