import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Oracle fixtures made by XGBoost itself through xgboost4j (run by make_xgboost4j_fixtures.sh, once
 * per XGBoost version): small models of every objective ModelLens reads, trained on rows with
 * missing values and two categorical inputs (3 categories: one-hot splits; 9 categories: partition
 * splits), saved as JSON (NAME.json) and as UBJSON under a name that says nothing (NAME.model, as
 * users save them), and XGBoost's margins, predictions and pred_contribs for 240 test rows in
 * oracle.json. Contributions are null where this version computes none (multi-output trees before 3.2).
 *
 * Usage: java -cp xgboost4j_2.12-V.jar:scala-library-2.12.18.jar:commons-logging-1.2.jar:kryo.jar XGBoost4jFixtures.java
 *        OUTDIR MODELS UBJSON_MODELS   (comma-separated names, or "all"; UBJSON_MODELS are also saved as NAME.model)
 */
public class XGBoost4jFixtures {

    static final String[] NAMES = {"age", "income", "score", "color", "city", "visits"};
    static final String[] TYPES = {"q", "q", "q", "c", "c", "q"};
    static final int P = NAMES.length;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        java.util.Set<String> keep = new java.util.HashSet<>(java.util.List.of(args[1].split(",")));
        java.util.Set<String> ubjson = new java.util.HashSet<>(java.util.List.of(args[2].split(",")));
        Files.createDirectories(out);
        Random random = new Random(20261130);
        int nTrain = 600;
        int nTest = 200;
        float[] train = rows(random, nTrain);
        float[] test = rows(random, nTest);
        test[5 * P + 4] = 12; // a city code the model never saw
        float[] latent = latent(train, nTrain);

        StringBuilder json = new StringBuilder();
        String version = version();
        json.append("{\"library\": \"xgboost4j\", \"version\": \"").append(version).append("\", \"features\": ")
                .append(strings(NAMES)).append(", \"types\": ").append(strings(TYPES)).append(", \"rows\": ")
                .append(matrix(test, nTest, P)).append(", \"models\": {");

