package org.modellens.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.modellens.data.InputFiles;
import org.modellens.data.UnreadableInputException;

/**
 * Reads an XGBoost model saved with {@code save_model} as JSON ({@code .json}) or Universal Binary
 * JSON ({@code .ubj}): a gbtree booster with the objectives binary:logistic, binary:logitraw,
 * reg:logistic, reg:squarederror (and the other identity-link regressions), count:poisson, reg:gamma,
 * reg:tweedie, multi:softprob and multi:softmax. Both are declarative formats; nothing is executed.
 *
 * <p>Leaf values are read from {@code split_conditions} (where XGBoost keeps them for leaves), node
 * covers from {@code sum_hessian}. {@code base_score} is stored in output space and is turned into a
 * margin through the objective's inverse link, as XGBoost does.
 */
public final class XGBoostModelReader {

    // XGBoost 1.7 and 2.1 write NaN tokens (e.g. a categorical split's condition): JSON as they write it.
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private XGBoostModelReader() {
    }

    /**
     * @param bytes    the file's content
     * @param fileName named in error messages
     * @param ubj      whether the bytes are UBJSON rather than JSON text
     */
    public static ModelFile read(byte[] bytes, String fileName, boolean ubj) throws UnreadableInputException {
        JsonNode root;
        if (ubj) {
            try {
                root = Ubjson.parse(bytes);
            } catch (IOException e) {
                throw new UnreadableInputException(fileName + ": an XGBoost UBJSON model that is damaged or truncated ("
                        + e.getMessage() + ")");
            }
        } else {
            root = parseJson(bytes, fileName);
        }
        return read(root, fileName);
    }

    /** Parses JSON text as XGBoost writes it (NaN tokens allowed). */
    static JsonNode parseJson(byte[] bytes, String fileName) throws UnreadableInputException {
        try {
            return JSON.readTree(bytes);
        } catch (JacksonException e) {
            // XGBoost writes the learner first: a damaged XGBoost file still says what it is in its first bytes.
            String head = new String(bytes, 0, Math.min(bytes.length, 200), java.nio.charset.StandardCharsets.UTF_8);
            String what = head.contains("\"learner\"") ? "not a readable XGBoost JSON model: damaged or truncated"
                    : head.contains("\"oblivious_trees\"") || head.contains("\"model_info\"")
                    ? "not a readable CatBoost JSON model: damaged or truncated"
                    : "JSON that is damaged or truncated, so not a readable model";
            throw new UnreadableInputException(fileName + ": " + what + " (" + InputFiles.jsonProblem(e) + ")");
        } catch (IOException e) {
            throw new UnreadableInputException(fileName + ": cannot read the JSON model (" + e.getMessage() + ")");
        }
    }

