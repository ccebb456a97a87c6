package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.modellens.settings.Settings;
import org.modellens.stats.AucComparison;
import org.modellens.stats.IsotonicCalibration;
import org.modellens.stats.Proportions;

/**
 * performance-drop: the model does worse on labelled production rows than on its baseline: the held-out
 * reference data ({@code --reference}) when given, else the training rows (in-sample, optimistic). Binary: the
 * AUC drop (DeLong gate); multiclass, or binary when production holds a single class: the accuracy
 * drop (two-proportion gate); regression: the relative RMSE increase (z-test on the mean squared
 * error). Without production labels a binary classifier's AUC is estimated from its calibrated
 * confidence (CBPE), reported as an estimate and never graver than warn.
 */
public final class PerformanceDropCheck implements Check {

    public static final String ID = "performance-drop";

    /** Seed of the bootstrap that gates the estimated drop: fixed, so a report is reproducible. */
    private static final long BOOTSTRAP_SEED = 20_261_123L;

    private static final String TRAINING_CAVEAT = " Training figures are measured on the training snapshot: if the model was fit"
            + " on those rows they are optimistic, and part of the gap is overfitting rather than change.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        Optional<ModelOutcomes> found = ModelOutcomes.of(context);
        if (found.isEmpty()) {
            return List.of();
        }
        ModelOutcomes outcomes = found.get();
        List<Finding> findings = new ArrayList<>();
        if (context.target().isEmpty()) {
            findings.add(info("No target column was given: the model's performance cannot be measured",
                    "Give --target with the column holding the true outcome to measure performance on training and production."));
            return findings;
        }
        String target = context.target().get();
        if (!outcomes.unmatchedLabels.isEmpty()) {
            findings.add(unmatchedLabels(outcomes, target));
        }
        if (outcomes.baseline().labelled() == 0) {
            return findings;
        }
        if (outcomes.prod.labelled() == 0) {
            estimated(outcomes, context).ifPresent(findings::add);
            return findings;
        }
        measured(outcomes, context).ifPresent(findings::add);
        return findings;
    }

    private Optional<Finding> measured(ModelOutcomes o, CheckContext context) {
        Settings s = context.settings();
        double threshold = s.get("decision.threshold");
        Map<String, Double> train = ModelMeasures.of(o, o.baseline(), threshold);
        Map<String, Double> prod = ModelMeasures.of(o, o.prod, threshold);
        if (o.regression()) {
            return rmse(o, train, prod, s, context.alpha());
        }
        if (o.binary() && train.containsKey("auc") && prod.containsKey("auc")) {
            return auc(o, train, prod, s, context.alpha());
        }
        return accuracy(o, train, prod, threshold, s, context.alpha());
    }

    private Optional<Finding> auc(ModelOutcomes o, Map<String, Double> train, Map<String, Double> prod, Settings s, double alpha) {
        double trainAuc = train.get("auc");
        double prodAuc = prod.get("auc");
        double trainVariance = AucComparison.delongVariance(o.baseline().score(), o.baseline().positive());
        double prodVariance = AucComparison.delongVariance(o.prod.score(), o.prod.positive());
        double p = AucComparison.pValue(trainAuc, trainVariance, prodAuc, prodVariance);
        double drop = trainAuc - prodAuc;
        return Judgement.grade(p < alpha, drop, s.get("performance.aucDrop.warn"), s.get("performance.aucDrop.fail"))
                .map(level -> finding(level,
                        "The model ranks production cases worse: AUC " + Judgement.number(trainAuc) + " " + where(o) + ", "
                                + Judgement.number(prodAuc) + " in production",
                        "On the labelled production rows the model's AUC fell by " + points(drop) + " (DeLong test p = "
                                + Judgement.number(p) + "); accuracy at threshold " + s.get("decision.threshold") + " went from "
                                + Judgement.percent(train.getOrDefault("accuracy", Double.NaN)) + " to "
                                + Judgement.percent(prod.getOrDefault("accuracy", Double.NaN)) + ". Warn at a drop of "
                                + points(s.get("performance.aucDrop.warn")) + ", fail at " + points(s.get("performance.aucDrop.fail"))
                                + "." + caveat(o),
                        evidence(o, train, prod).put("aucDrop", drop).put("delongPValue", p)));
    }

    private Optional<Finding> accuracy(ModelOutcomes o, Map<String, Double> train, Map<String, Double> prod, double threshold,
                                       Settings s, double alpha) {
        if (!o.binary() && o.baseline().probabilities() == null) {
            return Optional.empty();
        }
        long trainCorrect = ModelMeasures.correct(o, o.baseline(), threshold);
        long prodCorrect = ModelMeasures.correct(o, o.prod, threshold);
        double trainAccuracy = (double) trainCorrect / o.baseline().labelled();
        double prodAccuracy = (double) prodCorrect / o.prod.labelled();
        double p = Proportions.twoProportionPValue(trainCorrect, o.baseline().labelled(), prodCorrect, o.prod.labelled());
        double drop = trainAccuracy - prodAccuracy;
        return Judgement.grade(p < alpha, drop, s.get("performance.accuracyDrop.warn"), s.get("performance.accuracyDrop.fail"))
                .map(level -> finding(level,
                        "The model is right less often in production: accuracy " + Judgement.percent(trainAccuracy)
                                + " " + where(o) + ", " + Judgement.percent(prodAccuracy) + " in production",
                        "On the labelled production rows the share of correct decisions fell by " + points(drop)
                                + " (two-proportion test p = " + Judgement.number(p) + "). Warn at a drop of "
                                + points(s.get("performance.accuracyDrop.warn")) + ", fail at "
                                + points(s.get("performance.accuracyDrop.fail")) + "." + caveat(o),
                        evidence(o, train, prod).put("accuracyDrop", drop).put("pValue", p)));
    }

    private Optional<Finding> rmse(ModelOutcomes o, Map<String, Double> train, Map<String, Double> prod, Settings s, double alpha) {
        double[] trainSquares = squaredErrors(o.baseline());
        double[] prodSquares = squaredErrors(o.prod);
        double trainMse = mean(trainSquares);
        double prodMse = mean(prodSquares);
        double se = Math.sqrt(variance(trainSquares, trainMse) / trainSquares.length + variance(prodSquares, prodMse) / prodSquares.length);
        double p = se > 0 ? 2 * new org.hipparchus.distribution.continuous.NormalDistribution(0, 1)
                .cumulativeProbability(-Math.abs(prodMse - trainMse) / se) : (prodMse == trainMse ? 1 : 0);
        double increase = Math.sqrt(prodMse) / Math.sqrt(trainMse) - 1;
        return Judgement.grade(p < alpha, increase, s.get("performance.rmseIncrease.warn"), s.get("performance.rmseIncrease.fail"))
                .map(level -> finding(level,
                        "The model's errors are larger in production: RMSE " + Judgement.number(train.get("rmse")) + " " + where(o) + ", "
                                + Judgement.number(prod.get("rmse")) + " in production (+" + Judgement.percent(increase) + ")",
                        "On the labelled production rows the root mean squared error grew by " + Judgement.percent(increase)
                                + " (z-test on the mean squared error p = " + Judgement.number(p) + "); R² went from "
                                + Judgement.number(train.getOrDefault("r2", Double.NaN)) + " to "
                                + Judgement.number(prod.getOrDefault("r2", Double.NaN)) + ". Warn at +"
                                + Judgement.percent(s.get("performance.rmseIncrease.warn")) + ", fail at +"
                                + Judgement.percent(s.get("performance.rmseIncrease.fail")) + "." + caveat(o),
                        evidence(o, train, prod).put("rmseIncrease", increase).put("pValue", p)));
    }

    private Optional<Finding> estimated(ModelOutcomes o, CheckContext context) {
        Settings s = context.settings();
        double threshold = s.get("decision.threshold");
        Optional<IsotonicCalibration> calibration = PerformanceEstimate.calibration(o);
        Optional<PerformanceEstimate> estimate = calibration.flatMap(c -> PerformanceEstimate.of(o, c, threshold));
        Map<String, Double> train = ModelMeasures.of(o, o.baseline(), threshold);
        if (calibration.isEmpty() || estimate.isEmpty() || !train.containsKey("auc")) {
            if (!o.binary()) {
                return Optional.of(info("Production has no labels: the " + o.task + " model's performance cannot be measured",
                        "The production snapshot has no values in " + context.target().orElse("the target")
                                + ". Performance can be estimated without labels only for binary classifiers."));
            }
            return Optional.empty();
        }
        double estimatedAuc = estimate.get().auc();
        double trainAuc = train.get("auc");
        double variance = AucComparison.delongVariance(o.baseline().score(), o.baseline().positive())
                + PerformanceEstimate.bootstrapVariance(o, calibration.get(), s.getInt("performance.estimate.bootstrapRows"),
                s.getInt("performance.estimate.bootstrapRounds"), BOOTSTRAP_SEED);
        double p = AucComparison.pValue(trainAuc, 0, estimatedAuc, variance);
        double drop = trainAuc - estimatedAuc;
        double warn = s.get("performance.aucDrop.warn");
        // An estimate is at most a warn: it rests on the baseline's calibration still holding.
        return Judgement.grade(p < context.alpha(), drop, warn, Double.POSITIVE_INFINITY)
                .map(level -> finding(level,
                        "Estimated from the model's confidence (no production labels): AUC " + Judgement.number(trainAuc)
                                + " " + where(o) + ", an estimated " + Judgement.number(estimatedAuc) + " in production",
                        "Production has no labels, so its performance is estimated (confidence-based performance estimation):"
                                + " the model's scores are calibrated on the " + (o.baselineInSample() ? "training" : "reference")
                                + " labels, and the production scores then imply"
                                + " an expected AUC " + points(drop) + " lower, an expected accuracy of "
                                + Judgement.percent(estimate.get().confusion().accuracy()) + " and an expected F1 of "
                                + Judgement.number(estimate.get().confusion().f1()) + ". It is an estimate: it assumes the relation between"
                                + " score and outcome did not change, which only labels can confirm. Warn at an estimated drop of "
                                + points(warn) + "." + caveat(o),
                        evidence(o, train, Map.of()).put("estimated", "true").put("estimatedProdAuc", estimatedAuc)
                                .put("estimatedProdAccuracy", estimate.get().confusion().accuracy())
                                .put("estimatedProdF1", estimate.get().confusion().f1())
                                .put("estimatedAucDrop", drop).put("pValue", p)
                                .put("prodRows", (long) o.prod.scores().length)));
    }

    private Finding unmatchedLabels(ModelOutcomes o, String target) {
        long rows = o.unmatchedLabels.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder values = new StringBuilder();
        o.unmatchedLabels.keySet().stream().limit(10).forEach(v -> values.append(values.length() == 0 ? "" : ", ").append('\'').append(v).append('\''));
        String expected = o.regression() ? "numbers" : "the model's classes " + String.join(", ", o.classes);
        return new Finding(ID, target, Severity.INFO,
                rows + " rows have a " + target + " value that does not match " + (o.regression() ? "a number" : "the model's classes"),
                "The values " + values + " of " + target + " could not be matched to " + expected
                        + " (matched: same text, same number, same truth value such as 1/true/yes, or same text in another case)."
                        + " Those rows are left out of the performance figures.",
                new Evidence().put("unmatchedRows", rows).put("unmatchedValues", values.toString())
                        .put("modelClasses", String.join(", ", o.classes)).map(), null);
    }

    /** Where the baseline figures come from, for titles: "in training" or "on the reference data". */
    private static String where(ModelOutcomes o) {
        return o.baselineInSample() ? "in training" : "on the held-out reference data";
    }

    private static String caveat(ModelOutcomes o) {
        return o.baselineInSample() ? TRAINING_CAVEAT
                : " The baseline is the reference data (--reference), held out from training, so the gap is change, not overfitting.";
    }

    /** Baseline figures as train* (in-sample) or reference* evidence, production figures as prod*. */
    private static Evidence evidence(ModelOutcomes o, Map<String, Double> train, Map<String, Double> prod) {
        Evidence evidence = new Evidence();
        String prefix = o.baselineInSample() ? "train" : "reference";
        evidence.put("baseline", o.baselineInSample() ? "training-in-sample" : "reference");
        train.forEach((name, value) -> evidence.put(prefix + capitalised(name), value));
        prod.forEach((name, value) -> evidence.put("prod" + capitalised(name), value));
        return evidence;
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private Finding finding(Severity level, String title, String detail, Evidence evidence) {
        return new Finding(ID, null, level, title, detail, evidence.map(), null);
    }

    private Finding info(String title, String detail) {
        return new Finding(ID, null, Severity.INFO, title, detail, Map.of(), null);
    }

    private static String points(double drop) {
        return String.format(java.util.Locale.ROOT, "%.1f points", drop * 100);
    }

    private static double[] squaredErrors(ModelOutcomes.Side side) {
        double[] out = new double[side.labelled()];
        for (int i = 0; i < out.length; i++) {
            double d = side.actual()[i] - side.score()[i];
            out[i] = d * d;
        }
        return out;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return values.length > 1 ? sum / (values.length - 1) : 0;
    }
}
