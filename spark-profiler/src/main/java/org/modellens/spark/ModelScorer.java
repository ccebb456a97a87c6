package org.modellens.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.modellens.data.ColumnType;
import org.modellens.data.RawTable;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotBuilder;
import org.modellens.data.SourceInfo;
import org.modellens.data.UnreadableInputException;
import org.modellens.explain.TreeShap;
import org.modellens.model.FeatureMatrix;
import org.modellens.model.Model;
import org.modellens.model.ModelLoader;
import org.modellens.model.Predictions;
import org.modellens.stats.ClassifierMetrics;
import org.modellens.model.TreeEnsemble;
import org.modellens.profile.format.ModelSummary;

/**
 * Scores rows with the core's model and TreeSHAP, in batches, into a {@link ModelSummary}: the rows
 * are typed as the profile types them ({@link SnapshotBuilder}), turned into the model's inputs by
 * {@link FeatureMatrix#of(Snapshot, Model)}, then each scorable row's margin and contributions are
 * added, and its score as {@code Model.predict} gives it (what the prediction-drift check compares).
 * Tree ensembles (XGBoost, LightGBM) are explained exactly; other models give predictions only.
 * Multiclass models' margins and contributions are of their first output group; their scores are the
 * confidence and the predicted class.
 */
final class ModelScorer {

    private static final int BATCH = 4096;
    /** One loaded model per executor JVM and model digest: loading is costlier than a partition's rows. */
    private static final Map<String, Model> LOADED = new ConcurrentHashMap<>();

    private final Model model;
    private final TreeShap shap;
    private final ModelSummary summary;
    private final List<String> names;
    private final Map<String, ColumnType> types;
    private final Set<String> identifiers;
    private final List<String[]> batch = new ArrayList<>(BATCH);
    private final double[] phi;

    ModelScorer(ModelSpec spec, List<String> names, Map<String, ColumnType> types, Set<String> identifiers, int kllK) {
        this.model = load(spec);
        this.shap = model instanceof TreeEnsemble tree ? new TreeShap(tree) : null;
        this.summary = new ModelSummary(spec.id(), model.features(), shap == null ? Double.NaN : shap.baseValue(0), kllK);
        this.names = names;
        this.types = types;
        this.identifiers = identifiers;
        this.phi = new double[model.features().size()];
    }

    static Model load(ModelSpec spec) {
        return LOADED.computeIfAbsent(spec.id(), id -> {
            try {
                Path file = Files.createTempFile("modellens-model-", "-" + spec.fileName());
                Files.write(file, spec.bytes());
                try {
                    return ModelLoader.load(file, spec.features());
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (UnreadableInputException | java.io.IOException e) {
                throw new IllegalArgumentException("the model " + spec.fileName() + " cannot be loaded: " + e.getMessage(), e);
            }
        });
    }

    void add(String[] cells) {
        batch.add(cells);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    ModelSummary finish() {
        flush();
        return summary;
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        int n = batch.size();
        List<String[]> columns = new ArrayList<>(names.size());
        for (int c = 0; c < names.size(); c++) {
            String[] column = new String[n];
            for (int r = 0; r < n; r++) {
                column[r] = batch.get(r)[c];
            }
            columns.add(column);
        }
        Snapshot snapshot = SnapshotBuilder.build(new RawTable(new SourceInfo(Path.of("batch"), "spark", ""), names, columns, n),
                types, identifiers);
        FeatureMatrix matrix = FeatureMatrix.of(snapshot, model);
        int k = model.outputCount();
        double[] raw = shap == null ? model.rawOutputs(matrix, 0, n) : null;
        // The score the prediction-drift check compares, as the core's predict gives it (a second, cheap walk of the trees).
        Predictions predictions = model.predict(matrix);
        boolean multiclass = "multiclass".equals(model.task()) && predictions.probabilities() != null;
        for (int r = 0; r < n; r++) {
            if (!matrix.scorable(r)) {
                continue;
            }
            if (shap != null) {
                double margin = shap.contributions(matrix.values(), r * matrix.columns(), 0, phi);
                summary.add(margin, phi);
            } else {
                summary.add(raw[r * k], null);
            }
            summary.addScore(predictions.score()[r], multiclass ? ClassifierMetrics.argmax(predictions.probabilities()[r]) : -1);
        }
        batch.clear();
    }
}
