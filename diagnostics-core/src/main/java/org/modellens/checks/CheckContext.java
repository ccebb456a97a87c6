package org.modellens.checks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.modellens.data.Snapshot;
import org.modellens.model.ModelRun;
import org.modellens.model.Predictions;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.FeatureRole;
import org.modellens.profile.format.ModelSummary;
import org.modellens.settings.Settings;

/**
 * What every check sees: both snapshots, the target (if any), the thresholds and the per-column
 * comparisons computed once beforehand.
 */
public final class CheckContext {

    private final Snapshot train;
    private final Snapshot prod;
    private final String target;
    private final Settings settings;
    private final List<FeatureComparison> comparisons;
    private final Map<String, FeatureComparison> byName;
    private final ModelRun model;
    private final Snapshot reference;
    private final Predictions referencePredictions;
    private EveryRowModel everyRow;

    /**
     * What the model made of every row of both snapshots, from profiles made with the same model file: the
     * prediction-drift check reads the scores' sketches and moments instead of scoring the samples.
     */
    public record EveryRowModel(ModelSummary train, ModelSummary prod) {
    }

    public CheckContext(Snapshot train, Snapshot prod, String target, Settings settings, List<FeatureComparison> comparisons) {
        this(train, prod, target, settings, comparisons, null);
    }

    /** @param model the model applied to both snapshots, or {@code null} when none was given */
    public CheckContext(Snapshot train, Snapshot prod, String target, Settings settings, List<FeatureComparison> comparisons,
                        ModelRun model) {
        this(train, prod, target, settings, comparisons, model, null, null);
    }

    private CheckContext(Snapshot train, Snapshot prod, String target, Settings settings, List<FeatureComparison> comparisons,
                         ModelRun model, Snapshot reference, Predictions referencePredictions) {
        this.reference = reference;
        this.referencePredictions = referencePredictions;
        this.model = model;
        this.train = train;
        // Production's exact figures count against training (a streamed file was counted so in its pass).
        this.prod = prod.comparedWith(train, settings.get("outliers.rangeMultiple"));
        this.target = target;
        this.settings = settings;
        this.comparisons = List.copyOf(comparisons);
        this.byName = comparisons.stream().collect(Collectors.toMap(FeatureComparison::name, Function.identity()));
    }

    public Snapshot train() {
        return train;
    }

    public Snapshot prod() {
        return prod;
    }

    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    public Settings settings() {
        return settings;
    }

    public List<FeatureComparison> comparisons() {
        return comparisons;
    }

    /** Comparisons of input features present in both snapshots (no target, no identifiers). */
    public List<FeatureComparison> sharedFeatures() {
        return comparisons.stream()
                .filter(c -> c.role() == FeatureRole.FEATURE && c.prod() != null)
                .collect(Collectors.toList());
    }

    public Optional<FeatureComparison> comparison(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The model applied to both snapshots, when one was given. */
    public Optional<ModelRun> model() {
        return Optional.ofNullable(model);
    }

    /**
     * The same context with held-out reference data ({@code --reference}) and the model's outputs on it: the
     * baseline of the model-level checks instead of the in-sample training rows.
     *
     * @param referenceSnapshot labelled data of the training period the model never trained on
     * @param predictions       the model's outputs on every row of it
     */
    public CheckContext withReference(Snapshot referenceSnapshot, Predictions predictions) {
        CheckContext context = new CheckContext(train, prod, target, settings, comparisons, model, referenceSnapshot, predictions);
        context.everyRow = everyRow;
        return context;
    }

    /** The same context with the model's summaries of every row of both snapshots ({@code null}: none). */
    public CheckContext withEveryRow(EveryRowModel summaries) {
        CheckContext context = new CheckContext(train, prod, target, settings, comparisons, model, reference, referencePredictions);
        context.everyRow = summaries;
        return context;
    }

    /** The model's summaries of every row of both snapshots, when both are profiles made with the model. */
    public Optional<EveryRowModel> everyRow() {
        return Optional.ofNullable(everyRow);
    }

    /** Held-out reference data, when given. */
    public Optional<Snapshot> reference() {
        return Optional.ofNullable(reference);
    }

    /** The model's outputs on the reference data, when both were given. */
    public Optional<Predictions> referencePredictions() {
        return Optional.ofNullable(referencePredictions);
    }

    public double alpha() {
        return settings.get("significance.alpha");
    }
}
