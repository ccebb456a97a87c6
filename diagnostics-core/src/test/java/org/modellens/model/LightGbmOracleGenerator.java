package org.modellens.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;

/**
 * Writes the LightGBM oracle fixtures: trains small models with LightGBM's own native library
 * (io.github.metarank:lightgbm4j, which bundles it), saves each model as text exactly as LightGBM
 * writes it, and records what that library computes from the saved text for a set of test rows:
 * raw scores, transformed predictions and SHAP contributions ({@code pred_contrib}).
 *
 * <p>Prediction goes through the C API directly ({@code LGBM_BoosterCalcNumPredict} +
 * {@code LGBM_BoosterPredictForMat}): lightgbm4j's own {@code predictForMat} allocates too few
 * outputs for multiclass models. The data have missing values in most columns, zeros, two
 * categorical columns (8 and 40 category codes, so bitsets span two 32-bit words), and the test rows
 * add what training never had: missing values in columns without any, unseen, negative and
 * fractional category codes, infinities, values on split thresholds and around LightGBM's zero
 * threshold.
 *
 * <p>Run (not part of the build; from the repository root, once per LightGBM line):
 * <pre>
 * mvn -q -o -pl diagnostics-core test-compile exec:java ... (or any runner with the test class path)
 * java -cp "$(cat cp.txt):diagnostics-core/target/test-classes:diagnostics-core/target/classes" \
 *     org.modellens.model.LightGbmOracleGenerator diagnostics-core/src/test/resources/org/modellens/model/lightgbm
 * </pre>
 * lightgbm4j extracts its native library into {@code java.io.tmpdir} and reuses a file already
 * there: give each LightGBM line its own ({@code -Djava.io.tmpdir=/tmp/lightgbm-3}).
 * {@code cp.txt} comes from {@code mvn -pl diagnostics-core dependency:build-classpath
 * -Dmdep.outputFile=cp.txt} (add {@code -Dlightgbm4j.version=3.3.2-5} for LightGBM 3.3). The
 * fixtures land in a subfolder named after the library's model format version (v3, v4).
 */
public final class LightGbmOracleGenerator {

    static final String[] FEATURES = {"income", "ratio", "age", "region", "product", "score"};
    static final int REGION = 3;
    static final int PRODUCT = 4;
    private static final int TRAIN_ROWS = 3000;
    private static final int TEST_ROWS = 240;

    private LightGbmOracleGenerator() {
    }

