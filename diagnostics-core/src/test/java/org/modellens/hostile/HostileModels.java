package org.modellens.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile model files of issue 19, made from the valid fixtures by changing one thing, so each test
 * (and the fuzzers' seeds) names exactly the shape it is about.
 */
public final class HostileModels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileModels() {
    }

    static byte[] resource(String path) {
        try (InputStream in = HostileModels.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binary XGBoost fixture (7 features, 40 trees) with {@code change} applied to its JSON. */
    public static byte[] xgboost(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(resource("/org/modellens/explain/binary.json"));
            change.accept(root);
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode learner(ObjectNode root) {
        return (ObjectNode) root.get("learner");
    }

    static ObjectNode params(ObjectNode root) {
        return (ObjectNode) learner(root).get("learner_model_param");
    }

    static ObjectNode model(ObjectNode root) {
        return (ObjectNode) learner(root).get("gradient_booster").get("model");
    }

    /**
     * Replaces every tree by one tree of {@code nodes} nodes: internal node {@code i} splits on
     * feature 0 at 0.5 with children {@code left[i]}, {@code right[i]} (-1 for a leaf of value {@code leaf}).
     */
    static void oneTree(ObjectNode root, int[] left, int[] right, double leaf) {
        int n = left.length;
        ObjectNode tree = JSON.createObjectNode();
        ArrayNode lc = tree.putArray("left_children");
        ArrayNode rc = tree.putArray("right_children");
        ArrayNode si = tree.putArray("split_indices");
        ArrayNode sc = tree.putArray("split_conditions");
        ArrayNode dl = tree.putArray("default_left");
        ArrayNode sh = tree.putArray("sum_hessian");
        for (int i = 0; i < n; i++) {
            lc.add(left[i]);
            rc.add(right[i]);
            si.add(0);
            sc.add(left[i] < 0 ? leaf : 0.5);
            dl.add(1);
            sh.add(1.0);
        }
        tree.putObject("tree_param").put("num_nodes", String.valueOf(n));
        ObjectNode model = model(root);
        model.putArray("trees").add(tree);
        model.putArray("tree_info").add(0);
    }

    /** A chain of {@code depth} splits: internal node 2k has a leaf on the left and node 2k+2 on the right. */
    public static byte[] xgboostChain(int depth) {
        int n = 2 * depth + 1;
        int[] left = new int[n];
        int[] right = new int[n];
        java.util.Arrays.fill(left, -1);
        java.util.Arrays.fill(right, -1);
        for (int k = 0; k < depth; k++) {
            left[2 * k] = 2 * k + 1;
            right[2 * k] = 2 * k + 2;
        }
        return xgboost(root -> oneTree(root, left, right, 0.25));
    }

    /** The LightGBM text fixture with {@code from} replaced by {@code to} (each must occur). */
    public static byte[] lightgbm(String from, String to) {
        String text = new String(resource("/org/modellens/model/lightgbm-handmade.txt"), StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException("the fixture has no '" + from + "'");
        }
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
