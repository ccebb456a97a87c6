package org.modellens.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.profile.CategoryCounts;
import org.modellens.profile.FeatureComparison;
import org.modellens.settings.Settings;
import org.modellens.stats.ClassifierMetrics;
import org.modellens.stats.IsotonicCalibration;

/**
 * concept-drift: the outcome given the inputs changed, P(y | x), even where the inputs did not. Each
 * labelled row's residual is its outcome minus what its score meant on the baseline (the score mapped
 * through an isotonic calibration learnt on the baseline's labels: the held-out reference when given,
 * else training, in-sample). The mean residual is compared, baseline against production, within
 * segments of every input (categories, training deciles): a pure covariate
 * shift moves rows between segments but leaves each segment's mean residual where it was, so it does
 * not fire; a changed relation moves it. The segments where it moved most are named with their sizes
 * and error rates.
 *
 * <p>A segment must be a part of the population, not all of it: one holding {@code
 * conceptDrift.segment.maxShare} or more of the labelled rows on either side only restates the overall
 * shift (label drift, the performance drop). Columns that cannot define a segment at all: a leak (its
 * values are the outcome, so the residual within them moves by construction when production has no
 * outcome yet) and a constant or near-constant column on either side (its top value holds {@code
 * maxShare} of the rows; stuck in production, or a constant fill in training).
 */
public final class ConceptDriftCheck implements Check {

    public static final String ID = "concept-drift";

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
    /** How many segments a finding names. */
    private static final int NAMED_SEGMENTS = 3;

    @Override
    public String id() {
        return ID;
    }

    /** Sums of one segment on one side. */
    private static final class Tally {
        long rows;
        double sum;
        double sumSquares;
        long errors;
        double sumSquaredError;

        void add(double residual, boolean error, double squaredError) {
            rows++;
            sum += residual;
            sumSquares += residual * residual;
            if (error) {
                errors++;
            }
            sumSquaredError += squaredError;
        }

        double mean() {
            return sum / rows;
        }

        double variance() {
            return rows > 1 ? Math.max(0, (sumSquares - rows * mean() * mean()) / (rows - 1)) : 0;
        }
    }

    /** One compared segment. */
    private record Shift(Segments segments, int segment, Tally train, Tally prod, double shift, double effect, double pValue,
                         boolean wholeBaseline) {
    }

