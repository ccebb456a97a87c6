package org.modellens.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.modellens.data.InputFiles;
import org.modellens.data.UnreadableInputException;

/**
 * Reads a LightGBM model saved as text ({@code Booster.save_model}, {@code model.txt}; LightGBM 2.x
 * to 4.x): a header of {@code key=value} lines, then one {@code Tree=i} block per tree with the node
 * arrays {@code split_feature, threshold, decision_type, left_child, right_child, leaf_value,
 * leaf_count, internal_count}. A child index {@code < 0} names leaf {@code ~index}. Numbers are
 * C's: {@code inf}, {@code -inf} and {@code nan} occur (a threshold of {@code inf} splits every
 * value from the missing ones).
 *
 * <p>{@code decision_type} bit 0 marks a categorical split, bit 1 the default-left direction, bits
 * 2-3 the missing type (0 none, 1 zero, 2 NaN), as in LightGBM's {@code tree.h}. A categorical
 * split's threshold indexes {@code cat_boundaries}, which delimit its bitset of category codes in
 * {@code cat_threshold} (32-bit words); a code in the set goes left, anything else right (a
 * missing, negative or non-integral-beyond-int value included). Node covers for TreeSHAP are the
 * training row counts, as LightGBM's own {@code pred_contrib} uses.
 *
 * <p>Linear trees ({@code linear_tree=true}; {@code is_linear=1}, {@code leaf_const},
 * {@code leaf_features}, {@code leaf_coeff}) are read as a {@link LinearTreeModel}: LightGBM
 * computes no SHAP values for them, and neither does a path-dependent TreeSHAP apply to a leaf that
 * is a linear function, so they get the model-agnostic explainer.
 *
 * <p>Random forests ({@code boosting=rf}, header line {@code average_output}) average their trees:
 * LightGBM divides the sum by the iterations in its prediction but not in its raw score or
 * {@code pred_contrib}; here every leaf weighs {@code 1 / iterations}, so the margin is the average
 * the prediction transforms and the contributions (LightGBM's divided by the iterations) add up to it.
 *
 * <p>Objectives and their output transforms (LightGBM's {@code ConvertOutput}): {@code binary}
 * sigmoid with its {@code sigmoid:} scale; {@code cross_entropy} sigmoid; {@code multiclass}
 * softmax; {@code multiclassova} a sigmoid per class; {@code poisson}, {@code gamma},
 * {@code tweedie} exp; {@code regression}, {@code regression_l1}, {@code huber}, {@code fair},
 * {@code quantile}, {@code mape} identity, or {@code sign(x) x²} when trained with
 * {@code reg_sqrt} ({@code objective=... sqrt}); {@code lambdarank}, {@code rank_xendcg} the raw
 * score.
 *
 * <p>Category codes: LightGBM sees a categorical column as integer codes. A model trained from a
 * pandas DataFrame stores the categories of its {@code category} columns on its last line,
 * {@code pandas_categorical:[["north", "south", ...], ...]}, one list per such column in column
 * order, and the code of a value is its position in that list (pandas {@code cat.codes}). The lists
 * are matched to the model's categorical features in order (LightGBM's {@code categorical_feature
 * ="auto"}) and offered through {@link Model#categoryLevels()}, so the data's text is coded as
 * LightGBM coded it. Without that line the data must hold the codes themselves.
 */
public final class LightGbmModelReader {

    private LightGbmModelReader() {
    }

