package org.modellens.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.modellens.data.InputFiles;
import org.modellens.data.UnreadableInputException;

/**
 * Reads a CatBoost model saved as JSON ({@code model.save_model("model.json", format="json")}), in
 * the schema of CatBoost's {@code json_model_helpers.cpp}: {@code oblivious_trees}, each with
 * {@code splits} (the split of depth {@code d} sets bit {@code d} of the leaf index when it holds),
 * {@code leaf_values} ({@code 2^depth} leaves times the output dimension, leaf-major) and
 * {@code leaf_weights}; {@code features_info} with the float features (borders,
 * {@code nan_value_treatment}) and the categorical ones; {@code scale_and_bias}. The raw output is
 * {@code scale x sum(leaf values) + bias}, as CatBoost's formula value.
 *
 * <p>Splits: a float split holds when {@code x > border}, compared in float32; a missing value is
 * {@code +inf} under {@code AsTrue} (nan_mode Max) and fails every split otherwise (Min, or a
 * feature that had no missing values). A one-hot split holds when the category equals the split's
 * value; CatBoost compares hashes of the text, and the file lists each one-hot feature's hashes
 * ({@code values}) beside their texts ({@code string_values}), so the data's text is coded as the
 * position in that list ({@link Model#categoryLevels()}); a category the model never saw, or a
 * missing one, holds no split, as in CatBoost.
 *
 * <p>Each oblivious tree becomes an ordinary binary tree (one per output for multiclass models), so
 * TreeSHAP is exact; the covers are the leaf weights (documents in each leaf during training). A
 * leaf no training document reached has weight 0; it gets a pseudo-weight of
 * {@value TreeCovers#EMPTY_LEAF} so that TreeSHAP's ratios stay defined.
 *
 * <p>Not read, each refused with a message saying so: CTR features (counters and target statistics
 * over categorical values and their combinations: {@code ctrs}/{@code ctr_data}, CatBoost's default
 * for categorical features with more than {@code one_hot_max_size} values), non-symmetric trees
 * ({@code grow_policy} Depthwise or Lossguide, saved under {@code trees}), text and embedding
 * features, and losses with several regression outputs.
 */
public final class CatBoostModelReader {

    private CatBoostModelReader() {
    }

    /** A loss function's link and task. */
    private record Loss(TreeEnsemble.Link link, String task) {
    }

    public static ModelFile read(JsonNode root, String fileName) throws UnreadableInputException {
        try {
            return parse(root, fileName);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new UnreadableInputException(fileName + ": a damaged CatBoost model (" + e.getMessage() + ")");
        }
    }

