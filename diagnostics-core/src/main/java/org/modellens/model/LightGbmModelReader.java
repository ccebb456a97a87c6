package org.modellens.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modellens.data.InputFiles;
import org.modellens.data.UnreadableInputException;

/**
 * Reads a LightGBM model saved as text ({@code Booster.save_model}, {@code model.txt}): a header of
 * {@code key=value} lines, then one {@code Tree=i} block per tree with the node arrays
 * {@code split_feature, threshold, decision_type, left_child, right_child, leaf_value,
 * leaf_count, internal_count}. A child index {@code < 0} names leaf {@code ~index}.
 *
 * <p>{@code decision_type} bit 0 marks a categorical split (refused), bit 1 the default-left
 * direction, bits 2-3 the missing type (0 none, 1 zero, 2 NaN), as in LightGBM's {@code tree.h}.
 * Node covers for TreeSHAP are the training row counts, as LightGBM's own {@code pred_contrib}
 * uses. Objectives: binary (sigmoid with its {@code sigmoid:} scale), the regressions with an
 * identity link, poisson/gamma/tweedie (exp) and multiclass (softmax).
 */
public final class LightGbmModelReader {

    private LightGbmModelReader() {
    }

    public static ModelFile read(String text, String fileName) throws UnreadableInputException {
        try {
            return parse(text, fileName);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new UnreadableInputException(fileName + ": a corrupt LightGBM model (" + e.getMessage() + ")");
        }
    }

