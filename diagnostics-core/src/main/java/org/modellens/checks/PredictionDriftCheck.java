package org.modellens.checks;

import java.util.List;
import java.util.Optional;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.modellens.model.Predictions;
import org.modellens.profile.format.SketchDrift;
import org.modellens.settings.Settings;
import org.modellens.stats.CategoricalDistance;
import org.modellens.stats.ChiSquare;
import org.modellens.stats.ChiSquareResult;
import org.modellens.stats.ClassifierMetrics;
import org.modellens.stats.Descriptive;
import org.modellens.stats.KolmogorovSmirnov;
import org.modellens.stats.KsResult;
import org.modellens.stats.Psi;

/**
 * prediction-drift: the distribution of the model's outputs changed. Binary classifiers and
 * regressions: the score (probability of the positive class, or the prediction) compared like a numeric
 * feature, by KS distance and PSI, the KS p-value as the gate. Multiclass: the mix of predicted classes,
 * by total variation with a chi-square gate. Needs no labels.
 *
 * <p>When both snapshots are profiles made with the model ({@link CheckContext#everyRow()}), the scores
 * of every row are compared instead of the samples': KS distance from the two KLL sketches (within the
 * sum of their rank errors, given as {@code ksBound}), PSI and decision rates from the sketches, means
 * and class counts exact; the evidence says {@code "rows": "every row"}.
 */
public final class PredictionDriftCheck implements Check {