    private static ModelFile parse(JsonNode root, String fileName) throws UnreadableInputException {
        if (root.has("trees") && !root.has("oblivious_trees")) {
            throw new UnreadableInputException(fileName + ": a CatBoost model with non-symmetric trees (grow_policy "
                    + "Depthwise or Lossguide); ModelLens reads CatBoost's default symmetric (oblivious) trees only");
        }
        JsonNode trees = root.path("oblivious_trees");
        JsonNode info = root.path("features_info");
        if (!trees.isArray() || trees.isEmpty()) {
            throw new UnreadableInputException(fileName + ": the CatBoost model has no oblivious_trees");
        }
        if (info.has("ctrs") && !info.path("ctrs").isEmpty() || root.has("ctr_data") && !root.path("ctr_data").isEmpty()) {
            throw new UnreadableInputException(fileName + ": the CatBoost model uses CTR features (target statistics over "
                    + "categorical values), which ModelLens does not read; it reads float features and one-hot categorical "
                    + "features. Retrain with one_hot_max_size at least the number of categories of each categorical feature");
        }
        if (info.has("text_features") || info.has("embedding_features")) {
            throw new UnreadableInputException(fileName + ": the CatBoost model has text or embedding features, which "
                    + "ModelLens does not read");
        }

        // Flat feature order: float and categorical features interleaved as in the training data.
        TreeMap<Integer, String> names = new TreeMap<>();
        List<JsonNode> floats = list(info.path("float_features"));
        List<JsonNode> cats = list(info.path("categorical_features"));
        Map<Integer, Integer> floatFlat = new HashMap<>();
        Map<Integer, Integer> catFlat = new HashMap<>();
        Map<Integer, String> nanTreatment = new HashMap<>();
        boolean named = true;
        for (JsonNode f : floats) {
            int index = f.path("feature_index").asInt(-1);
            int flat = f.path("flat_feature_index").asInt(-1);
            floatFlat.put(index, flat);
            nanTreatment.put(index, f.path("nan_value_treatment").asText("AsIs"));
            named &= put(names, flat, f, fileName);
        }
        Map<Integer, Map<Long, Integer>> oneHotCodes = new HashMap<>();
        Map<Integer, List<String>> levels = new TreeMap<>();
        for (JsonNode c : cats) {
            int index = c.path("feature_index").asInt(-1);
            int flat = c.path("flat_feature_index").asInt(-1);
            catFlat.put(index, flat);
            named &= put(names, flat, c, fileName);
            JsonNode values = c.path("values");
            JsonNode strings = c.path("string_values");
            if (values.isArray() && !values.isEmpty()) {
                if (!strings.isArray() || strings.size() != values.size()) {
                    throw new UnreadableInputException(fileName + ": the categorical feature '" + names.get(flat)
                            + "' lists one-hot hashes without their texts (string_values); ModelLens cannot map the "
                            + "data's categories to CatBoost's hashes");
                }
                Map<Long, Integer> codes = new HashMap<>();
                List<String> labels = new ArrayList<>();
                for (int k = 0; k < values.size(); k++) {
                    codes.putIfAbsent(values.get(k).asLong(), k);
                    labels.add(strings.get(k).asText());
                }
                oneHotCodes.put(index, codes);
                levels.put(flat, List.copyOf(labels));
            }
        }
        int featureCount = names.isEmpty() ? 0 : InputFiles.declaredCount(names.lastKey() + 1L, ModelLimits.MAX_FEATURES,
                fileName, "the largest flat_feature_index + 1");
        List<String> features = new ArrayList<>();
        for (int j = 0; j < featureCount; j++) {
            String name = names.get(j);
            if (name == null) {
                named = false;
                name = "f" + j;
            }
            features.add(name);
        }

        JsonNode scaleAndBias = root.path("scale_and_bias");
        double scale = scaleAndBias.isArray() && scaleAndBias.size() > 0 ? scaleAndBias.get(0).asDouble(1.0) : 1.0;
        List<Double> bias = new ArrayList<>();
        if (scaleAndBias.isArray() && scaleAndBias.size() > 1) {
            for (JsonNode b : scaleAndBias.get(1)) {
                bias.add(b.asDouble());
            }
        }
        int depth0 = trees.get(0).path("splits").size();
        int dimension = Math.max(1, trees.get(0).path("leaf_values").size() >> depth0);
        String lossName = root.path("model_info").path("params").path("loss_function").path("type").asText("RMSE");
        Loss loss = loss(lossName, dimension, fileName);
        int groups = dimension;
        double[] baseMargin = new double[groups];
        for (int g = 0; g < groups && g < bias.size(); g++) {
            baseMargin[g] = bias.size() == 1 ? bias.get(0) : bias.get(g);
        }
        List<String> classes = classes(root.path("model_info"), loss.task(), groups);

        TreeEnsemble.Builder builder = new TreeEnsemble.Builder("catboost", features, loss.task(), classes, loss.link(), 1.0,
                groups, baseMargin);
        for (int t = 0; t < trees.size(); t++) {
            JsonNode tree = trees.get(t);
            List<JsonNode> splits = list(tree.path("splits"));
            int depth = splits.size();
            if (depth > 16) { // CatBoost's own limit
                throw new UnreadableInputException(fileName + ": tree " + t + " is " + depth + " splits deep");
            }
            int leaves = 1 << depth;
            JsonNode values = tree.path("leaf_values");
            if (values.size() != leaves * dimension) {
                throw new UnreadableInputException(fileName + ": tree " + t + " has " + values.size() + " leaf values for "
                        + leaves + " leaves of " + dimension + " outputs");
            }
            JsonNode weights = tree.path("leaf_weights");
            double[] weight = new double[leaves];
            for (int l = 0; l < leaves; l++) {
                weight[l] = (weights.isArray() && weights.size() == leaves ? weights.get(l).asDouble() : 1.0)
                        + TreeCovers.EMPTY_LEAF;
            }
            Split[] levelSplits = new Split[depth];
            for (int d = 0; d < depth; d++) {
                levelSplits[d] = split(splits.get(d), floatFlat, catFlat, nanTreatment, oneHotCodes, fileName, t);
            }
            for (int g = 0; g < groups; g++) {
                addTree(builder, g, levelSplits, values, weight, dimension, scale);
            }
        }
        return new ModelFile(builder.build().withCategoryLevels(levels), named);
    }