    private static ModelFile parse(String text, String fileName) throws UnreadableInputException {
        String[] lines = text.split("\r?\n");
        Map<String, String> header = new HashMap<>();
        List<Map<String, String>> trees = new ArrayList<>();
        List<Integer> treeLines = new ArrayList<>();
        Map<String, String> current = header;
        boolean ended = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("Tree=")) {
                current = new HashMap<>();
                trees.add(current);
                treeLines.add(i + 1);
            } else if (line.startsWith("end of trees")) {
                ended = true;
                break;
            } else {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    current.put(line.substring(0, eq), line.substring(eq + 1));
                } else if (!line.isBlank()) {
                    current.put(line.trim(), "");
                }
            }
        }
        if (!ended) {
            throw new UnreadableInputException(fileName + ": the LightGBM model has no 'end of trees' line (truncated)");
        }
        if (trees.isEmpty()) {
            throw new UnreadableInputException(fileName + ": the LightGBM model has no trees");
        }
        // LightGBM grows one tree per class and iteration: a class count beyond the trees is no real model.
        int numClass = InputFiles.declaredCount(Long.parseLong(required(header, "num_class", fileName, 0).trim()),
                Math.max(1, trees.size()), fileName, "num_class");
        int perIteration = Integer.parseInt(header.getOrDefault("num_tree_per_iteration", String.valueOf(numClass)).trim());
        // Parsed as a long: max_feature_idx 2^31-1 plus one overflows an int.
        long maxFeature = Long.parseLong(required(header, "max_feature_idx", fileName, 0).trim());
        if (header.containsKey("average_output")) {
            throw new UnreadableInputException(fileName + ": random-forest LightGBM models (average_output) are not supported");
        }
        String objective = required(header, "objective", fileName, 0).trim();
        String objectiveName = objective.split(" ")[0];
        TreeEnsemble.Link link;
        String task;
        double scale = 1.0;
        switch (objectiveName) {
            case "binary" -> {
                link = TreeEnsemble.Link.SIGMOID;
                task = "binary";
                for (String part : objective.split(" ")) {
                    if (part.startsWith("sigmoid:")) {
                        scale = Double.parseDouble(part.substring("sigmoid:".length()));
                    }
                }
            }
            case "regression", "regression_l1", "huber", "fair", "quantile", "mape" -> {
                link = TreeEnsemble.Link.IDENTITY;
                task = "regression";
            }
            case "poisson", "gamma", "tweedie" -> {
                link = TreeEnsemble.Link.EXP;
                task = "regression";
            }
            case "multiclass" -> {
                link = TreeEnsemble.Link.SOFTMAX;
                task = "multiclass";
            }
            default -> throw new UnreadableInputException(fileName + ": the LightGBM objective '" + objectiveName
                    + "' is not supported");
        }
        int groups = "multiclass".equals(task) ? numClass : 1;
        if (perIteration != groups) {
            throw new UnreadableInputException(fileName + ": num_tree_per_iteration " + perIteration + " for " + groups
                    + " outputs");
        }
        int featureCount = InputFiles.declaredCount(maxFeature + 1, ModelLimits.MAX_FEATURES, fileName, "max_feature_idx + 1");
        List<String> names = new ArrayList<>();
        String featureNames = header.get("feature_names");
        boolean named = featureNames != null && !featureNames.isBlank();
        if (named) {
            names.addAll(List.of(featureNames.trim().split(" ")));
            if (names.size() != featureCount) {
                throw new UnreadableInputException(fileName + ": feature_names lists " + names.size()
                        + " features but max_feature_idx is " + maxFeature);
            }
        } else {
            for (int j = 0; j < featureCount; j++) {
                names.add("Column_" + j);
            }
        }

        long total = 0;
        for (int t = 0; t < trees.size(); t++) {
            long declared = Long.parseLong(required(trees.get(t), "num_leaves", fileName, treeLines.get(t)).trim());
            if (declared < 1) {
                throw new UnreadableInputException(fileName + ", line " + treeLines.get(t) + ": num_leaves " + declared);
            }
            // Each leaf has a value of at least one character and a separator on the leaf_value line.
            String leafValues = trees.get(t).getOrDefault("leaf_value", "");
            int leaves = InputFiles.declaredCount(declared, (leafValues.length() + 1) / 2, fileName + ", line " + treeLines.get(t),
                    "num_leaves");
            trees.get(t).put("num_leaves", String.valueOf(leaves));
            total += 2L * leaves - 1;
        }
        // Bounded by the text's length (each tree's leaves by its own line), so this fits an int.
        int nodes = InputFiles.declaredCount(total, text.length(), fileName, "the total node count");
        int[] roots = new int[trees.size()];
        int[] treeGroup = new int[trees.size()];
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        int[] feature = new int[nodes];
        double[] threshold = new double[nodes];
        boolean[] defaultLeft = new boolean[nodes];
        byte[] missing = new byte[nodes];
        double[] value = new double[nodes];
        double[] cover = new double[nodes];
        int offset = 0;
        for (int t = 0; t < trees.size(); t++) {
            Map<String, String> tree = trees.get(t);
            int line = treeLines.get(t);
            int leaves = Integer.parseInt(tree.get("num_leaves"));
            int internal = leaves - 1;
            if (!"0".equals(tree.getOrDefault("num_cat", "0"))) {
                throw new UnreadableInputException(fileName + ", line " + line + ": tree " + t
                        + " has categorical splits; not supported");
            }
            if ("1".equals(tree.get("is_linear"))) {
                throw new UnreadableInputException(fileName + ", line " + line + ": linear trees are not supported");
            }
            double[] leafValue = numbers(required(tree, "leaf_value", fileName, line), leaves, "leaf_value", fileName, line);
            roots[t] = offset;
            treeGroup[t] = t % groups;
            if (internal == 0) {
                left[offset] = -1;
                right[offset] = -1;
                feature[offset] = -1;
                value[offset] = leafValue[0];
                cover[offset] = 1;
                offset += 1;
                continue;
            }
            double[] leafCount = numbers(required(tree, "leaf_count", fileName, line), leaves, "leaf_count", fileName, line);
            double[] splitFeature = numbers(required(tree, "split_feature", fileName, line), internal, "split_feature", fileName, line);
            double[] thresholds = numbers(required(tree, "threshold", fileName, line), internal, "threshold", fileName, line);
            double[] decision = numbers(required(tree, "decision_type", fileName, line), internal, "decision_type", fileName, line);
            double[] leftChild = numbers(required(tree, "left_child", fileName, line), internal, "left_child", fileName, line);
            double[] rightChild = numbers(required(tree, "right_child", fileName, line), internal, "right_child", fileName, line);
            double[] internalCount = numbers(required(tree, "internal_count", fileName, line), internal, "internal_count",
                    fileName, line);
            // Internal node i at offset + i, leaf k at offset + internal + k.
            for (int i = 0; i < internal; i++) {
                int g = offset + i;
                int type = (int) decision[i];
                if ((type & 1) != 0) {
                    throw new UnreadableInputException(fileName + ", line " + line + ": tree " + t
                            + " has a categorical split; not supported");
                }
                int f = (int) splitFeature[i];
                if (f < 0 || f >= featureCount) {
                    throw new UnreadableInputException(fileName + ", line " + line + ": tree " + t + " splits on feature " + f
                            + " of " + featureCount);
                }
                left[g] = child((int) leftChild[i], offset, internal, leaves, i, fileName, line);
                right[g] = child((int) rightChild[i], offset, internal, leaves, i, fileName, line);
                feature[g] = f;
                threshold[g] = thresholds[i];
                defaultLeft[g] = (type & 2) != 0;
                missing[g] = (byte) ((type >> 2) & 3);
                cover[g] = internalCount[i];
            }
            for (int k = 0; k < leaves; k++) {
                int g = offset + internal + k;
                left[g] = -1;
                right[g] = -1;
                feature[g] = -1;
                value[g] = leafValue[k];
                cover[g] = leafCount[k];
            }
            offset += 2 * leaves - 1;
        }
        List<String> classes = new ArrayList<>();
        if (!"regression".equals(task)) {
            for (int k = 0; k < Math.max(2, groups); k++) {
                classes.add(String.valueOf(k));
            }
        }
        TreeEnsemble ensemble = new TreeEnsemble("lightgbm", names, task, classes, TreeEnsemble.SplitRule.LIGHTGBM, link,
                scale, groups, new double[groups], roots, treeGroup, left, right, feature, threshold, defaultLeft, missing,
                value, cover);
        return new ModelFile(ensemble, named);
    }

    private static int child(int index, int offset, int internal, int leaves, int node, String fileName, int line)
            throws UnreadableInputException {
        if (index >= 0) {
            if (index >= internal || index <= node) {
                throw new UnreadableInputException(fileName + ", line " + line + ": node " + node + " has child " + index
                        + " outside the tree");
            }
            return offset + index;
        }
        int leaf = ~index;
        if (leaf >= leaves) {
            throw new UnreadableInputException(fileName + ", line " + line + ": node " + node + " points to leaf " + leaf
                    + " of " + leaves);
        }
        return offset + internal + leaf;
    }

    private static String required(Map<String, String> block, String key, String fileName, int line)
            throws UnreadableInputException {
        String value = block.get(key);
        if (value == null) {
            throw new UnreadableInputException(fileName + (line > 0 ? ", tree at line " + line : "") + ": the field '" + key
                    + "' is missing (not a LightGBM text model, or a truncated one)");
        }
        return value;
    }

    private static double[] numbers(String text, int expected, String key, String fileName, int line)
            throws UnreadableInputException {
        String[] parts = text.trim().split(" ");
        if (parts.length != expected) {
            throw new UnreadableInputException(fileName + ", tree at line " + line + ": " + key + " has " + parts.length
                    + " values, expected " + expected);
        }
        double[] values = new double[expected];
        for (int i = 0; i < expected; i++) {
            try {
                values[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new UnreadableInputException(fileName + ", tree at line " + line + ": " + key + " value '" + parts[i]
                        + "' is not a number");
            }
        }
        return values;
    }
}
