package org.modellens.model;

/**
 * Node covers counted from data, for tree files that store none (ONNX-ML trees): a node's cover is
 * the number of rows reaching it. Path-dependent TreeSHAP weighs the branch a row did not take by
 * these counts, so with the training rows it computes what it would from the training library's
 * own counts (scikit-learn's {@code n_node_samples} for trees fitted on all rows).
 *
 * <p>A node no row reaches gets a pseudo-count of {@value #EMPTY_LEAF} per leaf beneath it: TreeSHAP
 * divides by covers, and a zero would make the attribution undefined. The pseudo-count is the limit
 * in which an unvisited region weighs nothing against a visited one yet splits evenly within itself;
 * it moves contributions by about {@code 1e-6 / rows} of a leaf value.
 */
public final class TreeCovers {

    static final double EMPTY_LEAF = 1e-6;

    private TreeCovers() {
    }

    /** The ensemble with covers counted over the scorable rows of {@code rows}. */
    public static TreeEnsemble fromRows(TreeEnsemble ensemble, FeatureMatrix rows) {
        int nodes = ensemble.nodeCount();
        double[] count = new double[nodes];
        double[] x = rows.values();
        int p = rows.columns();
        for (int i = 0; i < rows.rows(); i++) {
            if (!rows.scorable(i)) {
                continue;
            }
            for (int t = 0; t < ensemble.treeCount(); t++) {
                int node = ensemble.root(t);
                count[node]++;
                while (!ensemble.isLeaf(node)) {
                    node = ensemble.next(node, x[i * p + ensemble.splitFeature(node)]);
                    count[node]++;
                }
            }
        }
        double[] cover = new double[nodes];
        for (int t = 0; t < ensemble.treeCount(); t++) {
            fill(ensemble, ensemble.root(t), count, cover);
        }
        return ensemble.withCovers(cover);
    }

    /** Leaves: count + pseudo-count; internal nodes: the sum of their children, so covers stay consistent. */
    private static double fill(TreeEnsemble ensemble, int root, double[] count, double[] cover) {
        // Children come after their parent in every reader's numbering, but walk explicitly to be safe.
        java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
        stack.push(new int[] {root, 0});
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            int node = top[0];
            if (ensemble.isLeaf(node)) {
                cover[node] = count[node] + EMPTY_LEAF;
                stack.pop();
            } else if (top[1] == 0) {
                top[1] = 1;
                stack.push(new int[] {ensemble.left(node), 0});
                stack.push(new int[] {ensemble.right(node), 0});
            } else {
                cover[node] = cover[ensemble.left(node)] + cover[ensemble.right(node)];
                stack.pop();
            }
        }
        return cover[root];
    }
}
