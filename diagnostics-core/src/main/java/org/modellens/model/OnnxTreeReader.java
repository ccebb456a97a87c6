package org.modellens.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Reads an ONNX-ML {@code TreeEnsembleClassifier} or {@code TreeEnsembleRegressor} (ai.onnx.ml,
 * opset 1 to 3, as skl2onnx, onnxmltools and hand-built converters write scikit-learn, LightGBM and
 * XGBoost trees) into a {@link TreeEnsemble}, so the model gets exact TreeSHAP instead of the
 * model-agnostic estimate. The result reproduces ONNX Runtime's output: the graph must be the tree
 * operator alone (optionally behind a {@code Cast} of the input), feeding the output ModelLens reads.
 * Anything else returns {@code null} and the model runs as a plain ONNX graph.
 *
 * <p>Nodes: {@code nodes_modes} BRANCH_LEQ/LT/GTE/GT/EQ/NEQ compare the float32 input with the
 * float32 {@code nodes_values}, the true branch on the left; {@code nodes_missing_value_tracks_true}
 * sends NaN to the true branch (see {@link TreeEnsemble}). Leaves: the weights of
 * {@code class_*}/{@code target_*} by class or target id. Each tree becomes one tree per output
 * group it votes for.
 *
 * <p>Outputs, as ONNX Runtime forms them: a regressor ({@code n_targets = 1}, SUM or AVERAGE,
 * post_transform NONE) gives {@code base + sum}; a classifier with more than two classes gives
 * {@code base_c + sum_c} per class through NONE, SOFTMAX or LOGISTIC; a two-class classifier either
 * votes for both classes (a random forest's averaged probabilities: the positive class's score is
 * the output) or for one score {@code s} (gradient boosting: probabilities {@code [σ(-s), σ(s)]} under
 * LOGISTIC, the margin {@code s} is explained). Other combinations (PROBIT, SOFTMAX_ZERO, MIN/MAX
 * aggregation, several targets, ONNX Runtime's binary special cases without a transform) are left
 * to ONNX Runtime.
 *
 * <p>ONNX stores no training counts per node (the optional {@code nodes_hitrates} is left out by the
 * converters): node covers here are leaf counts, and {@link TreeCovers} replaces them with the
 * training rows reaching each node before TreeSHAP runs.
 */
final class OnnxTreeReader {

    private OnnxTreeReader() {
    }

    /**
     * @param output   the graph output ModelLens reads (the last float rank-2 output)
     * @param outputs  its width
     * @return the trees, or {@code null} when the graph is not a plain tree ensemble this reader reproduces
     */
    static TreeEnsemble read(byte[] bytes, String output, int outputs, List<String> features) {
        OnnxMl.ModelProto model;
        try {
            model = OnnxMl.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
        OnnxMl.GraphProto graph = model.getGraph();
        if (graph.getInputCount() != 1) {
            return null;
        }
        String input = graph.getInput(0).getName();
        OnnxMl.NodeProto tree = null;
        for (OnnxMl.NodeProto node : graph.getNodeList()) {
            String op = node.getOpType();
            if ((op.equals("TreeEnsembleClassifier") || op.equals("TreeEnsembleRegressor")) && node.getDomain().equals("ai.onnx.ml")) {
                if (tree != null) {
                    return null;
                }
                tree = node;
            } else if (op.equals("Cast") && node.getInputCount() == 1 && node.getInput(0).equals(input)
                    && node.getOutputCount() == 1) {
                input = node.getOutput(0);
            } else {
                return null;
            }
        }
        if (tree == null || tree.getInputCount() != 1 || !tree.getInput(0).equals(input)) {
            return null;
        }
        boolean classifier = tree.getOpType().equals("TreeEnsembleClassifier");
        int scores = classifier ? 1 : 0;
        if (tree.getOutputCount() <= scores || !tree.getOutput(scores).equals(output)) {
            return null;
        }
        try {
            return build(attributes(tree), classifier, outputs, features);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null; // inconsistent attributes: ONNX Runtime will say what is wrong
        }
    }

    private static Map<String, OnnxMl.AttributeProto> attributes(OnnxMl.NodeProto node) {
        Map<String, OnnxMl.AttributeProto> map = new HashMap<>();
        for (OnnxMl.AttributeProto a : node.getAttributeList()) {
            map.put(a.getName(), a);
        }
        return map;
    }

    private static long[] ints(Map<String, OnnxMl.AttributeProto> a, String name) {
        OnnxMl.AttributeProto attribute = a.get(name);
        if (attribute == null) {
            return new long[0];
        }
        return attribute.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] floats(Map<String, OnnxMl.AttributeProto> a, String name) {
        OnnxMl.AttributeProto tensor = a.get(name + "_as_tensor");
        if (tensor != null) {
            OnnxMl.TensorProto t = tensor.getT();
            if (t.getDoubleDataCount() > 0) {
                return t.getDoubleDataList().stream().mapToDouble(Double::doubleValue).toArray();
            }
            java.nio.ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
            double[] values = new double[raw.remaining() / 8];
            for (int i = 0; i < values.length; i++) {
                values[i] = raw.getDouble();
            }
            return values;
        }
        OnnxMl.AttributeProto attribute = a.get(name);
        if (attribute == null) {
            return new double[0];
        }
        double[] values = new double[attribute.getFloatsCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = attribute.getFloats(i);
        }
        return values;
    }

    private static String string(Map<String, OnnxMl.AttributeProto> a, String name, String fallback) {
        OnnxMl.AttributeProto attribute = a.get(name);
        return attribute == null ? fallback : attribute.getS().toStringUtf8();
    }

    private static List<String> strings(Map<String, OnnxMl.AttributeProto> a, String name) {
        OnnxMl.AttributeProto attribute = a.get(name);
        List<String> values = new ArrayList<>();
        if (attribute != null) {
            for (com.google.protobuf.ByteString s : attribute.getStringsList()) {
                values.add(s.toStringUtf8());
            }
        }
        return values;
    }

    /** One leaf vote. */
    private record Vote(int target, double weight) {
    }

    private static TreeEnsemble build(Map<String, OnnxMl.AttributeProto> a, boolean classifier, int outputs,
                                      List<String> features) {
        long[] treeIds = ints(a, "nodes_treeids");
        long[] nodeIds = ints(a, "nodes_nodeids");
        long[] featureIds = ints(a, "nodes_featureids");
        double[] values = floats(a, "nodes_values");
        List<String> modes = strings(a, "nodes_modes");
        long[] trueIds = ints(a, "nodes_truenodeids");
        long[] falseIds = ints(a, "nodes_falsenodeids");
        long[] tracks = ints(a, "nodes_missing_value_tracks_true");
        int n = treeIds.length;
        if (nodeIds.length != n || featureIds.length != n || values.length != n || modes.size() != n || trueIds.length != n
                || falseIds.length != n || (tracks.length != 0 && tracks.length != n)) {
            return null;
        }
        String prefix = classifier ? "class_" : "target_";
        long[] voteTrees = ints(a, prefix + "treeids");
        long[] voteNodes = ints(a, prefix + "nodeids");
        long[] voteIds = ints(a, prefix + "ids");
        double[] voteWeights = floats(a, prefix + "weights");
        if (voteNodes.length != voteTrees.length || voteIds.length != voteTrees.length || voteWeights.length != voteTrees.length) {
            return null;
        }
        double[] base = floats(a, "base_values");
        String post = string(a, "post_transform", "NONE");

        // Which output each class or target id feeds, and the ensemble's link.
        int classes;
        TreeEnsemble.Link link;
        String task;
        int groups;
        int[] groupOf;
        double[] baseMargin;
        boolean averaged = false;
        List<String> labels = new ArrayList<>();
        if (classifier) {
            List<String> stringLabels = strings(a, "classlabels_strings");
            long[] intLabels = ints(a, "classlabels_int64s");
            classes = stringLabels.isEmpty() ? intLabels.length : stringLabels.size();
            for (int c = 0; c < classes; c++) {
                labels.add(stringLabels.isEmpty() ? String.valueOf(intLabels[c]) : stringLabels.get(c));
            }
            if (classes < 2 || outputs != classes) {
                return null;
            }
            boolean[] voted = new boolean[classes];
            boolean positive = true;
            for (int i = 0; i < voteIds.length; i++) {
                if (voteIds[i] < 0 || voteIds[i] >= classes) {
                    return null;
                }
                voted[(int) voteIds[i]] = true;
                positive &= voteWeights[i] >= 0;
            }
            if (classes > 2) {
                link = switch (post) {
                    case "NONE" -> TreeEnsemble.Link.IDENTITY;
                    case "SOFTMAX" -> TreeEnsemble.Link.SOFTMAX;
                    case "LOGISTIC" -> TreeEnsemble.Link.SIGMOID;
                    default -> null;
                };
                if (link == null || (base.length != 0 && base.length != classes)) {
                    return null;
                }
                task = "multiclass";
                groups = classes;
                groupOf = new int[classes];
                for (int c = 0; c < classes; c++) {
                    groupOf[c] = c;
                }
                baseMargin = base.length == 0 ? new double[classes] : base.clone();
            } else if (voted[0] && voted[1]) {
                // Both classes voted (a random forest's averaged probabilities): ONNX Runtime outputs them as
                // they are; the positive class's score is the model's output.
                if (!post.equals("NONE") || base.length != 0) {
                    return null;
                }
                link = TreeEnsemble.Link.IDENTITY;
                task = "binary";
                groups = 1;
                groupOf = new int[] {-1, 0};
                baseMargin = new double[1];
            } else {
                // One score s: ONNX Runtime's binary case. With mixed-sign weights (boosting) LOGISTIC
                // gives [σ(-s), σ(s)] and NONE gives [-s, s]; all-positive weights give [1 - s, s] untransformed.
                if (base.length > 1 || (positive && !post.equals("NONE"))) {
                    return null;
                }
                link = switch (post) {
                    case "NONE" -> TreeEnsemble.Link.IDENTITY;
                    case "LOGISTIC" -> TreeEnsemble.Link.SIGMOID;
                    default -> null;
                };
                if (link == null) {
                    return null;
                }
                task = "binary";
                groups = 1;
                groupOf = voted[1] ? new int[] {-1, 0} : new int[] {0, -1};
                baseMargin = new double[] {base.length == 1 ? base[0] : 0.0};
            }
        } else {
            long targets = ints(a, "n_targets").length == 1 ? ints(a, "n_targets")[0] : 1;
            String aggregate = string(a, "aggregate_function", "SUM");
            if (targets != 1 || outputs != 1 || !post.equals("NONE") || base.length > 1
                    || !(aggregate.equals("SUM") || aggregate.equals("AVERAGE"))) {
                return null;
            }
            averaged = aggregate.equals("AVERAGE");
            link = TreeEnsemble.Link.IDENTITY;
            task = "regression";
            groups = 1;
            groupOf = new int[] {0};
            baseMargin = new double[] {base.length == 1 ? base[0] : 0.0};
            for (long id : voteIds) {
                if (id != 0) {
                    return null;
                }
            }
        }

        // Nodes by tree, in order of first appearance.
        Map<Long, Map<Long, Integer>> index = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (index.computeIfAbsent(treeIds[i], t -> new HashMap<>()).put(nodeIds[i], i) != null) {
                return null; // a node id twice in one tree
            }
        }
        Map<Long, Map<Long, List<Vote>>> votes = new HashMap<>();
        for (int i = 0; i < voteTrees.length; i++) {
            votes.computeIfAbsent(voteTrees[i], t -> new HashMap<>()).computeIfAbsent(voteNodes[i], k -> new ArrayList<>())
                    .add(new Vote((int) voteIds[i], voteWeights[i]));
        }
        double scale = averaged ? 1.0 / index.size() : 1.0;
        TreeEnsemble.Builder builder = new TreeEnsemble.Builder("onnx", features, task, labels, link, 1.0, groups,
                baseMargin);
        for (Map.Entry<Long, Map<Long, Integer>> tree : index.entrySet()) {
            Map<Long, Integer> nodes = tree.getValue();
            long root = root(nodes, modes, trueIds, falseIds);
            Map<Long, List<Vote>> treeVotes = votes.getOrDefault(tree.getKey(), Map.of());
            boolean[] feeds = new boolean[groups];
            for (List<Vote> leafVotes : treeVotes.values()) {
                for (Vote v : leafVotes) {
                    if (groupOf[v.target()] >= 0) {
                        feeds[groupOf[v.target()]] = true;
                    }
                }
            }
            for (int g = 0; g < groups; g++) {
                if (feeds[g]) {
                    addTree(builder, g, nodes, root, treeVotes, groupOf, scale, featureIds, values, modes, trueIds, falseIds,
                            tracks, features.size());
                }
            }
        }
        return builder.build();
    }

    /** The node no branch points to (a leaf's child ids mean nothing). */
    private static long root(Map<Long, Integer> nodes, List<String> modes, long[] trueIds, long[] falseIds) {
        java.util.Set<Long> children = new java.util.HashSet<>();
        for (int i : nodes.values()) {
            if (!modes.get(i).equals("LEAF")) {
                children.add(trueIds[i]);
                children.add(falseIds[i]);
            }
        }
        long root = -1;
        for (long id : nodes.keySet()) {
            if (!children.contains(id)) {
                if (root >= 0) {
                    throw new IllegalArgumentException("two roots");
                }
                root = id;
            }
        }
        if (root < 0) {
            throw new IllegalArgumentException("no root");
        }
        return root;
    }

    private static void addTree(TreeEnsemble.Builder builder, int group, Map<Long, Integer> nodes, long root,
                                Map<Long, List<Vote>> votes, int[] groupOf, double scale, long[] featureIds, double[] values,
                                List<String> modes, long[] trueIds, long[] falseIds, long[] tracks, int featureCount) {
        // Number the nodes depth-first from the root; leaf covers are 1 and internal covers their sums.
        List<Long> order = new ArrayList<>();
        Map<Long, Integer> position = new HashMap<>();
        java.util.ArrayDeque<Long> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            long id = stack.pop();
            if (position.containsKey(id)) {
                throw new IllegalArgumentException("node " + id + " reached twice");
            }
            Integer i = nodes.get(id);
            if (i == null) {
                throw new IllegalArgumentException("missing node " + id);
            }
            position.put(id, order.size());
            order.add(id);
            if (!modes.get(i).equals("LEAF")) {
                stack.push(falseIds[i]);
                stack.push(trueIds[i]);
            }
        }
        int start = builder.tree(group, order.size());
        double[] cover = new double[order.size()];
        for (int k = order.size() - 1; k >= 0; k--) {
            int i = nodes.get(order.get(k));
            if (modes.get(i).equals("LEAF")) {
                cover[k] = 1;
                double value = 0;
                for (Vote v : votes.getOrDefault(order.get(k), List.of())) {
                    if (groupOf[v.target()] == group) {
                        value += v.weight() * scale;
                    }
                }
                builder.leaf(start + k, value, cover[k]);
            } else {
                int l = position.get(trueIds[i]);
                int r = position.get(falseIds[i]);
                cover[k] = cover[l] + cover[r];
                byte kind = switch (modes.get(i)) {
                    case "BRANCH_LEQ" -> TreeEnsemble.ONNX_LEQ;
                    case "BRANCH_LT" -> TreeEnsemble.ONNX_LT;
                    case "BRANCH_GTE" -> TreeEnsemble.ONNX_GTE;
                    case "BRANCH_GT" -> TreeEnsemble.ONNX_GT;
                    case "BRANCH_EQ" -> TreeEnsemble.ONNX_EQ;
                    case "BRANCH_NEQ" -> TreeEnsemble.ONNX_NEQ;
                    default -> throw new IllegalArgumentException("mode " + modes.get(i));
                };
                int f = (int) featureIds[i];
                if (f < 0 || f >= featureCount) {
                    throw new IllegalArgumentException("feature " + f);
                }
                boolean missingTrue = tracks.length > 0 && tracks[i] == 1;
                builder.split(start + k, kind, f, values[i], missingTrue, TreeEnsemble.MISSING_NAN, start + l, start + r,
                        cover[k]);
            }
        }
    }
}
