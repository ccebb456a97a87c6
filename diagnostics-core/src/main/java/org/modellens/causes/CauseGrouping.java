package org.modellens.causes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.modellens.checks.CheckContext;
import org.modellens.checks.DatasetDriftCheck;
import org.modellens.checks.Finding;
import org.modellens.checks.PerformanceDropCheck;
import org.modellens.checks.PredictionDriftCheck;
import org.modellens.checks.Severity;
import org.modellens.model.ModelRun;
import org.modellens.report.Explanations;

/**
 * Turns the report's final findings into causes (DESIGN.md section 5): every warn or fail finding ends
 * in exactly one cause, and each cause holds at least one warn or fail finding. Info findings join the
 * cause of their column where there is one; on their own they make no cause.
 *
 * <p>Steps: the column rules of {@link CauseRules}, in their order; then the findings about the model as
 * a whole, attached where the measurements point (dataset drift to the cause of the domain
 * classifier's strongest driver, prediction drift to the cause that moves the mean output most,
 * a performance drop to the concept shift or else to that same cause); then any alarm no rule took
 * becomes a cause of its own. Each cause's impact is measured here as far as no rescoring is needed:
 * rows touched, whether the model reads its columns, their importance and its part of the prediction
 * shift. The order is {@link CauseRanking}'s.
 */
public final class CauseGrouping {

    private CauseGrouping() {
    }

    /**
     * @param findings     the report's findings, final (sorted, masked): causes point into this list
     * @param context      the snapshots and the model run the findings came from
     * @param explanations the model's attributions, or {@code null} without a model
     * @return the causes, in the order the rules made them (not yet ranked)
     */
    public static List<Cause> group(List<Finding> findings, CheckContext context, Explanations explanations) {
        List<String> modelFeatures = context.model().map(ModelRun::features).orElse(List.of());
        return group(findings, modelFeatures, context.prod().fileRows(), explanations);
    }

    /**
     * @param modelFeatures the model's inputs; empty without a model
     * @param prodRows      production rows (of the file, where it was sampled)
     */
    public static List<Cause> group(List<Finding> findings, List<String> modelFeatures, long prodRows,
                                    Explanations explanations) {
        Pool pool = new Pool(findings);
        CauseRules.COLUMN_RULES.forEach(rule -> rule.apply().accept(pool));
        Shifts shifts = new Shifts(pool, Set.copyOf(modelFeatures), explanations);
        attachDatasetDrift(pool);
        attachPredictionDrift(pool, shifts);
        attachPerformanceDrop(pool, shifts);
        for (int i : pool.open(f -> f.severity() != Severity.INFO)) {
            Finding f = pool.finding(i);
            pool.start(CauseRules.kindOf(f.check()), f.feature() == null ? List.of() : List.of(f.feature()), i);
        }
        for (int i : pool.open(f -> f.feature() != null)) {
            Draft owner = pool.owner(pool.finding(i).feature());
            if (owner != null) {
                pool.claim(owner, i);
            }
        }
        List<Cause> causes = new ArrayList<>();
        for (Draft draft : pool.drafts) {
            causes.add(build(pool, draft, modelFeatures, prodRows, shifts, causes.size() + 1));
        }
        return causes;
    }

    /** Dataset drift is told by its strongest driver: it joins that column's cause, or is a covariate shift of its own. */
    private static void attachDatasetDrift(Pool pool) {
        for (int i : pool.open(f -> f.check().equals(DatasetDriftCheck.ID))) {
            Finding f = pool.finding(i);
            Object driver = f.evidence().get("driver1");
            Draft owner = driver == null ? null : pool.owner(driver.toString());
            if (owner != null) {
                pool.claim(owner, i);
            } else if (f.severity() != Severity.INFO) {
                pool.start(CauseRules.COVARIATE_SHIFT, List.of(), i);
            }
        }
    }

    /** Prediction drift belongs to the cause whose columns move the mean model output most. */
    private static void attachPredictionDrift(Pool pool, Shifts shifts) {
        for (int i : pool.open(f -> f.check().equals(PredictionDriftCheck.ID))) {
            Optional<Draft> owner = shifts.largest();
            if (owner.isPresent()) {
                pool.claim(owner.get(), i);
            } else if (pool.finding(i).severity() != Severity.INFO) {
                pool.start(CauseRules.PREDICTION_SHIFT, List.of(), i);
            }
        }
    }

