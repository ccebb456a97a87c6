package ai.catboost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the CatBoost oracle fixtures. CatBoost cannot be trained here, so each model is built by
 * hand in the schema CatBoost's {@code save_model(format="json")} writes (catboost/libs/model/
 * model_export/json_model_helpers.cpp): {@code oblivious_trees} with {@code leaf_values},
 * {@code leaf_weights} and {@code splits} (FloatFeature: {@code float_feature_index}, {@code border};
 * OneHotFeature: {@code cat_feature_index}, {@code value} = CatBoost's hash of the category;
 * {@code split_index} into the bin features: every float feature's borders in order, then every
 * one-hot feature's values), {@code features_info} with {@code float_features} (borders,
 * {@code nan_value_treatment}) and {@code categorical_features} ({@code values} and their
 * {@code string_values}), and {@code scale_and_bias}. CatBoost's own library (ai.catboost:
 * catboost-prediction, which bundles its native code) then loads each file as JSON and scores the
 * test rows: those raw scores are the oracle.
 *
 * <p>In package {@code ai.catboost} to reach CatBoost's category hash ({@code hashCategoricalFeature}
 * is package-private). Run (not part of the build), with the test class path:
 * {@code java ai.catboost.CatBoostOracleGenerator diagnostics-core/src/test/resources/org/modellens/model/catboost}.
 */
public final class CatBoostOracleGenerator {

    /** Flat feature order: float and categorical features interleaved, as in a pandas DataFrame. */
    static final String[] FEATURES = {"income", "region", "ratio", "channel", "age"};
    static final int[] FLOAT_FLAT = {0, 2, 4};
    static final int[] CAT_FLAT = {1, 3};
    static final String[][] CATEGORIES = {{"north", "south", "east", "west"}, {"web", "branch", "phone"}};
    static final String[] NAN_TREATMENT = {"AsFalse", "AsTrue", "AsIs"};
    static final float[][] BORDERS = {
        {30000.5f, 45000f, 52000.25f, 61000f, 75000.5f},
        {-0.25f, 0.1f, 0.5f, 0.9f, 1.2f},
        {25.5f, 35.5f, 45.5f, 60.5f}};

