package org.modellens.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    private static final ObjectMapper JSON = new ObjectMapper();

    private XGBoostModelReader() {
    }

    /**
     * @param bytes    the file's content
     * @param fileName named in error messages
     * @param ubj      whether the bytes are UBJSON rather than JSON text
     */
    public static ModelFile read(byte[] bytes, String fileName, boolean ubj) throws UnreadableInputException {
        JsonNode root;
        try {
            root = ubj ? Ubjson.parse(bytes) : JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new UnreadableInputException(fileName + ": not a readable XGBoost JSON model ("
                    + InputFiles.jsonProblem(e) + ")");
        } catch (IOException e) {
            throw new UnreadableInputException(fileName + ": not a readable XGBoost UBJSON model (" + e.getMessage() + ")");
        }
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
        double baseScore = Double.parseDouble(required(params, "base_score").asText());

        TreeEnsemble.Link link;
        String task;
        double baseMargin;
        int groups = 1;
        switch (objective) {
            case "binary:logistic", "reg:logistic" -> {
                link = TreeEnsemble.Link.SIGMOID;
                task = "binary";
                baseMargin = Math.log(baseScore / (1 - baseScore));
            }
            case "binary:logitraw" -> {
                link = TreeEnsemble.Link.SIGMOID;
                task = "binary";
                baseMargin = baseScore;
            }
            case "reg:squarederror", "reg:linear", "reg:squaredlogerror", "reg:pseudohubererror", "reg:absoluteerror" -> {
                link = TreeEnsemble.Link.IDENTITY;
                task = "regression";
                baseMargin = baseScore;
            }
            case "count:poisson", "reg:gamma", "reg:tweedie" -> {
                link = TreeEnsemble.Link.EXP;
                task = "regression";
                baseMargin = Math.log(baseScore);
            }
            case "multi:softprob", "multi:softmax" -> {
                link = TreeEnsemble.Link.SOFTMAX;
                task = "multiclass";
                baseMargin = baseScore;
                groups = numClass;
                if (groups < 2) {
                    throw new UnreadableInputException(fileName + ": a " + objective + " model with num_class " + numClass);
                }
            }
            default -> throw new UnreadableInputException(fileName + ": the objective " + objective
                    + " is not supported (binary:logistic, reg:squarederror, multi:softprob and their kin are)");
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
        JsonNode featureTypes = learner.get("feature_types");
        if (featureTypes != null && featureTypes.isArray()) {
            for (int j = 0; j < featureTypes.size(); j++) {
                if ("c".equals(featureTypes.get(j).asText())) {
                    throw new UnreadableInputException(fileName + ": feature " + (names.isEmpty() ? j : names.get(j))
                            + " is categorical; XGBoost categorical splits are not supported");
                }
            }
        }

        JsonNode treeInfo = required(model, "tree_info");
        if (trees.size() != treeInfo.size()) {
            throw new UnreadableInputException(fileName + ": " + trees.size() + " trees but " + treeInfo.size()
                    + " entries in tree_info");
        }
        int total = 0;
        for (JsonNode tree : trees) {
            total += required(tree, "left_children").size();
        }
        int[] roots = new int[trees.size()];
        int[] treeGroup = new int[trees.size()];
        int[] left = new int[total];
        int[] right = new int[total];
        int[] feature = new int[total];
        double[] threshold = new double[total];
        boolean[] defaultLeft = new boolean[total];
        byte[] missing = new byte[total];
        double[] value = new double[total];
        double[] cover = new double[total];
        int offset = 0;
        for (int t = 0; t < trees.size(); t++) {
            JsonNode tree = trees.get(t);
            int group = intValue(treeInfo.get(t));
            if (group < 0 || group >= groups) {
                throw new UnreadableInputException(fileName + ": tree " + t + " belongs to output " + group + " of " + groups);
            }
            JsonNode lc = required(tree, "left_children");
            JsonNode rc = required(tree, "right_children");
            JsonNode si = required(tree, "split_indices");
            JsonNode sc = required(tree, "split_conditions");
            JsonNode dl = required(tree, "default_left");
            JsonNode sh = required(tree, "sum_hessian");
            JsonNode st = tree.get("split_type");
            int n = lc.size();
            if (n == 0 || rc.size() != n || si.size() != n || sc.size() != n || dl.size() != n || sh.size() != n) {
                throw new UnreadableInputException(fileName + ": tree " + t + " has node arrays of different lengths");
            }
            roots[t] = offset;
            treeGroup[t] = group;
            for (int i = 0; i < n; i++) {
                int g = offset + i;
                int l = intValue(lc.get(i));
                int r = intValue(rc.get(i));
                cover[g] = sh.get(i).asDouble();
                missing[g] = TreeEnsemble.MISSING_NAN;
                if (l < 0) {
                    left[g] = -1;
                    right[g] = -1;
                    feature[g] = -1;
                    value[g] = floatValue(sc.get(i));
                    continue;
                }
                if (l >= n || r < 0 || r >= n || l <= i || r <= i) {
                    throw new UnreadableInputException(fileName + ": tree " + t + " node " + i + " has children " + l + ", "
                            + r + " outside the tree");
                }
                if (st != null && st.size() == n && intValue(st.get(i)) != 0) {
                    throw new UnreadableInputException(fileName + ": tree " + t + " has a categorical split; not supported");
                }
                int f = intValue(si.get(i));
                if (f < 0 || f >= featureCount) {
                    throw new UnreadableInputException(fileName + ": tree " + t + " splits on feature " + f + " of "
                            + featureCount);
                }
                left[g] = offset + l;
                right[g] = offset + r;
                feature[g] = f;
                threshold[g] = floatValue(sc.get(i));
                JsonNode d = dl.get(i);
                defaultLeft[g] = d.isBoolean() ? d.asBoolean() : d.asInt() != 0;
            }
            offset += n;
        }
        if (names.isEmpty()) {
            for (int j = 0; j < featureCount; j++) {
                names.add("f" + j);
            }
        }
        List<String> classes = new ArrayList<>();
        if (!"regression".equals(task)) {
            for (int k = 0; k < Math.max(2, groups); k++) {
                classes.add(String.valueOf(k));
            }
        }
        double[] base = new double[groups];
        java.util.Arrays.fill(base, baseMargin);
        TreeEnsemble ensemble = new TreeEnsemble("xgboost", names, task, classes, TreeEnsemble.SplitRule.XGBOOST, link, 1.0,
                groups, base, roots, treeGroup, left, right, feature, threshold, defaultLeft, missing, value, cover);
        return new ModelFile(ensemble, featureNames != null && featureNames.size() > 0);
    }

    /** XGBoost keeps split values and leaf values as float32; JSON prints them so that they round-trip. */
    private static double floatValue(JsonNode node) {
        if (!node.isNumber()) {
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
