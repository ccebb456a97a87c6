package org.modellens.explain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.modellens.model.FeatureMatrix;

/**
 * One oracle fixture made by {@code make_xgboost_oracles.py} with XGBoost 1.7: test rows and
 * XGBoost's margin, prediction and {@code pred_contribs} for them.
 */
record XGBoostOracle(String name, int groups, FeatureMatrix rows, JsonNode margin, JsonNode prediction, JsonNode contribs) {

    static final List<String> MODELS = List.of("binary", "regression", "multiclass");

    static XGBoostOracle load(String name) throws IOException {
        JsonNode root;
        try (InputStream in = XGBoostOracle.class.getResourceAsStream(name + ".oracle.json")) {
            root = new ObjectMapper().readTree(in);
        }
        JsonNode rows = root.get("rows");
        int n = rows.size();
        int p = rows.get(0).size();
        double[] values = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                JsonNode cell = rows.get(i).get(j);
                values[i * p + j] = cell.isNull() ? Double.NaN : Double.parseDouble(cell.asText());
            }
        }
        return new XGBoostOracle(name, root.get("groups").asInt(), new FeatureMatrix(n, p, values), root.get("margin"),
                root.get("prediction"), root.get("contribs"));
    }

    static Path modelFile(String name, String extension) {
        try {
            return Path.of(XGBoostOracle.class.getResource(name + "." + extension).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** XGBoost's margin of row i for group g. */
    double margin(int i, int g) {
        JsonNode m = margin.get(i);
        return groups == 1 ? m.asDouble() : m.get(g).asDouble();
    }

    /** XGBoost's contributions of row i for group g; the last entry is the bias. */
    double[] contribs(int i, int g) {
        JsonNode c = groups == 1 ? contribs.get(i) : contribs.get(i).get(g);
        double[] values = new double[c.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = c.get(j).asDouble();
        }
        return values;
    }
}
