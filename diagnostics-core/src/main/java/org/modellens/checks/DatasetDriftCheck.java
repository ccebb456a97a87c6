package org.modellens.checks;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.modellens.data.ColumnType;
import org.modellens.profile.FeatureComparison;
import org.modellens.settings.Settings;

/**
 * dataset-drift: the joint distribution of the inputs changed, judged by adversarial validation (a
 * domain classifier trained to tell production rows from training rows, see {@link DomainClassifier}).
 * Effect: its out-of-fold AUC; gate: the Mann-Whitney test of that AUC against 0.5. It catches what
 * per-column checks miss (a changed correlation) and says which inputs make the two sides tell apart.
 * Needs no labels, and no model: it runs whenever a model is given, and without one when
 * {@code datasetDrift.withoutModel} is 1 (it costs about 0.5 s of CPU in a cold JVM, too much for the
 * 2 s budget of a model-less diagnosis). Date columns are left out (time always separates the two sides).
 */
public final class DatasetDriftCheck implements Check {

    public static final String ID = "dataset-drift";

    /** Seed of the sample, the folds and the forest: fixed, so a report is reproducible. */
    private static final long SEED = 20_261_123L;
    /** How many driving features a finding names. */
    private static final int NAMED_FEATURES = 5;
    private static final int MIN_ROWS = 50;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        Settings s = context.settings();
        int sampleRows = s.getInt("datasetDrift.sampleRows");
        List<FeatureComparison> inputs = context.sharedFeatures().stream()
                .filter(f -> f.type() == ColumnType.NUMERIC || f.train().isCategorical())
                .filter(f -> f.type() == ColumnType.NUMERIC || f.trainCategories() != null)
                .collect(Collectors.toList());
        // Off the model-less default path unless asked for: see datasetDrift.withoutModel.
        boolean wanted = context.model().isPresent() || s.get("datasetDrift.withoutModel") > 0;
        if (!wanted || sampleRows == 0 || inputs.isEmpty() || context.train().rows() < MIN_ROWS || context.prod().rows() < MIN_ROWS) {
            return List.of();
        }
        int folds = Math.max(2, s.getInt("datasetDrift.folds"));
        DomainClassifier.Result result = new DomainClassifier(inputs, s.getInt("drift.categorical.topCategories"),
                s.get("drift.categorical.minShare"))
                .run(sampleRows, folds, Math.max(1, s.getInt("datasetDrift.epochs")), SEED);
        double n1 = result.trainRows();
        double n2 = result.prodRows();
        double z = (result.auc() - 0.5) / Math.sqrt((n1 + n2 + 1) / (12 * n1 * n2));
        double p = new NormalDistribution(0, 1).cumulativeProbability(-z);
        boolean significant = p < context.alpha();
        double warn = s.get("datasetDrift.auc.warn");
        double fail = s.get("datasetDrift.auc.fail");
        // Graded on the AUC above chance, so the usual "effect above zero" rule applies.
        return Judgement.grade(significant, result.auc() - 0.5, warn - 0.5, fail - 0.5)
                .map(level -> List.of(finding(level, result, p, folds, warn, fail, sampleRows)))
                .orElse(List.of());
    }

    private Finding finding(Severity level, DomainClassifier.Result result, double p, int folds, double warn, double fail, int sampleRows) {
        List<Map.Entry<String, Double>> drivers = result.featureAucs().subList(0, Math.min(NAMED_FEATURES, result.featureAucs().size()));
        String named = drivers.stream().map(e -> e.getKey() + " (" + Judgement.number(e.getValue()) + ")")
                .collect(Collectors.joining(", "));
        Evidence evidence = new Evidence().put("domainAuc", result.auc()).put("pValue", p).put("folds", (long) folds)
                .put("trainSampleRows", (long) result.trainRows()).put("prodSampleRows", (long) result.prodRows())
                .put("sampled", "at most " + sampleRows + " rows a side, seeded");
        for (int i = 0; i < drivers.size(); i++) {
            evidence.put("driver" + (i + 1), drivers.get(i).getKey()).put("driver" + (i + 1) + "Auc", drivers.get(i).getValue());
        }
        return new Finding(ID, null, level,
                "A classifier tells production rows from training rows with AUC " + Judgement.number(result.auc())
                        + (drivers.isEmpty() ? "" : ", mostly by " + drivers.get(0).getKey()),
                "A logistic regression trained to tell the two snapshots apart (adversarial validation, " + folds + "-fold cross-validated on "
                        + result.trainRows() + " training and " + result.prodRows() + " production rows sampled at random) reaches an AUC of "
                        + Judgement.number(result.auc()) + " (0.5 means the inputs look the same). Production is a different population"
                        + " from the one the model learnt. The inputs that separate the two sides most on their own (single-feature AUC): "
                        + named + ". Warn at AUC " + warn + ", fail at " + fail + ".",
                evidence.map(), null);
    }
}