    private CatBoostOracleGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        write(out, "binary", "Logloss", 1, 14, 1.0, new double[] {0.3}, 1);
        write(out, "regression", "RMSE", 1, 12, 0.8, new double[] {12.5}, 2);
        write(out, "multiclass", "MultiClass", 3, 10, 1.0, new double[] {0.1, -0.2, 0.05}, 3);
        write(out, "poisson", "Poisson", 1, 10, 1.0, new double[] {0.7}, 4);
    }

    private static void write(Path out, String name, String loss, int dimension, int trees, double scale, double[] bias,
                              long seed) throws Exception {
        Random random = new Random(seed);
        ObjectMapper json = new ObjectMapper();
        ObjectNode model = json.createObjectNode();
        ObjectNode info = model.putObject("model_info");
        info.put("catboost_model_format_note", "hand-built by CatBoostOracleGenerator in CatBoost's JSON schema");
        ObjectNode params = info.putObject("params");
        params.putObject("loss_function").put("type", loss);
        if (dimension > 1) {
            info.put("class_params", "{\"class_names\":[\"low\",\"mid\",\"high\"]}");
        }

        ObjectNode features = model.putObject("features_info");
        ArrayNode floats = features.putArray("float_features");
        for (int f = 0; f < FLOAT_FLAT.length; f++) {
            ObjectNode ff = floats.addObject();
            ff.put("has_nans", !NAN_TREATMENT[f].equals("AsIs"));
            ff.put("feature_index", f);
            ff.put("flat_feature_index", FLOAT_FLAT[f]);
            ArrayNode borders = ff.putArray("borders");
            for (float b : BORDERS[f]) {
                borders.add(b);
            }
            ff.put("feature_id", FEATURES[FLOAT_FLAT[f]]);
            ff.put("nan_value_treatment", NAN_TREATMENT[f]);
        }
        ArrayNode cats = features.putArray("categorical_features");
        int[][] hashes = new int[CATEGORIES.length][];
        for (int c = 0; c < CAT_FLAT.length; c++) {
            ObjectNode cf = cats.addObject();
            cf.put("feature_index", c);
            cf.put("flat_feature_index", CAT_FLAT[c]);
            cf.put("feature_id", FEATURES[CAT_FLAT[c]]);
            hashes[c] = CatBoostModel.hashCategoricalFeatures(CATEGORIES[c]);
            ArrayNode values = cf.putArray("values");
            ArrayNode strings = cf.putArray("string_values");
            for (int k = 0; k < CATEGORIES[c].length; k++) {
                values.add(hashes[c][k]);
                strings.add(CATEGORIES[c][k]);
            }
        }

        // Bin features in CatBoost's order: float borders, then one-hot values.
        List<int[]> bins = new ArrayList<>(); // {kind 0 float / 1 one-hot, feature, index}
        for (int f = 0; f < BORDERS.length; f++) {
            for (int b = 0; b < BORDERS[f].length; b++) {
                bins.add(new int[] {0, f, b});
            }
        }
        for (int c = 0; c < CATEGORIES.length; c++) {
            for (int k = 0; k < CATEGORIES[c].length; k++) {
                bins.add(new int[] {1, c, k});
            }
        }
        ArrayNode oblivious = model.putArray("oblivious_trees");
        for (int t = 0; t < trees; t++) {
            int depth = 1 + random.nextInt(4);
            ObjectNode tree = oblivious.addObject();
            ArrayNode weights = tree.putArray("leaf_weights");
            for (int l = 0; l < (1 << depth); l++) {
                // Some leaves no training document reached: CatBoost writes weight 0 for them.
                weights.add(random.nextDouble() < 0.1 ? 0.0 : 1 + random.nextInt(200));
            }
            ArrayNode values = tree.putArray("leaf_values");
            for (int l = 0; l < (1 << depth) * dimension; l++) {
                values.add(Math.round(random.nextGaussian() * 0.3 * 1e6) / 1e6);
            }
            ArrayNode splits = tree.putArray("splits");
            for (int d = 0; d < depth; d++) {
                int index = random.nextInt(bins.size());
                int[] bin = bins.get(index);
                ObjectNode split = splits.addObject();
                if (bin[0] == 0) {
                    split.put("border", BORDERS[bin[1]][bin[2]]);
                    split.put("float_feature_index", bin[1]);
                    split.put("split_index", index);
                    split.put("split_type", "FloatFeature");
                } else {
                    split.put("cat_feature_index", bin[1]);
                    split.put("value", hashes[bin[1]][bin[2]]);
                    split.put("split_index", index);
                    split.put("split_type", "OneHotFeature");
                }
            }
        }
        ArrayNode scaleAndBias = model.putArray("scale_and_bias");
        scaleAndBias.add(scale);
        ArrayNode biases = scaleAndBias.addArray();
        for (double b : bias) {
            biases.add(b);
        }
        Path file = out.resolve(name + ".json");
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(model) + "\n");

        // Rows: missing values, unseen and empty categories, values on every border and beside it.
        Random rows = new Random(seed * 31);
        int n = 240;
        float[][] numeric = new float[n][FLOAT_FLAT.length];
        String[][] categorical = new String[n][CAT_FLAT.length];
        for (int i = 0; i < n; i++) {
            numeric[i][0] = (float) Math.round(rows.nextGaussian() * 20_000 + 50_000);
            numeric[i][1] = (float) (rows.nextDouble() * 2 - 0.5);
            numeric[i][2] = 18 + rows.nextInt(60);
            for (int f = 0; f < FLOAT_FLAT.length; f++) {
                double u = rows.nextDouble();
                if (u < 0.12) {
                    numeric[i][f] = Float.NaN;
                } else if (u < 0.35) {
                    float b = BORDERS[f][rows.nextInt(BORDERS[f].length)];
                    numeric[i][f] = rows.nextBoolean() ? b : Math.nextUp(b);
                }
            }
            for (int c = 0; c < CAT_FLAT.length; c++) {
                double u = rows.nextDouble();
                categorical[i][c] = u < 0.08 ? "" : u < 0.15 ? "atlantis" : CATEGORIES[c][rows.nextInt(CATEGORIES[c].length)];
            }
        }
        double[][] raw = new double[n][];
        try (CatBoostModel catboost = CatBoostModel.loadModel(file.toString(), "json")) {
            CatBoostPredictions predictions = catboost.predict(numeric, categorical);
            for (int i = 0; i < n; i++) {
                raw[i] = predictions.copyObjectPredictions(i);
            }
        }
        ObjectNode oracle = json.createObjectNode();
        oracle.put("generator", "CatBoostOracleGenerator (CatBoost's native library via ai.catboost:catboost-prediction "
                + "1.2.7, raw formula values)");
        ArrayNode names = oracle.putArray("features");
        for (String f : FEATURES) {
            names.add(f);
        }
        ArrayNode data = oracle.putArray("rows");
        ArrayNode expected = oracle.putArray("raw");
        for (int i = 0; i < n; i++) {
            ArrayNode row = data.addArray();
            for (int j = 0; j < FEATURES.length; j++) {
                int f = indexOf(FLOAT_FLAT, j);
                if (f >= 0) {
                    if (Float.isNaN(numeric[i][f])) {
                        row.addNull();
                    } else {
                        row.add(numeric[i][f]);
                    }
                } else {
                    String s = categorical[i][indexOf(CAT_FLAT, j)];
                    if (s.isEmpty()) {
                        row.addNull();
                    } else {
                        row.add(s);
                    }
                }
            }
            ArrayNode r = expected.addArray();
            for (double v : raw[i]) {
                r.add(v);
            }
        }
        Files.writeString(out.resolve(name + ".oracle.json"), json.writeValueAsString(oracle) + "\n");
        System.out.println(file);
    }

    private static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