    public static final String ID = "prediction-drift";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        Optional<ModelOutcomes> found = ModelOutcomes.of(context);
        if (found.isEmpty() || found.get().train.scores().length == 0 || found.get().prod.scores().length == 0) {
            return List.of();
        }
        ModelOutcomes o = found.get();
        CheckContext.EveryRowModel all = context.everyRow().filter(e -> e.train().hasScores() && e.prod().hasScores()
                && e.train().scoreRows() > 0 && e.prod().scoreRows() > 0).orElse(null);
        boolean multiclass = ModelOutcomes.MULTICLASS.equals(o.task) && o.run.train().probabilities() != null
                && o.run.prod().probabilities() != null;
        Optional<Finding> finding = multiclass ? classMix(o, context, all) : scores(o, context, all);
        return finding.map(List::of).orElse(List.of());
    }

    private Optional<Finding> scores(ModelOutcomes o, CheckContext context, CheckContext.EveryRowModel all) {
        Settings s = context.settings();
        double threshold = s.get("decision.threshold");
        KsResult ks;
        double psi;
        double trainMean;
        double prodMean;
        long trainRows;
        long prodRows;
        double trainRate;
        double prodRate;
        Evidence evidence = new Evidence();
        if (all != null) {
            KllDoublesSketch train = all.train().scores();
            KllDoublesSketch prod = all.prod().scores();
            ks = KolmogorovSmirnov.fromStatistic(all.train().scoreRows(), all.prod().scoreRows(), SketchDrift.ks(train, prod));
            psi = SketchDrift.psi(train, prod);
            trainMean = all.train().scoreMean();
            prodMean = all.prod().scoreMean();
            trainRows = all.train().scoreRows();
            prodRows = all.prod().scoreRows();
            trainRate = SketchDrift.shareAtLeast(train, threshold);
            prodRate = SketchDrift.shareAtLeast(prod, threshold);
            evidence.put("rows", "every row").put("ksBound", SketchDrift.rankError(train) + SketchDrift.rankError(prod));
        } else {
            double[] train = o.train.scores();
            double[] prod = o.prod.scores();
            ks = KolmogorovSmirnov.twoSample(train, prod);
            psi = Psi.compute(train, prod);
            trainMean = Descriptive.mean(train);
            prodMean = Descriptive.mean(prod);
            trainRows = train.length;
            prodRows = prod.length;
            trainRate = shareAtLeast(train, threshold);
            prodRate = shareAtLeast(prod, threshold);
        }
        boolean significant = ks.pValue() < context.alpha();
        Optional<Severity> byKs = Judgement.grade(significant, ks.statistic(), s.get("predictionDrift.ks.warn"), s.get("predictionDrift.ks.fail"));
        Optional<Severity> byPsi = Judgement.grade(significant, psi, s.get("predictionDrift.psi.warn"), s.get("predictionDrift.psi.fail"));
        Optional<Severity> severity = byKs.isEmpty() ? byPsi
                : byPsi.isEmpty() ? byKs : Optional.of(Severity.max(byKs.get(), byPsi.get()));
        evidence.put("ksStatistic", ks.statistic()).put("ksPValue", ks.pValue()).put("psi", psi)
                .put("trainMeanScore", trainMean).put("prodMeanScore", prodMean)
                .put("trainScoredRows", trainRows).put("prodScoredRows", prodRows);
        String what;
        String decisions = "";
        if (o.binary()) {
            evidence.put("trainDecidedPositiveRate", trainRate).put("prodDecidedPositiveRate", prodRate);
            what = "predicted probability of " + o.positiveClass();
            decisions = " At threshold " + threshold + " the model decides " + o.positiveClass() + " for "
                    + Judgement.percent(prodRate) + " of production rows, against " + Judgement.percent(trainRate) + " in training.";
        } else {
            what = o.regression() ? "prediction" : "confidence (probability of the predicted class)";
        }
        String finalWhat = what;
        String finalDecisions = decisions;
        return severity.map(level -> new Finding(ID, null, level,
                "The model's outputs shifted: " + finalWhat + " averages " + Judgement.number(prodMean) + " in production, "
                        + Judgement.number(trainMean) + " in training (KS " + Judgement.number(ks.statistic()) + ")",
                "The distribution of the model's " + finalWhat + " differs between training and production: KS distance "
                        + Judgement.number(ks.statistic()) + ", PSI " + Judgement.number(psi) + "." + finalDecisions
                        + " The inputs or their relation moved in a way the model reacts to. Warn at KS >= "
                        + s.get("predictionDrift.ks.warn") + " or PSI >= " + s.get("predictionDrift.psi.warn") + ", fail at KS >= "
                        + s.get("predictionDrift.ks.fail") + " or PSI >= " + s.get("predictionDrift.psi.fail") + ".",
                evidence.map(), null));
    }

    private Optional<Finding> classMix(ModelOutcomes o, CheckContext context, CheckContext.EveryRowModel all) {
        Settings s = context.settings();
        int k = o.classes.size();
        boolean counted = all != null && all.train().classCounts().length > 0 && all.prod().classCounts().length > 0;
        long[] train = counted ? fold(all.train().classCounts(), k) : predictedClassCounts(o.run.train(), o.train.scoredRows(), k);
        long[] prod = counted ? fold(all.prod().classCounts(), k) : predictedClassCounts(o.run.prod(), o.prod.scoredRows(), k);
        double[] trainShares = new double[k];
        double[] prodShares = new double[k];
        for (int c = 0; c < k; c++) {
            trainShares[c] = train[c];
            prodShares[c] = prod[c];
        }
        double tvd = CategoricalDistance.totalVariation(trainShares, prodShares);
        ChiSquareResult chi = ChiSquare.twoByK(train, prod);
        KsResult confidence = counted
                ? KolmogorovSmirnov.fromStatistic(all.train().scoreRows(), all.prod().scoreRows(),
                        SketchDrift.ks(all.train().scores(), all.prod().scores()))
                : KolmogorovSmirnov.twoSample(o.train.scores(), o.prod.scores());
        double trainConfidence = counted ? all.train().scoreMean() : Descriptive.mean(o.train.scores());
        double prodConfidence = counted ? all.prod().scoreMean() : Descriptive.mean(o.prod.scores());
        Evidence evidence = new Evidence();
        if (counted) {
            evidence.put("rows", "every row");
        }
        return Judgement.grade(chi.pValue() < context.alpha(), tvd, s.get("predictionDrift.tvd.warn"), s.get("predictionDrift.tvd.fail"))
                .map(level -> new Finding(ID, null, level,
                        "The model predicts a different mix of classes in production (" + Judgement.percent(tvd) + " of rows moved class)",
                        "The share of rows the model assigns to each class differs between training and production: total variation "
                                + Judgement.percent(tvd) + " (chi-square p = " + Judgement.number(chi.pValue()) + "). Warn at "
                                + Judgement.percent(s.get("predictionDrift.tvd.warn")) + ", fail at "
                                + Judgement.percent(s.get("predictionDrift.tvd.fail")) + ".",
                        evidence.put("totalVariation", tvd).put("chiSquare", chi.statistic()).put("chiSquarePValue", chi.pValue())
                                .put("confidenceKsStatistic", confidence.statistic()).put("confidenceKsPValue", confidence.pValue())
                                .put("trainMeanConfidence", trainConfidence)
                                .put("prodMeanConfidence", prodConfidence).map(),
                        null));
    }

    /** Counts of k classes, any beyond the last folded into it (as {@link #predictedClassCounts} does). */
    private static long[] fold(long[] counts, int k) {
        long[] out = new long[k];
        for (int c = 0; c < counts.length; c++) {
            out[Math.min(c, k - 1)] += counts[c];
        }
        return out;
    }

    private static long[] predictedClassCounts(Predictions predictions, int[] rows, int classes) {
        long[] counts = new long[classes];
        for (int row : rows) {
            double[] p = predictions.probabilities()[row];
            counts[Math.min(ClassifierMetrics.argmax(p), classes - 1)]++;
        }
        return counts;
    }

    private static double shareAtLeast(double[] values, double threshold) {
        long count = 0;
        for (double v : values) {
            if (v >= threshold) {
                count++;
            }
        }
        return (double) count / values.length;
    }
}