        Map<String, Object[]> models = new LinkedHashMap<>();
        // name -> {objective, labels, extra params, rounds}
        float[] binary = new float[nTrain];
        float[] proportion = new float[nTrain];
        float[] positive = new float[nTrain];
        float[] counts = new float[nTrain];
        float[] classes = new float[nTrain];
        for (int i = 0; i < nTrain; i++) {
            double z = latent[i] + random.nextGaussian() * 0.5;
            binary[i] = z > 0 ? 1 : 0;
            proportion[i] = (float) (1 / (1 + Math.exp(-z)));
            positive[i] = (float) Math.exp(0.5 * z + 0.2 * random.nextGaussian());
            counts[i] = (float) Math.floor(Math.exp(0.4 * z + 0.5) * random.nextDouble() * 2);
            classes[i] = z < -0.7 ? 0 : z < 0.7 ? 1 : 2;
        }
        models.put("binary-logistic", new Object[] {"binary:logistic", binary, Map.of()});
        models.put("binary-logitraw", new Object[] {"binary:logitraw", binary, Map.of()});
        models.put("reg-logistic", new Object[] {"reg:logistic", proportion, Map.of()});
        models.put("reg-squarederror", new Object[] {"reg:squarederror", positive, Map.of()});
        models.put("count-poisson", new Object[] {"count:poisson", counts, Map.of()});
        models.put("reg-tweedie", new Object[] {"reg:tweedie", counts, Map.of("tweedie_variance_power", 1.3)});
        models.put("reg-gamma", new Object[] {"reg:gamma", positive, Map.of()});
        models.put("rank-pairwise", new Object[] {"rank:pairwise", classes, Map.of()});
        models.put("multi-softprob", new Object[] {"multi:softprob", classes, Map.of("num_class", 3)});
        models.put("multi-softmax", new Object[] {"multi:softmax", classes, Map.of("num_class", 3)});
        if (!version.startsWith("1.")) {
            models.put("multi-output-tree", new Object[] {"multi:softprob", classes,
                Map.of("num_class", 3, "multi_strategy", "multi_output_tree")});
        }
        boolean first = true;
        for (Map.Entry<String, Object[]> model : models.entrySet()) {
            String name = model.getKey();
            if (!keep.contains("all") && !keep.contains(name)) {
                continue;
            }
            String objective = (String) model.getValue()[0];
            float[] labels = (float[]) model.getValue()[1];
            @SuppressWarnings("unchecked")
            Map<String, Object> extra = (Map<String, Object>) model.getValue()[2];
            DMatrix d = matrix(train, nTrain, labels);
            if (objective.startsWith("rank:")) {
                d.setGroup(new int[] {200, 200, 200});
            }
            Map<String, Object> params = new HashMap<>();
            params.put("objective", objective);
            params.put("max_depth", 3);
            params.put("eta", 0.3);
            params.put("tree_method", "hist");
            params.put("nthread", 1);
            params.put("seed", 1);
            params.put("max_cat_to_onehot", 4);
            params.putAll(extra);
            boolean multiOutput = "multi_output_tree".equals(extra.get("multi_strategy"));
            Booster booster = XGBoost.train(d, params, 5, new HashMap<>(), null, null);
            booster.saveModel(out.resolve(name + ".json").toString());
            if (ubjson.contains(name)) {
                booster.saveModel(out.resolve(name + ".model").toString());
            }
            DMatrix t = matrix(test, nTest, null);
            float[][] margin = booster.predict(t, true);
            float[][] prediction = booster.predict(t);
            String contribs;
            try {
                contribs = matrix(booster.predictContrib(t, 0));
            } catch (Exception e) {
                if (!multiOutput) {
                    throw e;
                }
                contribs = "null";
            }
            json.append(first ? "" : ",").append("\n\"").append(name).append("\": {\"objective\": \"").append(objective)
                    .append("\", \"margin\": ").append(matrix(margin)).append(", \"prediction\": ")
                    .append(matrix(prediction)).append(", \"contribs\": ").append(contribs).append("}");
            first = false;
        }
        json.append("}}\n");
        Files.writeString(out.resolve("oracle.json"), json);
    }

    static String version() throws IOException {
        // The version is in the jar's name on the class path.
        for (String part : System.getProperty("java.class.path").split(":")) {
            String file = Path.of(part).getFileName().toString();
            if (file.startsWith("xgboost4j_2.12-")) {
                return file.substring("xgboost4j_2.12-".length(), file.length() - 4);
            }
        }
        throw new IOException("no xgboost4j jar on the class path");
    }

    static float[] rows(Random random, int n) {
        float[] x = new float[n * P];
        for (int i = 0; i < n; i++) {
            x[i * P] = (float) (40 + 12 * random.nextGaussian());
            x[i * P + 1] = (float) Math.exp(10 + 0.6 * random.nextGaussian());
            x[i * P + 2] = (float) (300 + 550 * random.nextDouble());
            x[i * P + 3] = random.nextInt(3);
            x[i * P + 4] = random.nextInt(9);
            x[i * P + 5] = random.nextInt(12);
            for (int j = 0; j < P; j++) {
                if (random.nextDouble() < 0.1) {
                    x[i * P + j] = Float.NaN;
                }
            }
        }
        return x;
    }

    static float[] latent(float[] x, int n) {
        double[] cityEffect = {-1, 0.5, 1.2, -0.3, 0.8, -1.5, 0.1, 0.9, -0.6};
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            double age = Float.isNaN(x[i * P]) ? 40 : x[i * P];
            double income = Float.isNaN(x[i * P + 1]) ? 2e4 : x[i * P + 1];
            double score = Float.isNaN(x[i * P + 2]) ? 575 : x[i * P + 2];
            double color = Float.isNaN(x[i * P + 3]) ? 1 : x[i * P + 3];
            double city = Float.isNaN(x[i * P + 4]) ? 0 : cityEffect[(int) x[i * P + 4]];
            z[i] = (float) (0.04 * (age - 40) + 0.5 * Math.log(income / 2e4) - 0.004 * (score - 575) + 0.7 * (color - 1)
                    + city);
        }
        return z;
    }

    static DMatrix matrix(float[] x, int n, float[] labels) throws Exception {
        DMatrix d = new DMatrix(x, n, P, Float.NaN);
        d.setFeatureNames(NAMES);
        d.setFeatureTypes(TYPES);
        if (labels != null) {
            d.setLabel(labels);
        }
        return d;
    }

    static String strings(String[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append('"').append(values[i]).append('"');
        }
        return s.append(']').toString();
    }

    static String matrix(float[] x, int n, int p) {
        float[][] rows = new float[n][p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * p, rows[i], 0, p);
        }
        return matrix(rows);
    }

    /** Rows of float32 values printed so that they parse back to the same float; NaN as null. */
    static String matrix(float[][] rows) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < rows.length; i++) {
            s.append(i == 0 ? "[" : ",\n[");
            for (int j = 0; j < rows[i].length; j++) {
                float v = rows[i][j];
                s.append(j == 0 ? "" : ",").append(Float.isNaN(v) ? "null" : Float.toString(v));
            }
            s.append(']');
        }
        return s.append(']').toString();
    }
}
