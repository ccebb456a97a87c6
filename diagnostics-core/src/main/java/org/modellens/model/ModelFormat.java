package org.modellens.model;

import java.nio.charset.StandardCharsets;

/**
 * A model file's format, told by its bytes, never by its name: users save XGBoost models as
 * {@code model.bst}, {@code model.model} or {@code model.bin}, and XGBoost 2+ writes UBJSON whenever
 * the name does not end in {@code .json}. Formats ModelLens does not read are recognised too, so the
 * message can say what the file is and what to save instead.
 */
public enum ModelFormat {

    /** JSON text (XGBoost, CatBoost or another JSON: the keys decide, see {@link #ofJson}). */
    JSON("JSON text"),
    /** Universal Binary JSON: XGBoost's {@code save_model} for any name not ending in .json (2.0+). */
    UBJSON("XGBoost UBJSON"),
    LIGHTGBM_TEXT("LightGBM text model"),
    ONNX("ONNX model"),
    XGBOOST_JSON("XGBoost JSON model"),
    CATBOOST_JSON("CatBoost JSON model"),
    LIGHTGBM_JSON_DUMP("LightGBM JSON dump (dump_model)"),
    XGBOOST_LEGACY_BINARY("XGBoost legacy binary model (before 1.0, or save_model to a .bin/.model name before 2.0)"),
    CATBOOST_BINARY("CatBoost binary model (.cbm)"),
    PICKLE("Python pickle or joblib file"),
    ZIP("zip archive"),
    GZIP("gzip-compressed file"),
    TEXT("text file"),
    UNKNOWN("file of an unknown format");

    /** What to say the file is. */
    private final String description;

    ModelFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The format the first bytes of a file show. JSON is not told apart further here (see {@link #ofJson}). */
    public static ModelFormat detect(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3; // UTF-8 byte-order mark
        }
        int n = bytes.length;
        if (n - i >= 2 && bytes[i] == '{') {
            byte next = bytes[i + 1];
            // UBJSON: an object's first key starts with its length's type marker (or an optimized container).
            if (next == 'i' || next == 'U' || next == 'I' || next == 'l' || next == 'L' || next == '$' || next == '#') {
                return UBJSON;
            }
            return JSON;
        }
        int j = i;
        while (j < n && (bytes[j] == ' ' || bytes[j] == '\t' || bytes[j] == '\r' || bytes[j] == '\n')) {
            j++;
        }
        if (j < n && (bytes[j] == '{' || bytes[j] == '[')) {
            return JSON;
        }
        if (startsWith(bytes, "tree\n") || startsWith(bytes, "tree\r\n")) {
            return LIGHTGBM_TEXT;
        }
        if (startsWith(bytes, "CBM1")) {
            return CATBOOST_BINARY;
        }
        if (startsWith(bytes, "binf") || startsWith(bytes, "bs64")) {
            return XGBOOST_LEGACY_BINARY;
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0x80 && bytes[1] >= 2 && bytes[1] <= 5) {
            return PICKLE;
        }
        if (startsWith(bytes, "PK\u0003\u0004")) {
            return ZIP;
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
            return GZIP;
        }
        if (looksLikeOnnx(bytes)) {
            return ONNX;
        }
        if (looksLikeLegacyXGBoost(bytes)) {
            return XGBOOST_LEGACY_BINARY;
        }
        return looksLikeText(bytes) ? TEXT : UNKNOWN;
    }

    /** The kind of a JSON model by its top-level keys. */
    public static ModelFormat ofJson(com.fasterxml.jackson.databind.JsonNode root) {
        if (root != null && root.isObject()) {
            if (root.has("learner")) {
                return XGBOOST_JSON;
            }
            if (root.has("oblivious_trees") || root.has("features_info") && root.has("model_info")) {
                return CATBOOST_JSON;
            }
            if (root.has("tree_info") && root.has("objective")) {
                return LIGHTGBM_JSON_DUMP;
            }
        }
        return JSON;
    }

    /**
     * ONNX is a protobuf ModelProto: field 1 (ir_version, a small varint) first, then another field of
     * ModelProto (producer, domain, model version, doc, graph, opset import, metadata).
     */
    private static boolean looksLikeOnnx(byte[] bytes) {
        if (bytes.length < 8 || bytes[0] != 0x08 || bytes[1] < 1 || bytes[1] > 30) {
            return false;
        }
        int tag = bytes[2] & 0xFF;
        return tag == 0x12 || tag == 0x1A || tag == 0x22 || tag == 0x28 || tag == 0x32 || tag == 0x3A || tag == 0x42
                || tag == 0x72;
    }

    /**
     * XGBoost's binary format before JSON (and {@code save_model} to a non-JSON name in 1.x) starts
     * with LearnerModelParam: base_score as a float32 in (0, 1e6] and num_feature as a small int.
     */
    private static boolean looksLikeLegacyXGBoost(byte[] bytes) {
        if (bytes.length < 136) {
            return false;
        }
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        float baseScore = in.getFloat(0);
        int numFeature = in.getInt(4);
        return baseScore > 0 && baseScore <= 1e6 && numFeature > 0 && numFeature <= ModelLimits.MAX_FEATURES
                && (containsAscii(bytes, "gbtree") || containsAscii(bytes, "gblinear") || containsAscii(bytes, "dart"));
    }

    private static boolean containsAscii(byte[] bytes, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        int limit = Math.min(bytes.length, 4096) - t.length;
        outer:
        for (int i = 0; i <= limit; i++) {
            for (int k = 0; k < t.length; k++) {
                if (bytes[i + k] != t[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean looksLikeText(byte[] bytes) {
        int limit = Math.min(bytes.length, 512);
        for (int i = 0; i < limit; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20)) {
                return false;
            }
        }
        return limit > 0;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