    /** One level's condition: on a float feature ({@code code < 0}) or a one-hot category code. */
    private record Split(int feature, float border, boolean nanTrue, int code) {
    }

    private static Split split(JsonNode split, Map<Integer, Integer> floatFlat, Map<Integer, Integer> catFlat,
                               Map<Integer, String> nanTreatment, Map<Integer, Map<Long, Integer>> oneHotCodes,
                               String fileName, int tree) throws UnreadableInputException {
        String type = split.path("split_type").asText("");
        switch (type) {
            case "FloatFeature": {
                int index = split.path("float_feature_index").asInt(-1);
                Integer flat = floatFlat.get(index);
                if (flat == null) {
                    throw new UnreadableInputException(fileName + ": tree " + tree + " splits on float feature " + index
                            + ", which features_info does not list");
                }
                return new Split(flat, (float) split.path("border").asDouble(), "AsTrue".equals(nanTreatment.get(index)), -1);
            }
            case "OneHotFeature": {
                int index = split.path("cat_feature_index").asInt(-1);
                Integer flat = catFlat.get(index);
                Map<Long, Integer> codes = oneHotCodes.get(index);
                Integer code = codes == null ? null : codes.get(split.path("value").asLong());
                if (flat == null || code == null) {
                    throw new UnreadableInputException(fileName + ": tree " + tree + " splits on a one-hot value of "
                            + "categorical feature " + index + " that features_info does not list");
                }
                return new Split(flat, Float.NaN, false, code);
            }
            case "OnlineCtr":
                throw new UnreadableInputException(fileName + ": tree " + tree + " splits on a CTR feature (target "
                        + "statistics over categorical values), which ModelLens does not read");
            default:
                throw new UnreadableInputException(fileName + ": tree " + tree + " has a split of type '" + type
                        + "', which ModelLens does not read");
        }
    }

    /**
     * The oblivious tree as a binary tree: level {@code d} tests split {@code d}; the "holds" branch
     * (bit {@code d} set) is on the left. Nodes are numbered heap-style: node {@code i} has children
     * {@code 2i+1} (holds) and {@code 2i+2}; the node reached by bits {@code b_0..b_{d-1}} ends at
     * leaf {@code sum b_k 2^k}.
     */
    private static void addTree(TreeEnsemble.Builder builder, int group, Split[] splits, JsonNode values, double[] weight,
                                int dimension, double scale) {
        int depth = splits.length;
        int internal = (1 << depth) - 1;
        int start = builder.tree(group, 2 * internal + 1);
        double[] cover = new double[2 * internal + 1];
        // Leaves first (heap positions internal .. 2 internal), then parents from the bottom up.
        for (int position = 2 * internal; position >= 0; position--) {
            int level = 31 - Integer.numberOfLeadingZeros(position + 1);
            if (level == depth) {
                int leaf = leafIndex(position, depth);
                cover[position] = weight[leaf];
                builder.leaf(start + position, scale * values.get(leaf * dimension + group).asDouble(), cover[position]);
            } else {
                int holds = 2 * position + 1;
                int fails = 2 * position + 2;
                cover[position] = cover[holds] + cover[fails];
                Split s = splits[level];
                if (s.code() < 0) {
                    builder.split(start + position, TreeEnsemble.ONNX_GT, s.feature(), s.border(), s.nanTrue(),
                            TreeEnsemble.MISSING_NAN, start + holds, start + fails, cover[position]);
                } else {
                    builder.categorical(start + position, TreeEnsemble.CATEGORY_IN_LEFT, s.feature(),
                            TreeEnsemble.Bitsets.of(new int[] {s.code()}), false, TreeEnsemble.MISSING_NAN, start + holds,
                            start + fails, cover[position]);
                }
            }
        }
    }