    public static ModelFile read(String text, String fileName) throws UnreadableInputException {
        try {
            return parse(text, fileName);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new UnreadableInputException(fileName + ": a corrupt LightGBM model (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new UnreadableInputException(fileName + ": a corrupt LightGBM model (" + e.getMessage() + ")");
        }
    }

    /** The objective's output transform and task. */
    private record Objective(TreeEnsemble.Link link, String task, double scale, int groups) {
    }

    private static ModelFile parse(String text, String fileName) throws UnreadableInputException {
        String[] lines = text.split("\r?\n");
        Map<String, String> header = new HashMap<>();
        List<Map<String, String>> trees = new ArrayList<>();
        List<Integer> treeLines = new ArrayList<>();
        Map<String, String> current = header;
        boolean ended = false;
        String pandasCategorical = null;
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (ended) {
                if (line.startsWith("pandas_categorical:")) {
                    pandasCategorical = line.substring("pandas_categorical:".length()).trim();
                } else if (line.startsWith("[") && line.endsWith("]") && line.contains(": ")) {
                    int colon = line.indexOf(": ");
                    parameters.put(line.substring(1, colon), line.substring(colon + 2, line.length() - 1));
                }
                continue;
            }
            if (line.startsWith("Tree=")) {
                current = new HashMap<>();
                trees.add(current);
                treeLines.add(i + 1);
            } else if (line.startsWith("end of trees")) {
                ended = true;
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
        Objective objective = objective(required(header, "objective", fileName, 0).trim(), numClass, fileName);
        int groups = objective.groups();
        if (perIteration != groups) {
            throw new UnreadableInputException(fileName + ": num_tree_per_iteration " + perIteration + " for " + groups
                    + " outputs");
        }
        int featureCount = InputFiles.declaredCount(maxFeature + 1, ModelLimits.MAX_FEATURES, fileName, "max_feature_idx + 1");
        long total = 0;
        for (int t = 0; t < trees.size(); t++) {
            long declared = Long.parseLong(required(trees.get(t), "num_leaves", fileName, treeLines.get(t)).trim());
            if (declared < 1) {
                throw new UnreadableInputException(fileName + ", line " + treeLines.get(t) + ": num_leaves " + declared);
            }
            // Each leaf has a value of at least one character and a separator on the leaf_value line.
            String leafValues = trees.get(t).getOrDefault("leaf_value", "");
            int leaves = InputFiles.declaredCount(declared, (leafValues.length() + 1) / 2, fileName + ", line "
                    + treeLines.get(t), "num_leaves");
            trees.get(t).put("num_leaves", String.valueOf(leaves));
            total += 2L * leaves - 1;
        }
        // Bounded by the text's length (each tree's leaves by its own line), so the nodes fit an int.
        InputFiles.declaredCount(total, text.length(), fileName, "the total node count");
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
        List<String> classes = new ArrayList<>();
        if (!"regression".equals(objective.task())) {
            for (int k = 0; k < Math.max(2, groups); k++) {
                classes.add(String.valueOf(k));
            }
        }
        TreeEnsemble.Builder builder = new TreeEnsemble.Builder("lightgbm", names, objective.task(), classes,
                objective.link(), objective.scale(), groups, new double[groups]);
        Map<Integer, LinearTreeModel.Leaf> linearLeaves = new HashMap<>();
        boolean linear = false;
        // Random forests (boosting=rf, average_output) average their trees: each leaf weighs 1 / iterations.
        double leafScale = header.containsKey("average_output") ? (double) groups / trees.size() : 1.0;
        for (int t = 0; t < trees.size(); t++) {
            linear |= readTree(trees.get(t), treeLines.get(t), t, groups, featureCount, builder, linearLeaves, leafScale,
                    fileName);
        }
        TreeEnsemble ensemble;
        try {
            ensemble = builder.build();
        } catch (IllegalArgumentException e) {
            throw new UnreadableInputException(fileName + ": " + e.getMessage());
        }
        Map<Integer, List<String>> levels = pandasLevels(pandasCategorical, parameters, header, featureCount, fileName);
        // The inputs LightGBM reads as category codes: without pandas_categorical, their text gets codes from the
        // training data (TrainingCategories).
        java.util.SortedSet<Integer> categorical = new java.util.TreeSet<>(categoricalFeatures(parameters, header,
                featureCount));
        for (int node = 0; node < ensemble.nodeCount(); node++) {
            if (ensemble.decision(node) == TreeEnsemble.CATEGORY_IN_LEFT) {
                categorical.add(ensemble.splitFeature(node));
            }
        }
        ensemble = ensemble.withCategoricalInputs(categorical);
        Model model = linear ? new LinearTreeModel(ensemble, linearLeaves, levels) : ensemble.withCategoryLevels(levels);
        return new ModelFile(model, named);
    }

    private static Objective objective(String objective, int numClass, String fileName) throws UnreadableInputException {
        String[] parts = objective.split(" ");
        String name = parts[0];
        double sigmoid = 1.0;
        boolean sqrt = false;
        for (String part : parts) {
            if (part.startsWith("sigmoid:")) {
                sigmoid = Double.parseDouble(part.substring("sigmoid:".length()));
            } else if (part.equals("sqrt")) {
                sqrt = true;
            }
        }
        TreeEnsemble.Link regressionLink = sqrt ? TreeEnsemble.Link.SIGNED_SQUARE : TreeEnsemble.Link.IDENTITY;
        return switch (name) {
            case "binary" -> new Objective(TreeEnsemble.Link.SIGMOID, "binary", sigmoid, 1);
            case "cross_entropy", "xentropy" -> new Objective(TreeEnsemble.Link.SIGMOID, "binary", 1.0, 1);
            case "regression", "regression_l2", "l2", "mean_squared_error", "mse", "rmse", "regression_l1", "l1",
                    "mean_absolute_error", "mae", "huber", "fair", "quantile", "mape", "mean_absolute_percentage_error" ->
                    new Objective(regressionLink, "regression", 1.0, 1);
            case "poisson", "gamma", "tweedie" -> new Objective(TreeEnsemble.Link.EXP, "regression", 1.0, 1);
            case "lambdarank", "rank_xendcg", "xendcg", "xe_ndcg", "xe_ndcg_mart", "xendcg_mart" ->
                    new Objective(TreeEnsemble.Link.IDENTITY, "regression", 1.0, 1);
            case "multiclass", "softmax" -> new Objective(TreeEnsemble.Link.SOFTMAX, "multiclass", 1.0, numClass);
            case "multiclassova", "multiclass_ova", "ova", "ovr" ->
                    new Objective(TreeEnsemble.Link.SIGMOID, "multiclass", sigmoid, numClass);
            default -> throw new UnreadableInputException(fileName + ": the LightGBM objective '" + name
                    + "' is not supported (supported: binary, cross_entropy, multiclass, multiclassova, regression, "
                    + "regression_l1, huber, fair, quantile, mape, poisson, gamma, tweedie, lambdarank, rank_xendcg)");
        };
    }

    /** Adds one tree to the builder; returns whether it is linear. */
    private static boolean readTree(Map<String, String> tree, int line, int t, int groups, int featureCount,
                                    TreeEnsemble.Builder builder, Map<Integer, LinearTreeModel.Leaf> linearLeaves,
                                    double leafScale, String fileName) throws UnreadableInputException {
        int leaves = Integer.parseInt(required(tree, "num_leaves", fileName, line).trim());
        if (leaves < 1) {
            throw new UnreadableInputException(fileName + ", line " + line + ": num_leaves " + leaves);
        }
        int internal = leaves - 1;
        boolean linear = "1".equals(tree.getOrDefault("is_linear", "0").trim());
        double[] leafValue = numbers(required(tree, "leaf_value", fileName, line), leaves, "leaf_value", fileName, line);
        for (int k = 0; k < leaves && leafScale != 1.0; k++) {
            leafValue[k] *= leafScale;
        }
        int start = builder.tree(t % groups, 2 * leaves - 1);
        if (internal == 0) {
            builder.leaf(start, leafValue[0], 1);
        } else {
            double[] leafCount = numbers(required(tree, "leaf_count", fileName, line), leaves, "leaf_count", fileName, line);
            double[] splitFeature = numbers(required(tree, "split_feature", fileName, line), internal, "split_feature",
                    fileName, line);
            double[] thresholds = numbers(required(tree, "threshold", fileName, line), internal, "threshold", fileName, line);
            double[] decision = numbers(required(tree, "decision_type", fileName, line), internal, "decision_type", fileName,
                    line);
            double[] leftChild = numbers(required(tree, "left_child", fileName, line), internal, "left_child", fileName, line);
            double[] rightChild = numbers(required(tree, "right_child", fileName, line), internal, "right_child", fileName,
                    line);
            double[] internalCount = numbers(required(tree, "internal_count", fileName, line), internal, "internal_count",
                    fileName, line);
            int numCat = Integer.parseInt(tree.getOrDefault("num_cat", "0").trim());
            double[] boundaries = null;
            long[] words = null;
            if (numCat > 0) {
                boundaries = numbers(required(tree, "cat_boundaries", fileName, line), numCat + 1, "cat_boundaries", fileName,
                        line);
                String[] parts = required(tree, "cat_threshold", fileName, line).trim().split("\\s+");
                words = new long[parts.length];
                for (int k = 0; k < parts.length; k++) {
                    words[k] = Long.parseLong(parts[k]);
                }
            }
            // Internal node i at start + i, leaf k at start + internal + k.
            for (int i = 0; i < internal; i++) {
                int type = (int) decision[i];
                int f = (int) splitFeature[i];
                if (f < 0 || f >= featureCount) {
                    throw new UnreadableInputException(fileName + ", line " + line + ": tree " + t + " splits on feature " + f
                            + " of " + featureCount);
                }
                int l = child((int) leftChild[i], start, internal, leaves, i, fileName, line);
                int r = child((int) rightChild[i], start, internal, leaves, i, fileName, line);
                boolean defaultLeft = (type & 2) != 0;
                byte missing = (byte) ((type >> 2) & 3);
                if ((type & 1) != 0) {
                    int index = (int) thresholds[i];
                    if (boundaries == null || index < 0 || index >= numCat || thresholds[i] != index) {
                        throw new UnreadableInputException(fileName + ", line " + line + ": tree " + t + " node " + i
                                + " names category set " + thresholds[i] + " of " + numCat);
                    }
                    int from = (int) boundaries[index];
                    int to = (int) boundaries[index + 1];
                    if (from < 0 || to < from || to > words.length) {
                        throw new UnreadableInputException(fileName + ", line " + line + ": tree " + t
                                + " has cat_boundaries outside cat_threshold");
                    }
                    int[] set = new int[to - from];
                    for (int k = from; k < to; k++) {
                        set[k - from] = (int) words[k];
                    }
                    builder.categorical(start + i, TreeEnsemble.CATEGORY_IN_LEFT, f, set, defaultLeft, missing, l, r,
                            internalCount[i]);
                } else {
                    builder.split(start + i, TreeEnsemble.LIGHTGBM_LE, f, thresholds[i], defaultLeft, missing, l, r,
                            internalCount[i]);
                }
            }
            for (int k = 0; k < leaves; k++) {
                builder.leaf(start + internal + k, leafValue[k], leafCount[k]);
            }
        }
        if (linear) {
            readLinearLeaves(tree, line, start, internal, leaves, leafValue, featureCount, linearLeaves, fileName);
        }
        return linear;
    }

    private static void readLinearLeaves(Map<String, String> tree, int line, int start, int internal, int leaves,
                                         double[] leafValue, int featureCount, Map<Integer, LinearTreeModel.Leaf> out,
                                         String fileName) throws UnreadableInputException {
        double[] constant = numbers(required(tree, "leaf_const", fileName, line), leaves, "leaf_const", fileName, line);
        double[] counts = numbers(required(tree, "num_features", fileName, line), leaves, "num_features", fileName, line);
        long total = 0;
        for (double c : counts) {
            if (c < 0 || c > featureCount) {
                throw new UnreadableInputException(fileName + ", tree at line " + line + ": a linear leaf of " + c
                        + " features in a model of " + featureCount);
            }
            total += (long) c;
        }
        String featureText = tree.getOrDefault("leaf_features", "").trim();
        String coefficientText = tree.getOrDefault("leaf_coeff", "").trim();
        int count = InputFiles.declaredCount(total, featureText.length(), fileName, "the linear leaves' feature count");
        double[] features = count == 0 ? new double[0] : numbers(featureText.replaceAll("\\s+", " "), count, "leaf_features",
                fileName, line);
        double[] coefficients = count == 0 ? new double[0] : numbers(coefficientText.replaceAll("\\s+", " "), count,
                "leaf_coeff", fileName, line);
        int at = 0;
        for (int k = 0; k < leaves; k++) {
            int m = (int) counts[k];
            int[] leafFeatures = new int[m];
            double[] leafCoefficients = new double[m];
            for (int i = 0; i < m; i++) {
                leafFeatures[i] = (int) features[at + i];
                leafCoefficients[i] = coefficients[at + i];
                if (leafFeatures[i] < 0 || leafFeatures[i] >= featureCount) {
                    throw new UnreadableInputException(fileName + ", tree at line " + line + ": a linear leaf uses feature "
                            + leafFeatures[i] + " of " + featureCount);
                }
            }
            at += m;
            int node = internal == 0 ? start : start + internal + k;
            out.put(node, new LinearTreeModel.Leaf(constant[k], leafFeatures, leafCoefficients, leafValue[k]));
        }
    }

    /**
     * The categories of pandas {@code category} columns by model input, from the model's
     * {@code pandas_categorical} line, matched in order to the categorical features (the
     * {@code categorical_feature} parameter, else the features whose {@code feature_infos} lists
     * codes rather than a {@code [min:max]} range).
     */
    private static Map<Integer, List<String>> pandasLevels(String json, Map<String, String> parameters,
                                                           Map<String, String> header, int featureCount, String fileName)
            throws UnreadableInputException {
        if (json == null || json.isEmpty() || json.equals("null")) {
            return Map.of();
        }
        JsonNode lists;
        try {
            lists = new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new UnreadableInputException(fileName + ": the pandas_categorical line is not JSON (" + e.getMessage() + ")");
        }
        if (lists == null || !lists.isArray()) {
            throw new UnreadableInputException(fileName + ": the pandas_categorical line is not a list of category lists");
        }
        List<Integer> categorical = categoricalFeatures(parameters, header, featureCount);
        if (categorical.size() != lists.size()) {
            throw new UnreadableInputException(fileName + ": pandas_categorical lists " + lists.size()
                    + " category columns but the model has " + categorical.size() + " categorical features "
                    + categorical + "; ModelLens matches them in order and cannot tell which column each list belongs to");
        }
        Map<Integer, List<String>> levels = new TreeMap<>();
        for (int k = 0; k < lists.size(); k++) {
            List<String> labels = new ArrayList<>();
            for (JsonNode label : lists.get(k)) {
                labels.add(label.isTextual() ? label.asText() : label.toString());
            }
            int feature = categorical.get(k);
            if (feature < 0 || feature >= featureCount) {
                throw new UnreadableInputException(fileName + ": categorical feature " + feature + " of " + featureCount);
            }
            levels.put(feature, List.copyOf(labels));
        }
        return levels;
    }

    /**
     * The categorical features, ascending: the {@code categorical_feature} parameter, else the features
     * whose {@code feature_infos} lists codes rather than a {@code [min:max]} range.
     */
    private static List<Integer> categoricalFeatures(Map<String, String> parameters, Map<String, String> header,
                                                     int featureCount) {
        java.util.TreeSet<Integer> categorical = new java.util.TreeSet<>();
        String given = parameters.getOrDefault("categorical_feature", "").trim();
        if (!given.isEmpty() && given.matches("[0-9, ]+")) { // indices; a "name:..." list is read from feature_infos
            for (String part : given.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int j = Integer.parseInt(part.trim());
                if (j >= 0 && j < featureCount) {
                    categorical.add(j);
                }
            }
        } else {
            String[] infos = header.getOrDefault("feature_infos", "").trim().split(" ");
            for (int j = 0; j < infos.length && j < featureCount; j++) {
                if (!infos[j].startsWith("[") && !infos[j].equals("none") && !infos[j].isEmpty()) {
                    categorical.add(j);
                }
            }
        }
        return new ArrayList<>(categorical);
    }

    private static int child(int index, int start, int internal, int leaves, int node, String fileName, int line)
            throws UnreadableInputException {
        if (index >= 0) {
            if (index >= internal || index <= node) {
                throw new UnreadableInputException(fileName + ", line " + line + ": node " + node + " has child " + index
                        + " outside the tree");
            }
            return start + index;
        }
        int leaf = ~index;
        if (leaf >= leaves) {
            throw new UnreadableInputException(fileName + ", line " + line + ": node " + node + " points to leaf " + leaf
                    + " of " + leaves);
        }
        return start + internal + leaf;
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
            values[i] = number(parts[i], key, fileName, line);
        }
        return values;
    }

    /** A number as C++ prints it: {@code inf}, {@code -inf} and {@code nan} included. */
    private static double number(String text, String key, String fileName, int line) throws UnreadableInputException {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan", "-nan", "+nan":
                return Double.NaN;
            default:
                break;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UnreadableInputException(fileName + ", tree at line " + line + ": " + key + " value '" + text
                    + "' is not a number");
        }
    }
}