    @Override
    public List<Finding> run(CheckContext context) {
        Optional<ModelOutcomes> found = ModelOutcomes.of(context);
        if (found.isEmpty() || found.get().train.labelled() < 2 || found.get().prod.labelled() < 2) {
            return List.of();
        }
        ModelOutcomes o = found.get();
        // The baseline is the held-out reference when there is one: on the rows it was fitted to, a model's scores
        // are sharper than anywhere else, so calibrating on them makes any new data look like a changed concept.
        ModelOutcomes.Side base = o.baseline();
        Snapshot baseSnapshot = o.baselineInSample() ? context.train() : context.reference().orElseThrow();
        if (base.labelled() < 2
                || !o.regression() && (o.binary() ? base.positive() == null : base.probabilities() == null)) {
            return List.of();
        }
        Settings s = context.settings();
        double threshold = s.get("decision.threshold");
        Residuals train;
        Residuals prod;
        IsotonicCalibration calibration = calibration(o, base);
        train = residuals(o, base, calibration, threshold);
        prod = residuals(o, o.prod, calibration, threshold);
        double scale = o.regression() ? Math.sqrt(train.meanSquare()) : 1.0;
        if (!(scale > 0)) {
            return List.of();
        }

        int minRows = s.getInt("conceptDrift.segment.minRows");
        double minShare = s.get("conceptDrift.segment.minShare");
        double maxShare = s.get("conceptDrift.segment.maxShare");
        Set<String> leaks = new LeakageCheck().run(context).stream().filter(f -> f.severity() != Severity.INFO)
                .map(Finding::feature).filter(Objects::nonNull).collect(Collectors.toSet());
        List<Shift> shifts = new ArrayList<>();
        for (FeatureComparison feature : context.sharedFeatures()) {
            if (leaks.contains(feature.name()) || topShare(feature) >= maxShare) {
                continue;
            }
            Segments segments = Segments.of(feature, s.getInt("drift.categorical.topCategories"), s.get("drift.categorical.minShare"));
            if (segments == null) {
                continue;
            }
            Optional<Column> baseColumn = baseSnapshot.column(feature.name());
            if (baseColumn.isEmpty()) {
                continue;
            }
            Tally[] trainTallies = tally(segments, baseColumn.get(), base.labelledRows(), train);
            Tally[] prodTallies = tally(segments, feature.prod(), o.prod.labelledRows(), prod);
            for (int k = 0; k < segments.count(); k++) {
                Tally p = prodTallies[k];
                // A segment the baseline hardly had (new categories pooled as "other", values missing only now): the model's
                // calibrated scores promise a mean residual of zero on any rows whose outcome depends on the inputs alone,
                // so production is compared with all of the baseline.
                boolean wholeBaseline = trainTallies[k].rows < minRows;
                Tally t = wholeBaseline ? overall(trainTallies) : trainTallies[k];
                if (t.rows < minRows || p.rows < minRows || (double) p.rows / o.prod.labelled() < minShare
                        || (double) p.rows / o.prod.labelled() >= maxShare
                        || (double) trainTallies[k].rows / base.labelled() >= maxShare) {
                    continue;
                }
                double shift = p.mean() - t.mean();
                double se = Math.sqrt(t.variance() / t.rows + p.variance() / p.rows);
                double pValue = se > 0 ? 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(shift) / se) : (shift == 0 ? 1 : 0);
                shifts.add(new Shift(segments, k, t, p, shift, Math.abs(shift) / scale, pValue, wholeBaseline));
            }
        }
        if (shifts.isEmpty()) {
            return List.of();
        }
        double gate = context.alpha() / shifts.size();
        String warnKey = o.regression() ? "conceptDrift.residualShift.warn" : "conceptDrift.probabilityShift.warn";
        String failKey = o.regression() ? "conceptDrift.residualShift.fail" : "conceptDrift.probabilityShift.fail";
        List<Shift> significant = shifts.stream().filter(x -> x.pValue() < gate)
                .sorted(Comparator.comparingDouble(Shift::effect).reversed()).toList();
        if (significant.isEmpty()) {
            return List.of();
        }
        Shift worst = significant.get(0);
        return Judgement.grade(true, worst.effect(), s.get(warnKey), s.get(failKey))
                .map(level -> List.of(finding(level, o, worst, significant, shifts.size(), gate, train, prod, scale, s, context,
                        warnKey, failKey)))
                .orElse(List.of());
    }

    private Finding finding(Severity level, ModelOutcomes o, Shift worst, List<Shift> significant, int tested, double gate,
                            Residuals train, Residuals prod, double scale, Settings s, CheckContext context,
                            String warnKey, String failKey) {
        String baseline = o.baselineInSample() ? "training" : "the reference data";
        String unit = o.regression() ? (o.baselineInSample() ? " training RMSEs" : " reference RMSEs") : " probability points";
        String what = o.regression() ? "the outcome runs " + direction(worst.shift(), "above", "below") + " the prediction by "
                + format(worst.effect()) + unit + " more than in " + baseline
                : o.binary() ? o.positiveClass() + " happens " + format(Math.abs(worst.shift()) * 100) + " points per hundred "
                + direction(worst.shift(), "more", "less") + " often than the model's scores imply"
                : "the model is right " + format(Math.abs(worst.shift()) * 100) + " points per hundred "
                + direction(worst.shift(), "more", "less") + " often than its confidence implies";
        StringBuilder named = new StringBuilder();
        Evidence evidence = new Evidence();
        for (int i = 0; i < Math.min(NAMED_SEGMENTS, significant.size()); i++) {
            Shift x = significant.get(i);
            String name = name(x);
            named.append(i == 0 ? "" : "; ").append(name).append(" (").append(x.prod().rows).append(" production rows, error ")
                    .append(errorText(o, x.train())).append(x.wholeBaseline() ? " across all " + baseline + " (too few such rows there)"
                            : " in " + baseline).append(", ").append(errorText(o, x.prod())).append(" in production)");
            String key = "segment" + (i + 1);
            evidence.put(key, name).put(key + "BaselineRows", x.train().rows).put(key + "ProdRows", x.prod().rows)
                    .put(key + "BaselineErrorRate", error(o, x.train())).put(key + "ProdErrorRate", error(o, x.prod()))
                    .put(key + "BaselineMeanResidual", x.train().mean()).put(key + "ProdMeanResidual", x.prod().mean())
                    .put(key + "PValue", x.pValue());
            if (x.wholeBaseline()) {
                evidence.put(key + "BaselineRowsUsed", "all baseline rows");
            }
        }
        evidence.put("baseline", o.baselineInSample() ? "training (in-sample)" : "reference")
                .put("residualShiftOverall", (prod.mean() - train.mean()) / scale)
                .put("segmentsTested", (long) tested).put("segmentsShifted", (long) significant.size())
                .put("bonferroniAlpha", gate).put("errorMeasure", o.regression() ? "rmse" : "misclassification rate");
        Column prodColumn = context.prod().column(worst.segments().column()).orElseThrow();
        AffectedRows rows = Rows.matching(row -> worst.segments().of(prodColumn, row) == worst.segment(), context.prod());
        return new Finding(ID, worst.segments().column(), level,
                "The outcome for the same inputs changed, most where " + name(worst) + ": " + what,
                "Within segments of the inputs, the outcome was compared with what the model's score meant in " + baseline
                        + " (its score calibrated on " + (o.baselineInSample() ? "the training labels, in-sample: optimistic" : "the reference labels")
                        + "). A change of the inputs alone moves rows between segments but not this"
                        + " comparison inside a segment; a change of P(outcome | inputs) does. It moved most in: " + named
                        + ". " + significant.size() + " of " + tested + " segments moved beyond chance (Bonferroni-corrected). Warn at a shift of "
                        + format(s.get(warnKey) * (o.regression() ? 1 : 100)) + (o.regression() ? unit : " points")
                        + ", fail at " + format(s.get(failKey) * (o.regression() ? 1 : 100)) + (o.regression() ? unit : " points")
                        + ". Retraining on recent labelled data is the usual remedy.",
                evidence.map(), rows);
    }

    /** A segment's name; the pooled categories the baseline hardly had are the categories new in production. */
    private static String name(Shift x) {
        return x.wholeBaseline() && x.segments().pooled(x.segment())
                ? x.segments().column() + " in categories new in production" : x.segments().name(x.segment());
    }

    /** All segments' tallies pooled: the whole labelled baseline. */
    private static Tally overall(Tally[] tallies) {
        Tally all = new Tally();
        for (Tally t : tallies) {
            all.rows += t.rows;
            all.sum += t.sum;
            all.sumSquares += t.sumSquares;
            all.errors += t.errors;
            all.sumSquaredError += t.sumSquaredError;
        }
        return all;
    }

    /** The larger, over both sides, of the share of non-missing values that the most common value holds. */
    static double topShare(FeatureComparison feature) {
        double top = 0;
        if (feature.trainSorted() != null) {
            top = Math.max(modeShare(feature.trainSorted()), feature.prodSorted() == null ? 0 : modeShare(feature.prodSorted()));
        }
        for (CategoryCounts counts : java.util.Arrays.asList(feature.trainCategories(), feature.prodCategories())) {
            if (counts != null && counts.total() > 0) {
                top = Math.max(top, (double) counts.ranked().get(0).count() / counts.total());
            }
        }
        return top;
    }

    private static double modeShare(double[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        int best = 1;
        int run = 1;
        for (int i = 1; i < sorted.length; i++) {
            run = sorted[i] == sorted[i - 1] ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return (double) best / sorted.length;
    }

    /** Residuals of the labelled rows of one side: outcome minus calibrated expectation, and whether each row is an error. */
    private record Residuals(double[] residual, boolean[] error, double[] squaredError) {

        double mean() {
            double sum = 0;
            for (double r : residual) {
                sum += r;
            }
            return sum / residual.length;
        }

        double meanSquare() {
            double sum = 0;
            for (double r : residual) {
                sum += r * r;
            }
            return sum / residual.length;
        }
    }

    /** The baseline's calibration of the score: binary to P(positive), multiclass confidence to P(correct), regression prediction to E[y]. */
    private static IsotonicCalibration calibration(ModelOutcomes o, ModelOutcomes.Side t) {
        if (o.regression()) {
            return IsotonicCalibration.fit(t.score(), t.actual());
        }
        if (o.binary()) {
            return IsotonicCalibration.fit(t.score(), t.positive());
        }
        boolean[] correct = new boolean[t.labelled()];
        for (int i = 0; i < correct.length; i++) {
            correct[i] = ClassifierMetrics.argmax(t.probabilities()[i]) == t.classIndex()[i];
        }
        return IsotonicCalibration.fit(t.score(), correct);
    }

    private static Residuals residuals(ModelOutcomes o, ModelOutcomes.Side side, IsotonicCalibration calibration, double threshold) {
        int n = side.labelled();
        double[] residual = new double[n];
        boolean[] error = new boolean[n];
        double[] squaredError = new double[n];
        for (int i = 0; i < n; i++) {
            double expected = calibration.apply(side.score()[i]);
            if (o.regression()) {
                residual[i] = side.actual()[i] - expected;
                double e = side.actual()[i] - side.score()[i];
                squaredError[i] = e * e;
            } else if (o.binary()) {
                residual[i] = (side.positive()[i] ? 1 : 0) - expected;
                error[i] = (side.score()[i] >= threshold) != side.positive()[i];
            } else {
                boolean correct = ClassifierMetrics.argmax(side.probabilities()[i]) == side.classIndex()[i];
                residual[i] = (correct ? 1 : 0) - expected;
                error[i] = !correct;
            }
        }
        return new Residuals(residual, error, squaredError);
    }

    private static Tally[] tally(Segments segments, Column column, int[] rows, Residuals residuals) {
        Tally[] tallies = new Tally[segments.count()];
        for (int k = 0; k < tallies.length; k++) {
            tallies[k] = new Tally();
        }
        for (int i = 0; i < rows.length; i++) {
            tallies[segments.of(column, rows[i])].add(residuals.residual()[i], residuals.error()[i], residuals.squaredError()[i]);
        }
        return tallies;
    }

    private static double error(ModelOutcomes o, Tally t) {
        return o.regression() ? Math.sqrt(t.sumSquaredError / t.rows) : (double) t.errors / t.rows;
    }

    private static String errorText(ModelOutcomes o, Tally t) {
        return o.regression() ? "RMSE " + Judgement.number(error(o, t)) : Judgement.percent(error(o, t));
    }

    private static String direction(double shift, String up, String down) {
        return shift > 0 ? up : down;
    }

    private static String format(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