    /** Reads a parsed XGBoost model (from JSON or UBJSON). */
    public static ModelFile read(JsonNode root, String fileName) throws UnreadableInputException {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new UnreadableInputException(fileName + ": empty or not an XGBoost model");
        }
        try {
            return build(root, fileName);
        } catch (IllegalArgumentException e) {
            throw new UnreadableInputException(fileName + ": " + e.getMessage());
        }
    }

    private static ModelFile build(JsonNode root, String fileName) throws UnreadableInputException {
        JsonNode learner = required(root, "learner");
        JsonNode booster = required(learner, "gradient_booster");
        String boosterName = required(booster, "name").asText();
        if (!"gbtree".equals(boosterName)) {
            throw new UnreadableInputException(fileName + ": the " + boosterName
                    + " booster is not supported (only gbtree tree ensembles are)");
        }
        JsonNode model = required(booster, "model");
        JsonNode params = required(learner, "learner_model_param");
        String objective = required(required(learner, "objective"), "name").asText();
        JsonNode trees = required(model, "trees");
        int featureCount = InputFiles.declaredCount(longValue(required(params, "num_feature")), ModelLimits.MAX_FEATURES,
                fileName, "num_feature");
        // XGBoost grows one tree per class and round: a class count beyond the trees is no real model.
        int numClass = params.has("num_class") ? InputFiles.declaredCount(longValue(params.get("num_class")),
                Math.max(2, trees.size()), fileName, "num_class") : 0;
        int numTarget = params.has("num_target") ? (int) Math.min(Integer.MAX_VALUE, longValue(params.get("num_target"))) : 1;
        double[] baseScores = baseScores(required(params, "base_score"));

        TreeEnsemble.Link link;
        String task;
        Inverse inverse;
        int groups = 1;
        switch (objective) {
            case "binary:logistic", "reg:logistic" -> {
                link = TreeEnsemble.Link.SIGMOID;
                task = "binary";
                inverse = p -> Math.log(p / (1 - p));
            }
            case "binary:logitraw" -> {
                link = TreeEnsemble.Link.SIGMOID;
                task = "binary";
                inverse = p -> p;
            }
            case "reg:squarederror", "reg:linear", "reg:squaredlogerror", "reg:pseudohubererror", "reg:absoluteerror" -> {
                link = TreeEnsemble.Link.IDENTITY;
                task = "regression";
                inverse = p -> p;
            }
            // Ranking scores are margins: XGBoost's predict returns them untransformed.
            case "rank:pairwise", "rank:ndcg", "rank:map" -> {
                link = TreeEnsemble.Link.IDENTITY;
                task = "regression";
                inverse = p -> p;
            }
            case "count:poisson", "reg:gamma", "reg:tweedie" -> {
                link = TreeEnsemble.Link.EXP;
                task = "regression";
                inverse = Math::log;
            }
            case "multi:softprob", "multi:softmax" -> {
                link = TreeEnsemble.Link.SOFTMAX;
                task = "multiclass";
                inverse = p -> p; // softmax has no ProbToMargin: the stored intercepts are margins
                groups = numClass;
                if (groups < 2) {
                    throw new UnreadableInputException(fileName + ": a " + objective + " model with num_class " + numClass);
                }
            }
            default -> throw new UnreadableInputException(fileName + ": the objective " + objective
                    + " is not supported (binary:logistic, binary:logitraw, reg:logistic, reg:squarederror, count:poisson, "
                    + "reg:gamma, reg:tweedie, rank:*, multi:softprob and multi:softmax are)");
        }
        if (numTarget > 1) {
            throw new UnreadableInputException(fileName + ": a model of " + numTarget + " targets (num_target); ModelLens "
                    + "diagnoses models with one target (one output, or one per class)");
        }
        if (baseScores.length != 1 && baseScores.length != groups) {
            throw new UnreadableInputException(fileName + ": base_score holds " + baseScores.length + " values for "
                    + groups + " outputs");
        }
        double[] base = new double[groups];
        for (int g = 0; g < groups; g++) {
            // XGBoost turns the stored intercept into a margin in float32 arithmetic.
            base[g] = (float) inverse.margin((float) baseScores[baseScores.length == 1 ? 0 : g]);
        }

        List<String> names = new ArrayList<>();
        JsonNode featureNames = learner.get("feature_names");
        if (featureNames != null && featureNames.isArray() && featureNames.size() > 0) {
            if (featureNames.size() != featureCount) {
                throw new UnreadableInputException(fileName + ": names " + featureNames.size() + " features but num_feature is "
                        + featureCount);
            }
            featureNames.forEach(n -> names.add(n.asText()));
        }
        if (names.isEmpty()) {
            for (int j = 0; j < featureCount; j++) {
                names.add("f" + j);
            }
        }
        boolean[] categorical = new boolean[featureCount];
        JsonNode featureTypes = learner.get("feature_types");
        if (featureTypes != null && featureTypes.isArray() && featureTypes.size() > 0) {
            if (featureTypes.size() != featureCount) {
                throw new UnreadableInputException(fileName + ": feature_types lists " + featureTypes.size()
                        + " types but num_feature is " + featureCount);
            }
            for (int j = 0; j < featureCount; j++) {
                categorical[j] = "c".equals(featureTypes.get(j).asText());
            }
        }

        JsonNode treeInfo = required(model, "tree_info");
        if (trees.size() != treeInfo.size()) {
            throw new UnreadableInputException(fileName + ": " + trees.size() + " trees but " + treeInfo.size()
                    + " entries in tree_info");
        }
        List<String> classes = new ArrayList<>();
        if (!"regression".equals(task)) {
            for (int k = 0; k < Math.max(2, groups); k++) {
                classes.add(String.valueOf(k));
            }
        }
        TreeEnsemble.Builder builder = new TreeEnsemble.Builder("xgboost", names, task, classes, link, 1.0, groups, base);
        for (int t = 0; t < trees.size(); t++) {
            JsonNode tree = trees.get(t);
            int leafVector = leafVectorSize(tree);
            if (leafVector > 1) {
                if (leafVector != groups) {
                    throw new UnreadableInputException(fileName + ": tree " + t + " has leaves of " + leafVector
                            + " values in a model of " + groups + " outputs");
                }
                readVectorTree(builder, tree, t, featureCount, categorical, fileName);
            } else {
                int group = intValue(treeInfo.get(t));
                if (group < 0 || group >= groups) {
                    throw new UnreadableInputException(fileName + ": tree " + t + " belongs to output " + group + " of " + groups);
                }
                readScalarTree(builder, tree, t, group, featureCount, categorical, fileName);
            }
        }
        TreeEnsemble ensemble = builder.build();
        List<Integer> categoricalInputs = new ArrayList<>();
        for (int j = 0; j < featureCount; j++) {
            if (categorical[j]) {
                categoricalInputs.add(j);
            }
        }
        ensemble = ensemble.withCategoricalInputs(categoricalInputs)
                .withCategoryLevels(storedCategories(model, names, categorical, fileName));
        return new ModelFile(ensemble, featureNames != null && featureNames.size() > 0);
    }

    /** From the stored intercept (output space) to a margin, as the objective's ProbToMargin does. */
    private interface Inverse {
        double margin(double stored);
    }

    /**
     * base_score as written: a number, a string "5E-1" (1.x and 2.x), or a bracketed list
     * "[4.5166665E-1]" / "[a,b,c]" (3.x, one intercept per class or target).
     */
    static double[] baseScores(JsonNode node) {
        if (node.isNumber()) {
            return new double[] {node.asDouble()};
        }
        if (node.isArray()) {
            double[] values = new double[node.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = node.get(i).asDouble();
            }
            return values;
        }
        String text = node.asText().trim();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1).trim();
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("base_score is empty");
        }
        String[] parts = text.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("base_score '" + node.asText() + "' is not a number or a list of numbers");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("base_score '" + node.asText() + "' is not finite");
            }
        }
        return values;
    }

    private static int leafVectorSize(JsonNode tree) {
        JsonNode param = tree.get("tree_param");
        if (param == null || !param.has("size_leaf_vector")) {
            return 1;
        }
        long size = longValue(param.get("size_leaf_vector"));
        // 0 in files of 1.x (scalar leaves), 1 in later ones.
        return size <= 1 ? 1 : (int) Math.min(size, Integer.MAX_VALUE);
    }

    private static void readScalarTree(TreeEnsemble.Builder builder, JsonNode tree, int t, int group, int featureCount,
                                       boolean[] categorical, String fileName) throws UnreadableInputException {
        JsonNode lc = required(tree, "left_children");
        JsonNode rc = required(tree, "right_children");
        JsonNode si = required(tree, "split_indices");
        JsonNode sc = required(tree, "split_conditions");
        JsonNode dl = required(tree, "default_left");
        JsonNode sh = required(tree, "sum_hessian");
        int n = lc.size();
        if (n == 0 || rc.size() != n || si.size() != n || sc.size() != n || dl.size() != n || sh.size() != n) {
            throw new UnreadableInputException(fileName + ": tree " + t + " has node arrays of different lengths");
        }
        int[][] sets = categorySets(tree, t, n, fileName);
        int start = builder.tree(group, n);
        for (int i = 0; i < n; i++) {
            int l = intValue(lc.get(i));
            int r = intValue(rc.get(i));
            double cover = sh.get(i).asDouble();
            if (l < 0) {
                builder.leaf(start + i, floatValue(sc.get(i)), cover);
                continue;
            }
            int f = splitFeature(si.get(i), l, r, i, n, t, featureCount, fileName);
            split(builder, start, i, f, sets[i], categorical, sc.get(i), bool(dl.get(i)), l, r, cover, t, fileName);
        }
    }

    /** Node i of a tree starting at start: a category set goes right (XGBoost's Decision), else x < condition goes left. */
    private static void split(TreeEnsemble.Builder builder, int start, int i, int f, int[] set, boolean[] categorical,
                              JsonNode condition, boolean defaultLeft, int l, int r, double cover, int t, String fileName)
            throws UnreadableInputException {
        if (set != null) {
            builder.categorical(start + i, TreeEnsemble.XGBOOST_CATEGORY, f, TreeEnsemble.Bitsets.of(set), defaultLeft,
                    TreeEnsemble.MISSING_NAN, start + l, start + r, cover);
            return;
        }
        // A numeric split on a categorical input compares the code as a number: multi-output trees of
        // XGBoost 2.x and 3.0 are grown that way, and XGBoost predicts them so.
        builder.split(start + i, TreeEnsemble.XGBOOST_LT, f, floatValue(condition), defaultLeft, TreeEnsemble.MISSING_NAN,
                start + l, start + r, cover);
    }

    /**
     * A multi-output tree (multi_strategy multi_output_tree, XGBoost 2.0+): leaves hold one value per
     * output. Before 3.2 the leaf values sit in base_weights (K per node) and no sum_hessian is
     * written; from 3.2 they sit in leaf_weights (K per leaf, in the order of the leaves' right_children
     * entries) beside sum_hessian.
     */
    private static void readVectorTree(TreeEnsemble.Builder builder, JsonNode tree, int t, int featureCount,
                                          boolean[] categorical, String fileName) throws UnreadableInputException {
        int k = builder.groups();
        JsonNode lc = required(tree, "left_children");
        JsonNode rc = required(tree, "right_children");
        JsonNode si = required(tree, "split_indices");
        JsonNode sc = required(tree, "split_conditions");
        JsonNode dl = required(tree, "default_left");
        JsonNode bw = required(tree, "base_weights");
        JsonNode lw = tree.get("leaf_weights");
        JsonNode sh = tree.get("sum_hessian");
        int n = lc.size();
        if (n == 0 || rc.size() != n || si.size() != n || sc.size() != n || dl.size() != n
                || (sh != null && sh.size() != n)) {
            throw new UnreadableInputException(fileName + ": tree " + t + " has node arrays of different lengths");
        }
        if (lw == null && bw.size() != (long) n * k) {
            throw new UnreadableInputException(fileName + ": tree " + t + " has " + bw.size() + " base_weights for " + n
                    + " nodes of " + k + " outputs");
        }
        int[][] sets = categorySets(tree, t, n, fileName);
        int start = builder.tree(TreeEnsemble.ALL_GROUPS, n);
        double[] values = new double[k];
        for (int i = 0; i < n; i++) {
            int l = intValue(lc.get(i));
            int r = intValue(rc.get(i));
            double cover = sh == null ? Double.NaN : sh.get(i).asDouble();
            if (l < 0) {
                int from;
                JsonNode weights;
                if (lw != null) {
                    from = r * k; // a leaf's right_children entry is its index among the leaves
                    weights = lw;
                } else {
                    from = i * k;
                    weights = bw;
                }
                if (from < 0 || from + k > weights.size()) {
                    throw new UnreadableInputException(fileName + ": tree " + t + " leaf " + i + " has no weights");
                }
                for (int g = 0; g < k; g++) {
                    values[g] = floatValue(weights.get(from + g));
                }
                builder.vectorLeaf(start + i, values, cover);
                continue;
            }
            int f = splitFeature(si.get(i), l, r, i, n, t, featureCount, fileName);
            split(builder, start, i, f, sets[i], categorical, sc.get(i), bool(dl.get(i)), l, r, cover, t, fileName);
        }
    }

    private static int splitFeature(JsonNode index, int l, int r, int i, int n, int t, int featureCount, String fileName)
            throws UnreadableInputException {
        if (l >= n || r < 0 || r >= n || l <= i || r <= i) {
            throw new UnreadableInputException(fileName + ": tree " + t + " node " + i + " has children " + l + ", " + r
                    + " outside the tree");
        }
        int f = intValue(index);
        if (f < 0 || f >= featureCount) {
            throw new UnreadableInputException(fileName + ": tree " + t + " splits on feature " + f + " of " + featureCount);
        }
        return f;
    }

    private static boolean bool(JsonNode d) {
        return d.isBoolean() ? d.asBoolean() : d.asInt() != 0;
    }

    /**
     * The category set of each categorical node (split_type 1), null for the others: categories_nodes
     * lists the nodes, categories_segments and categories_sizes where each node's codes lie in
     * categories. A row whose code is in the set goes right.
     */
    private static int[][] categorySets(JsonNode tree, int t, int n, String fileName) throws UnreadableInputException {
        int[][] sets = new int[n][];
        JsonNode st = tree.get("split_type");
        boolean any = false;
        if (st != null && st.size() == n) {
            for (int i = 0; i < n; i++) {
                any |= intValue(st.get(i)) != 0;
            }
        }
        if (!any) {
            return sets;
        }
        JsonNode nodes = required(tree, "categories_nodes");
        JsonNode segments = required(tree, "categories_segments");
        JsonNode sizes = required(tree, "categories_sizes");
        JsonNode categories = required(tree, "categories");
        if (segments.size() != nodes.size() || sizes.size() != nodes.size()) {
            throw new UnreadableInputException(fileName + ": tree " + t + " lists " + nodes.size()
                    + " categorical nodes but " + segments.size() + " segments and " + sizes.size() + " sizes");
        }
        for (int c = 0; c < nodes.size(); c++) {
            int node = intValue(nodes.get(c));
            long from = longValue(segments.get(c));
            long size = longValue(sizes.get(c));
            if (node < 0 || node >= n || from < 0 || size < 0 || from + size > categories.size()) {
                throw new UnreadableInputException(fileName + ": tree " + t + " has a category segment outside its list");
            }
            int[] codes = new int[(int) size];
            for (int k = 0; k < size; k++) {
                codes[k] = intValue(categories.get((int) (from + k)));
                if (codes[k] < 0) {
                    throw new UnreadableInputException(fileName + ": tree " + t + " has the negative category " + codes[k]);
                }
            }
            sets[node] = codes;
        }
        for (int i = 0; i < n; i++) {
            if (intValue(st.get(i)) != 0 && sets[i] == null && intValue(required(tree, "left_children").get(i)) >= 0) {
                throw new UnreadableInputException(fileName + ": tree " + t + " node " + i
                        + " is a categorical split without categories");
            }
        }
        return sets;
    }

    /**
     * Category names stored in the model (XGBoost 3.1+, trained on a DataFrame): per categorical
     * feature, the category of each code in code order. Empty when the model stores none (older
     * versions, or data given as codes): then the codes are the data's own.
     */
    private static java.util.Map<Integer, List<String>> storedCategories(JsonNode model, List<String> names,
                                                                         boolean[] categorical, String fileName)
            throws UnreadableInputException {
        JsonNode cats = model.get("cats");
        java.util.Map<Integer, List<String>> stored = new java.util.LinkedHashMap<>();
        if (cats == null || !cats.has("enc") || !cats.get("enc").isArray() || cats.get("enc").size() == 0) {
            return stored;
        }
        JsonNode enc = cats.get("enc");
        List<Integer> catFeatures = new ArrayList<>();
        for (int j = 0; j < categorical.length; j++) {
            if (categorical[j]) {
                catFeatures.add(j);
            }
        }
        // One entry per feature (numeric ones empty), or one per categorical feature.
        boolean perFeature = enc.size() == names.size();
        if (!perFeature && enc.size() != catFeatures.size()) {
            throw new UnreadableInputException(fileName + ": stores categories of " + enc.size() + " features, but has "
                    + catFeatures.size() + " categorical features of " + names.size());
        }
        for (int e = 0; e < enc.size(); e++) {
            int j = perFeature ? e : catFeatures.get(e);
            if (!categorical[j]) {
                continue;
            }
            JsonNode column = enc.get(e);
            List<String> labels = new ArrayList<>();
            JsonNode values = column.get("values");
            if (column.has("offsets")) {
                JsonNode offsets = column.get("offsets");
                byte[] bytes = new byte[values == null ? 0 : values.size()];
                for (int b = 0; b < bytes.length; b++) {
                    bytes[b] = (byte) values.get(b).asInt();
                }
                for (int c = 0; c + 1 < offsets.size(); c++) {
                    int from = offsets.get(c).asInt();
                    int to = offsets.get(c + 1).asInt();
                    if (from < 0 || to < from || to > bytes.length) {
                        throw new UnreadableInputException(fileName + ": the stored categories of feature " + names.get(j)
                                + " are damaged");
                    }
                    labels.add(new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
                }
            } else if (values != null) {
                for (JsonNode v : values) {
                    labels.add(v.isIntegralNumber() ? String.valueOf(v.asLong()) : v.asText());
                }
            }
            if (!labels.isEmpty()) {
                stored.put(j, List.copyOf(labels));
            }
        }
        return stored;
    }

    /** XGBoost keeps split values and leaf values as float32; JSON prints them so that they round-trip. */
    private static double floatValue(JsonNode node) {
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException("a node value is not a number: " + node);
        }
        return (float) node.asDouble();
    }

    /** A count as the file declares it, unbounded (checked by the caller before use). */
    private static long longValue(JsonNode node) {
        if (node == null) {
            throw new IllegalArgumentException("a required number is missing");
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + node.asText() + "' is not a whole number");
            }
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        double value = node.asDouble();
        if (!node.isNumber() || value != Math.rint(value)) {
            throw new IllegalArgumentException(node + " is not a whole number");
        }
        return (long) value;
    }

    private static int intValue(JsonNode node) {
        if (node == null) {
            throw new IllegalArgumentException("a required number is missing");
        }
        if (node.isTextual()) {
            try {
                return Integer.parseInt(node.asText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + node.asText() + "' is not a whole number");
            }
        }
        if (!node.isNumber()) {
            throw new IllegalArgumentException(node + " is not a number");
        }
        return node.asInt();
    }

    private static JsonNode required(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("the field '" + field + "' is missing (not an XGBoost model saved with save_model, "
                    + "or a truncated one)");
        }
        return node;
    }
}