    /** One model to train: its name, LightGBM parameters and how the label is made. */
    private record Case(String name, String params, String label) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        LGBMBooster.loadNative();
        Random random = new Random(20261130);
        double[][] train = rows(random, TRAIN_ROWS);
        String common = "num_iterations=25 num_leaves=12 min_data_in_leaf=15 learning_rate=0.2 verbose=-1 seed=7 "
                + "deterministic=true num_threads=1 categorical_feature=3,4 max_cat_to_onehot=4 min_data_per_group=10 "
                + "cat_smooth=5 ";
        List<Case> cases = List.of(
                new Case("binary", "objective=binary", "binary"),
                new Case("binary-sigmoid", "objective=binary sigmoid=0.7", "binary"),
                new Case("cross-entropy", "objective=cross_entropy", "binary"),
                new Case("regression", "objective=regression", "regression"),
                new Case("regression-sqrt", "objective=regression reg_sqrt=true", "positive"),
                new Case("regression-l1", "objective=regression_l1", "regression"),
                new Case("huber", "objective=huber alpha=1.5", "regression"),
                new Case("quantile", "objective=quantile alpha=0.8", "regression"),
                new Case("poisson", "objective=poisson", "count"),
                new Case("gamma", "objective=gamma", "positive"),
                new Case("tweedie", "objective=tweedie tweedie_variance_power=1.3", "count"),
                new Case("multiclass", "objective=multiclass num_class=3", "class"),
                new Case("multiclassova", "objective=multiclassova num_class=3", "class"),
                new Case("lambdarank", "objective=lambdarank", "rank"),
                new Case("zero-as-missing", "objective=regression zero_as_missing=true", "regression"),
                new Case("no-missing", "objective=binary use_missing=false", "binary"),
                new Case("linear-tree", "objective=regression linear_tree=true linear_lambda=0.1", "regression"),
                new Case("random-forest", "objective=binary boosting=rf bagging_freq=1 bagging_fraction=0.7 "
                        + "feature_fraction=0.8", "binary"));
        Path versionDir = null;
        for (Case c : cases) {
            float[] label = labels(train, c.label(), new Random(c.name().hashCode()));
            String model = train(train, label, common + c.params(), c.label().equals("rank"));
            if (versionDir == null) {
                String version = model.lines().filter(l -> l.startsWith("version=")).findFirst().orElseThrow().substring(8);
                versionDir = out.resolve(version);
                Files.createDirectories(versionDir);
            }
            double[][] test = testRows(new Random(c.name().hashCode() + 1L), model);
            Files.writeString(versionDir.resolve(c.name() + ".txt"), model);
            Files.writeString(versionDir.resolve(c.name() + ".oracle.json"), oracle(model, test, !c.name().equals("linear-tree")));
            System.out.println(versionDir.resolve(c.name()));
        }
    }

    /** Training-like rows: numeric columns with missing values and zeros, two categorical code columns. */
    static double[][] rows(Random random, int n) {
        double[][] x = new double[n][FEATURES.length];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble() < 0.1 ? Double.NaN : Math.round(random.nextGaussian() * 20_000 + 50_000);
            x[i][1] = random.nextDouble() < 0.15 ? Double.NaN : random.nextDouble() < 0.2 ? 0.0 : random.nextDouble() * 2 - 0.5;
            x[i][2] = 18 + random.nextInt(60);
            x[i][REGION] = random.nextDouble() < 0.08 ? Double.NaN : random.nextInt(8);
            x[i][PRODUCT] = random.nextInt(40);
            x[i][5] = random.nextDouble() < 0.05 ? Double.NaN : random.nextGaussian();
        }
        return x;
    }

    private static double signal(double[] r) {
        double s = 0;
        s += Double.isNaN(r[0]) ? 0.4 : (r[0] - 50_000) / 25_000;
        s += Double.isNaN(r[1]) ? -1.5 : r[1] == 0 ? 0.8 : r[1];
        s += (r[2] - 45) / 30;
        s += Double.isNaN(r[REGION]) ? 0.5 : new double[] {0.9, -0.6, 0.2, -1.1, 0.4, 0.0, 1.2, -0.3}[(int) r[REGION]];
        s += ((int) r[PRODUCT] * 7 % 11) / 5.0 - 1;
        // A missing score weighs heavily: LightGBM then splits "every value vs missing", a threshold of inf.
        s += Double.isNaN(r[5]) ? 2.5 : 0.5 * r[5];
        return s;
    }

    private static float[] labels(double[][] x, String kind, Random random) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = signal(x[i]);
            y[i] = switch (kind) {
                case "binary" -> random.nextDouble() < 1 / (1 + Math.exp(-s)) ? 1 : 0;
                case "regression" -> (float) (3 * s + random.nextGaussian());
                case "positive" -> (float) Math.exp(0.5 * s + 0.3 * random.nextGaussian());
                case "count" -> poisson(Math.exp(0.5 * s), random);
                case "class" -> s + random.nextGaussian() < -0.5 ? 0 : s + random.nextGaussian() < 1 ? 1 : 2;
                case "rank" -> (float) Math.max(0, Math.min(4, Math.round(s + 1 + random.nextGaussian() * 0.5)));
                default -> throw new IllegalArgumentException(kind);
            };
        }
        return y;
    }

    private static float poisson(double mean, Random random) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static String train(double[][] x, float[] label, String params, boolean ranking) throws Exception {
        double[] flat = flat(x);
        try (LGBMDataset dataset = LGBMDataset.createFromMat(flat, x.length, FEATURES.length, true, params, null)) {
            dataset.setFeatureNames(FEATURES);
            dataset.setField("label", label);
            if (ranking) {
                int[] group = new int[x.length / 20];
                java.util.Arrays.fill(group, 20);
                dataset.setField("group", group);
            }
            try (LGBMBooster booster = LGBMBooster.create(dataset, params)) {
                int iterations = Integer.parseInt(params.replaceAll(".*num_iterations=(\\d+).*", "$1"));
                for (int i = 0; i < iterations; i++) {
                    booster.updateOneIter();
                }
                return booster.saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.SPLIT);
            }
        }
    }

    /** Test rows: training-like rows, then every edge the readers must get right. */
    private static double[][] testRows(Random random, String model) {
        List<double[]> rows = new ArrayList<>(List.of(rows(random, TEST_ROWS - 60)));
        TreeSet<Double>[] thresholds = numericThresholds(model);
        double[] specials = {Double.NaN, 0.0, -0.0, 1e-36, -1e-36, 1.00000001e-35, 1e-34, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        double[] codes = {Double.NaN, -1, -0.5, 0, 2.7, 7, 31, 32, 39, 40, 45, 1000, 3e9, Double.POSITIVE_INFINITY};
        while (rows.size() < TEST_ROWS) {
            double[] r = rows(random, 1)[0];
            for (int j = 0; j < FEATURES.length; j++) {
                double u = random.nextDouble();
                if (j == REGION || j == PRODUCT) {
                    if (u < 0.5) {
                        r[j] = codes[random.nextInt(codes.length)];
                    }
                } else if (u < 0.3) {
                    r[j] = specials[random.nextInt(specials.length)];
                } else if (u < 0.7 && !thresholds[j].isEmpty()) {
                    List<Double> t = new ArrayList<>(thresholds[j]);
                    r[j] = t.get(random.nextInt(t.size()));
                }
            }
            rows.add(r);
        }
        return rows.toArray(new double[0][]);
    }

    @SuppressWarnings("unchecked")
    private static TreeSet<Double>[] numericThresholds(String model) {
        TreeSet<Double>[] sets = new TreeSet[FEATURES.length];
        for (int j = 0; j < sets.length; j++) {
            sets[j] = new TreeSet<>();
        }
        String[] lines = model.split("\n");
        String[] feature = null;
        String[] threshold = null;
        for (String line : lines) {
            if (line.startsWith("split_feature=")) {
                feature = line.substring(14).trim().split(" ");
            } else if (line.startsWith("threshold=")) {
                threshold = line.substring(10).trim().split(" ");
            } else if (line.startsWith("decision_type=") && feature != null && threshold != null) {
                String[] type = line.substring(14).trim().split(" ");
                for (int i = 0; i < type.length; i++) {
                    if ((Integer.parseInt(type[i]) & 1) == 0) {
                        double t = parse(threshold[i]);
                        if (Double.isFinite(t)) {
                            sets[Integer.parseInt(feature[i])].add(t);
                        }
                    }
                }
                feature = null;
                threshold = null;
            }
        }
        return sets;
    }

    private static double parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan", "-nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static double[] flat(double[][] x) {
        double[] flat = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * x[i].length, x[i].length);
        }
        return flat;
    }

    /** LightGBM's outputs for the rows, from the saved model text. */
    private static String oracle(String model, double[][] rows, boolean contributions) throws Exception {
        SWIGTYPE_p_p_void handlePointer = lightgbmlib.new_voidpp();
        var iterations = lightgbmlib.new_intp();
        check(lightgbmlib.LGBM_BoosterLoadModelFromString(model, iterations, handlePointer));
        SWIGTYPE_p_void booster = lightgbmlib.voidpp_value(handlePointer);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("raw", predict(booster, rows, lightgbmlib.C_API_PREDICT_RAW_SCORE));
        result.put("prediction", predict(booster, rows, lightgbmlib.C_API_PREDICT_NORMAL));
        if (contributions) {
            result.put("contributions", predict(booster, rows, lightgbmlib.C_API_PREDICT_CONTRIB));
        }
        check(lightgbmlib.LGBM_BoosterFree(booster));

        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("generator", "LightGbmOracleGenerator (LightGBM native library via lightgbm4j)");
        ArrayNode names = root.putArray("features");
        for (String f : FEATURES) {
            names.add(f);
        }
        ArrayNode data = root.putArray("rows");
        for (double[] r : rows) {
            ArrayNode row = data.addArray();
            for (double v : r) {
                put(row, v);
            }
        }
        for (Map.Entry<String, Object> e : result.entrySet()) {
            double[][] values = (double[][]) e.getValue();
            ArrayNode out = root.putArray(e.getKey());
            for (double[] r : values) {
                ArrayNode row = out.addArray();
                for (double v : r) {
                    put(row, v);
                }
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root).replaceAll("\n\\s+(-?[0-9\"N])", " $1")
                .replaceAll("\\[\\s+\\[", "[[") + "\n";
    }

    /** Numbers as JSON numbers; NaN and the infinities as strings, which JSON numbers cannot hold. */
    private static void put(ArrayNode row, double v) {
        if (Double.isNaN(v)) {
            row.add("NaN");
        } else if (Double.isInfinite(v)) {
            row.add(v > 0 ? "Infinity" : "-Infinity");
        } else {
            row.add(v);
        }
    }

    private static double[][] predict(SWIGTYPE_p_void booster, double[][] rows, int type) throws Exception {
        int n = rows.length;
        int p = rows[0].length;
        SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
        check(lightgbmlib.LGBM_BoosterCalcNumPredict(booster, n, type, 0, -1, length));
        long size = lightgbmlib.int64_tp_value(length);
        SWIGTYPE_p_double input = lightgbmlib.new_doubleArray((long) n * p);
        double[] flat = flat(rows);
        for (int i = 0; i < flat.length; i++) {
            lightgbmlib.doubleArray_setitem(input, i, flat[i]);
        }
        SWIGTYPE_p_double output = lightgbmlib.new_doubleArray(size);
        check(lightgbmlib.LGBM_BoosterPredictForMat(booster, lightgbmlib.double_to_voidp_ptr(input),
                lightgbmlib.C_API_DTYPE_FLOAT64, n, p, 1, type, 0, -1, "num_threads=1", length, output));
        int width = (int) (lightgbmlib.int64_tp_value(length) / n);
        double[][] values = new double[n][width];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < width; k++) {
                values[i][k] = lightgbmlib.doubleArray_getitem(output, (long) i * width + k);
            }
        }
        lightgbmlib.delete_doubleArray(input);
        lightgbmlib.delete_doubleArray(output);
        return values;
    }

    private static void check(int code) {
        if (code != 0) {
            throw new IllegalStateException("LightGBM: " + lightgbmlib.LGBM_GetLastError());
        }
    }
}