    /** The leaf index of a heap position at the last level: the path's bits, bit d for level d (1 = holds = left). */
    private static int leafIndex(int position, int depth) {
        int index = 0;
        int p = position;
        for (int level = depth - 1; level >= 0; level--) {
            int parent = (p - 1) / 2;
            if (p == 2 * parent + 1) {
                index |= 1 << level;
            }
            p = parent;
        }
        return index;
    }

    private static Loss loss(String name, int dimension, String fileName) throws UnreadableInputException {
        if (dimension > 1) {
            return switch (name) {
                case "MultiClass" -> new Loss(TreeEnsemble.Link.SOFTMAX, "multiclass");
                case "MultiClassOneVsAll" -> new Loss(TreeEnsemble.Link.SIGMOID, "multiclass");
                default -> throw new UnreadableInputException(fileName + ": the CatBoost loss '" + name + "' with "
                        + dimension + " outputs is not supported (MultiClass and MultiClassOneVsAll are)");
            };
        }
        return switch (name) {
            case "Logloss", "CrossEntropy" -> new Loss(TreeEnsemble.Link.SIGMOID, "binary");
            case "Poisson", "Tweedie" -> new Loss(TreeEnsemble.Link.EXP, "regression");
            case "RMSE", "MAE", "Quantile", "MAPE", "Huber", "Lq", "Expectile", "LogLinQuantile", "SMAPE", "R2", "MSLE",
                    "MedianAbsoluteError", "YetiRank", "YetiRankPairwise", "PairLogit", "PairLogitPairwise", "QueryRMSE",
                    "QuerySoftMax", "StochasticRank", "LambdaMart" -> new Loss(TreeEnsemble.Link.IDENTITY, "regression");
            default -> throw new UnreadableInputException(fileName + ": the CatBoost loss '" + name + "' is not supported");
        };
    }

    /** Class names from model_info.class_params (a JSON text CatBoost stores), else 0, 1, ... */
    private static List<String> classes(JsonNode modelInfo, String task, int groups) {
        List<String> classes = new ArrayList<>();
        if ("regression".equals(task)) {
            return classes;
        }
        int count = Math.max(2, groups);
        JsonNode params = modelInfo.path("class_params");
        try {
            JsonNode parsed = params.isTextual() ? new ObjectMapper().readTree(params.asText()) : params;
            JsonNode names = parsed == null ? null : parsed.path("class_names");
            if (names != null && names.isArray() && names.size() == count) {
                for (JsonNode n : names) {
                    classes.add(n.asText());
                }
                return classes;
            }
        } catch (java.io.IOException e) {
            // Unreadable class names: fall back to indices.
        }
        for (int k = 0; k < count; k++) {
            classes.add(String.valueOf(k));
        }
        return classes;
    }

    private static boolean put(Map<Integer, String> names, int flat, JsonNode feature, String fileName)
            throws UnreadableInputException {
        if (flat < 0 || names.containsKey(flat)) {
            throw new UnreadableInputException(fileName + ": flat_feature_index " + flat + " is negative or used twice");
        }
        String name = feature.path("feature_id").asText("");
        names.put(flat, name.isEmpty() ? "f" + flat : name);
        return !name.isEmpty();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(list::add);
        }
        return list;
    }
}