    /**
     * A performance drop with a concept shift found is told with it (the outcome's relation to the
     * inputs moved); otherwise with the cause that moves the model's output most, then the label shift.
     */
    private static void attachPerformanceDrop(Pool pool, Shifts shifts) {
        for (int i : pool.open(f -> f.check().equals(PerformanceDropCheck.ID))) {
            Optional<Draft> owner = pool.drafts.stream().filter(d -> d.kind.equals(CauseRules.CONCEPT_SHIFT)).findFirst()
                    .or(shifts::largest)
                    .or(() -> pool.drafts.stream().filter(d -> d.kind.equals(CauseRules.LABEL_SHIFT)).findFirst());
            if (owner.isPresent()) {
                pool.claim(owner.get(), i);
            } else if (pool.finding(i).severity() != Severity.INFO) {
                pool.start(CauseRules.PERFORMANCE_DROP, List.of(), i);
            }
        }
    }

    private static Cause build(Pool pool, Draft draft, List<String> modelFeatures, long prodRows, Shifts shifts, int rank) {
        List<String> features = List.copyOf(draft.features);
        Finding trigger = pool.finding(draft.trigger());
        boolean hasModel = !modelFeatures.isEmpty();
        boolean modelInput = features.stream().anyMatch(modelFeatures::contains);
        Severity severity = draft.findings.stream().map(pool::finding).map(Finding::severity).max(Comparator.naturalOrder())
                .orElseThrow();
        long rows = CauseRules.rows(pool, draft);
        boolean training = draft.findings.stream().map(pool::finding).allMatch(CauseGrouping::aboutTraining);
        if (!training && (rows == 0 || CauseRules.WHOLE_COLUMN_KINDS.contains(draft.kind) && !features.isEmpty())) {
            // A change of a whole column (or of the dataset, where no finding lists rows) touches every production row.
            rows = prodRows;
        }
        CauseImpact impact = new CauseImpact(rows, prodRows > 0 ? (double) rows / prodRows : Double.NaN,
                shifts.importance(draft), shifts.of(draft), Double.NaN, null);
        List<Integer> indices = draft.findings.stream().sorted().toList();
        return new Cause(rank, draft.kind, features, modelInput, severity, CauseText.title(draft.kind, features, trigger),
                CauseText.whatToDo(draft.kind, features, trigger, modelInput, hasModel), indices, impact);
    }

    /** A finding about the training snapshot only (duplicates or conflicting labels in training): no production rows. */
    private static boolean aboutTraining(Finding f) {
        return "training".equals(f.evidence().get("snapshot")) || "training".equals(f.evidence().get("side"));
    }

    /**
     * The model's view of the drafts: importance of their model inputs, and their part of the change of
     * the mean output. Each model input's part goes to the first cause (in rule order) that names it,
     * so the parts of all causes and of the features in no cause add up to the whole change.
     */
    static final class Shifts {

        private final Pool pool;
        private final Set<String> modelFeatures;
        private final Explanations explanations;
        private final Map<String, Double> byFeature;

        Shifts(Pool pool, Set<String> modelFeatures, Explanations explanations) {
            this.pool = pool;
            this.modelFeatures = modelFeatures;
            this.explanations = explanations;
            this.byFeature = explanations == null ? Map.of() : explanations.predictionShiftByFeature();
        }

        /** The draft's part of the change of the mean model output; NaN when it owns no explained model input. */
        double of(Draft draft) {
            double sum = 0;
            boolean any = false;
            for (String feature : draft.features) {
                Double part = byFeature.get(feature);
                if (part != null && modelFeatures.contains(feature) && pool.owner(feature) == draft) {
                    sum += part;
                    any = true;
                }
            }
            return any ? sum : Double.NaN;
        }

        /** Mean |contribution| of the draft's model inputs on each side, summed; null without them. */
        CauseImpact.Importance importance(Draft draft) {
            if (explanations == null || draft.features.stream().noneMatch(modelFeatures::contains)) {
                return null;
            }
            return new CauseImpact.Importance(sum(draft, explanations.globalTrain()), sum(draft, explanations.globalProd()));
        }

        private double sum(Draft draft, Map<String, Double> importance) {
            if (importance.isEmpty()) {
                return Double.NaN;
            }
            return draft.features.stream().filter(modelFeatures::contains)
                    .mapToDouble(f -> importance.getOrDefault(f, 0.0)).sum();
        }

        /** The draft with the largest |prediction shift|, if any was measured. */
        Optional<Draft> largest() {
            return pool.drafts.stream().filter(d -> Double.isFinite(of(d)))
                    .max(Comparator.comparingDouble(d -> Math.abs(of(d))));
        }
    }
}
