package org.modellens.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import org.modellens.causes.Cause;
import org.modellens.checks.CheckContext;
import org.modellens.checks.RowOutcomes;
import org.modellens.checks.Severity;
import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.model.FeatureMatrix;
import org.modellens.model.Predictions;
import org.modellens.model.ScoredModel;
import org.modellens.profile.CategoryCounts;
import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.format.ColumnSummary;
import org.modellens.profile.format.ModelSummary;
import org.modellens.profile.format.Profile;
import org.modellens.profile.format.SketchDrift;
import org.modellens.settings.Settings;
import org.modellens.stats.AucComparison;
import org.modellens.stats.Binomial;
import org.modellens.stats.ClassifierMetrics;
import org.modellens.stats.ConfidenceBasedEstimate;
import org.modellens.stats.Descriptive;
import org.modellens.stats.IsotonicCalibration;
import org.modellens.stats.KolmogorovSmirnov;
import org.modellens.stats.Proportions;
import org.modellens.stats.Psi;

/**
 * Measures production chunk by chunk and dates each change (DESIGN.md section 6).
 *
 * <p><b>A chunk alarms only when three things hold</b> for one of a feature's measures (drift by the
 * feature-drift check's statistics, missing rate, unseen-category share, out-of-range share):
 * <ol>
 *   <li>it is outside the band a normal chunk of its size stays in ({@link NormalBand}: training split into
 *       chunks of that size), so short chunks do not raise alarms a full snapshot would not;</li>
 *   <li>it is at or above the practical level of the whole-snapshot check (the same settings:
 *       {@code drift.numeric.ks.warn}, {@code missing.rateChange.warn}, ...): effect size decides;</li>
 *   <li>its test against training is significant at {@code timeline.alpha} divided by the number of
 *       cells judged (chunks x features; Bonferroni). This gate bounds the chance that a stationary stream
 *       raises any alarm of one measure by {@code timeline.alpha}, whatever the number of chunks.</li>
 * </ol>
 *
 * <p><b>Change points</b> follow a Shewhart chart with a run rule: the change of a feature begins at the first
 * chunk of the first run of {@code timeline.changePoint.runLength} consecutive alarming chunks. The run
 * makes it sustained (one odd chunk is no change point) and puts the date where the change became
 * material, which for a gradual drift is where it crosses the practical level. Its false-alarm rate is at
 * most that of a single alarm (above), measured by simulation in {@code TimelineStationaryTest}.
 */
public final class TimelineBuilder {

    /** The measures of a cell, in the order a tie in severity is explained by (the most specific first). */
    private static final String[] SIGNALS = {"missingRate", "unseenShare", "outOfRangeShare", "ks", "psi", "totalVariation"};

    private final CheckContext context;
    private final TimeAxis axis;
    private final Settings s;
    private final double k;
    private final int draws;
    private final long seed;
    private final int minJudged;
    private final int top;
    private final double minShare;
    private final List<NormalBand.FeatureRows> bandFeatures = new ArrayList<>();
    private final int bandRows;
    private final Map<Integer, Map<String, NormalBand.Edges>> bands = new HashMap<>();
    private final Performance performance;

    private TimelineBuilder(CheckContext context, TimeAxis axis, RowOutcomes reference) {
        this.context = context;
        this.axis = axis;
        this.s = context.settings();
        this.k = s.get("timeline.band.sd");
        this.draws = s.getInt("timeline.band.draws");
        this.seed = (long) s.get("timeline.seed");
        this.minJudged = s.getInt("timeline.chunk.minJudgedRows");
        this.top = s.getInt("drift.categorical.topCategories");
        this.minShare = s.get("drift.categorical.minShare");
        int trainRows = context.train().rows();
        int[] rows = new int[trainRows];
        Arrays.setAll(rows, i -> i);
        int maxRows = s.getInt("timeline.band.maxTrainingRows");
        if (trainRows > maxRows) {
            // A seeded subset keeps the band's cost bounded; a smaller "rest" only widens the band.
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < maxRows; i++) {
                int j = i + random.nextInt(trainRows - i);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            rows = Arrays.copyOf(rows, maxRows);
            Arrays.sort(rows);
        }
        this.bandRows = rows.length;
        for (FeatureComparison feature : features()) {
            bandFeatures.add(new NormalBand.FeatureRows(feature, rows));
        }
        // Chunk profiles carry no rows to score with their labels: performance per chunk needs the rows.
        Optional<RowOutcomes[]> outcomes = axis.profiled() ? Optional.empty() : RowOutcomes.of(context);
        this.performance = outcomes.map(o -> new Performance(o[0], o[1], reference, s, seed)).orElse(null);
    }

    /**
     * The timeline of production.
     *
     * @param context   the diagnosis' snapshots, comparisons (unmasked), settings and model run
     * @param axis      production cut into chunks
     * @param causes    the report's causes, to name the cause each change point belongs to (may be empty)
     * @param reference the model's outcomes on held-out reference data, the performance baseline; {@code null}
     *                  for the training data (in-sample, optimistic)
     */
    public static Timeline build(CheckContext context, TimeAxis axis, List<Cause> causes, RowOutcomes reference) {
        return new TimelineBuilder(context, axis, reference).build(causes);
    }

    /**
     * The model's outcomes on the reference data, the performance baseline of the timeline; {@code null} without
     * reference data, target or a training run to take the classes from, or when the reference lacks a model input.
     */
    public static RowOutcomes referenceOutcomes(ScoredModel scored, Snapshot reference, String target) {
        if (reference == null || target == null || scored.run().train() == null
                || !FeatureMatrix.absentFeatures(reference, scored.model().features()).isEmpty()) {
            return null;
        }
        Predictions predictions = scored.model().predict(FeatureMatrix.of(reference, scored.model()));
        return RowOutcomes.of(predictions, reference, target, scored.run().train().classes());
    }

    private List<FeatureComparison> features() {
        List<FeatureComparison> features = new ArrayList<>();
        for (FeatureComparison feature : context.sharedFeatures()) {
            boolean measurable = feature.train().isNumeric() ? feature.trainSorted() != null && feature.trainSorted().length > 0
                    : feature.train().isCategorical() && feature.trainCategories() != null && feature.trainCategories().total() > 0;
            if (measurable && !feature.name().equals(axis.column())) {
                features.add(feature);
            }
        }
        return features;
    }

    private Timeline build(List<Cause> causes) {
        List<TimeAxis.Slice> slices = axis.slices();
        long judgedChunks = slices.stream().filter(slice -> axis.rows(slice) >= minJudged).count();
        double alpha = s.get("timeline.alpha");
        double cellAlpha = alpha / Math.max(1, judgedChunks * Math.max(1, bandFeatures.size()));
        double chunkAlpha = alpha / Math.max(1, judgedChunks);
        List<TimelineChunk> chunks = new ArrayList<>();
        for (TimeAxis.Slice slice : slices) {
            chunks.add(chunk(slice, cellAlpha, chunkAlpha));
        }
        List<ChangePoint> changePoints = ChangePoints.find(chunks, slices, axis, causes, s.getInt("timeline.changePoint.runLength"),
                bandFeatures.stream().map(f -> f.comparison).toList());
        return new Timeline(axis.column() == null ? "(file order)" : axis.column(), axis.spec().label(), chunks, changePoints,
                axis.unreadable());
    }

    private TimelineChunk chunk(TimeAxis.Slice slice, double cellAlpha, double chunkAlpha) {
        int[] rows = slice.rows();
        Profile profile = axis.chunkProfile(slice.index());
        long n = axis.rows(slice);
        boolean judged = n >= minJudged;
        Map<String, NormalBand.Edges> edges = judged
                ? bands.computeIfAbsent(NormalBand.bucket((int) Math.min(n, Integer.MAX_VALUE)), size -> NormalBand.edges(bandFeatures,
                        bandRows, size, draws, k, seed, top, minShare))
                : Map.of();
        Map<String, TimelineChunk.FeatureDrift> cells = new LinkedHashMap<>();
        Map<String, Double> missingRates = new LinkedHashMap<>();
        Map<String, Double> unseenShares = new LinkedHashMap<>();
        Map<String, Double> outOfRange = new LinkedHashMap<>();
        for (NormalBand.FeatureRows f : bandFeatures) {
            FeatureComparison feature = f.comparison;
            if (n == 0) {
                continue;
            }
            Measures m = profile == null ? Measures.ofRows(feature, rows)
                    : Measures.ofProfile(feature, profile.column(feature.name()).orElse(null), n);
            if (m == null) {
                continue; // the chunk profile lacks the column, or profiled it under another type than training's
            }
            NormalBand.Edges edge = edges.get(feature.name());
            Map<String, Severity> severities = new LinkedHashMap<>();
            long missing = m.missing();
            double rate = missing / (double) n;
            missingRates.put(feature.name(), rate);
            double change = Math.abs(rate - feature.trainProfile().missingRate());
            severities.put("missingRate", judge(judged, () -> Proportions.twoProportionPValue(feature.trainProfile().missing(),
                    feature.trainProfile().rows(), missing, n), cellAlpha, change, edge == null ? Double.NaN : edge.missingChange(),
                    change, "missing.rateChange"));
            String statistic;
            double value = Double.NaN;
            double band = Double.NaN;
            if (feature.train().isNumeric()) {
                statistic = "ks";
                long present = m.present();
                if (present > 0) {
                    double[] train = feature.trainSorted();
                    // The feature-drift check's KS distance and PSI (FeatureComparison.numericDrift); the KS
                    // p-value, exact and costly below 10,000 rows a side, only where it decides.
                    value = m.ks(train);
                    double psi = m.psi(train);
                    band = edge == null ? Double.NaN : edge.ks();
                    double d = value;
                    DoubleSupplier p = () -> ksPValueBelow(train.length, present, d, cellAlpha) ? 0.0 : m.ksPValue(train, d);
                    severities.put("ks", judge(judged, p, cellAlpha, value, band, value, "drift.numeric.ks"));
                    severities.put("psi", judge(judged, p, cellAlpha, psi, edge == null ? Double.NaN : edge.psi(),
                            psi, "drift.numeric.psi"));
                    long outside = m.outside(train[0], train[train.length - 1]);
                    double share = outside / (double) present;
                    outOfRange.put(feature.name(), share);
                    DoubleSupplier pOut = () -> Binomial.upperTailPValue(outside, present, 2.0 / (train.length + 1));
                    severities.put("outOfRangeShare", judge(judged, pOut, cellAlpha, share,
                            edge == null ? Double.NaN : edge.outOfRange(), share, "outOfRange.share"));
                }
            } else {
                statistic = "totalVariation";
                CategoryCounts trainCounts = feature.trainCategories();
                Map<String, Long> counts = m.counts();
                long total = n - missing;
                if (total > 0 && counts != null) {
                    DriftStatistics drift = FeatureComparison.categoricalDrift(trainCounts, CategoryCounts.of(counts), top, minShare);
                    value = drift.totalVariationPooled();
                    band = edge == null ? Double.NaN : edge.totalVariation();
                    severities.put("totalVariation", judge(judged, drift.chiSquare()::pValue, cellAlpha, value, band, value,
                            "drift.categorical.tvd"));
                    long unseen = 0;
                    for (Map.Entry<String, Long> e : counts.entrySet()) {
                        if (!trainCounts.contains(e.getKey())) {
                            unseen += e.getValue();
                        }
                    }
                    double share = unseen / (double) total;
                    unseenShares.put(feature.name(), share);
                    double expected = trainCounts.singletons() / (double) trainCounts.total();
                    long unseenCount = unseen;
                    DoubleSupplier pUnseen = () -> Binomial.upperTailPValue(unseenCount, total, Math.max(expected, 1.0 / trainCounts.total()));
                    severities.put("unseenShare", judge(judged, pUnseen, cellAlpha, share,
                            edge == null ? Double.NaN : edge.unseenShare(), share - expected, "unseen.share"));
                }
            }
            Severity worst = Severity.INFO;
            String signal = null;
            for (String name : SIGNALS) {
                Severity level = severities.get(name);
                if (level != null && level.compareTo(worst) > 0) {
                    worst = level;
                    signal = name;
                }
            }
            cells.put(feature.name(), new TimelineChunk.FeatureDrift(statistic, value, worst, band, signal));
        }
        Map<String, Double> prediction = new LinkedHashMap<>();
        TimelineChunk.ChunkPerformance chunkPerformance = null;
        if (performance != null && n > 0) {
            prediction = performance.prediction(rows);
            chunkPerformance = performance.chunk(rows, judged, chunkAlpha, k, draws);
        } else if (profile != null && axis.chunkModels() && profile.model().isPresent()) {
            prediction = prediction(profile.model().get());
        }
        return new TimelineChunk(slice.index(), slice.start(), slice.end(), n, cells, missingRates, prediction, chunkPerformance,
                unseenShares, outOfRange);
    }

    /**
     * The rule of every cell: significant at the corrected level, outside the band of normal chunks, and at
     * or above the practical level ({@code key}.warn / {@code key}.fail) of the whole-snapshot check.
     */
    private Severity judge(boolean judged, DoubleSupplier pValue, double alpha, double value, double band, double effect, String key) {
        if (!judged || !(value > band) || !(effect >= s.get(key + ".warn")) || !(pValue.getAsDouble() < alpha)) {
            return Severity.INFO;
        }
        if (effect >= s.get(key + ".fail")) {
            return Severity.FAIL;
        }
        return effect >= s.get(key + ".warn") ? Severity.WARN : Severity.INFO;
    }

    /**
     * Whether the KS p-value is certainly below {@code alpha} without computing it exactly (an n1 x n2 recursion):
     * the two-sample Dvoretzky-Kiefer-Wolfowitz bound P(D >= d) <= C exp(-2 n1 n2 / (n1 + n2) d^2) (Wei and Dudley,
     * "Two-sample Dvoretzky-Kiefer-Wolfowitz inequalities", Statistics and Probability Letters 82, 2012: C = 2 for
     * larger samples, a little more for small ones) taken with C = 20, far on the safe side. Where the bound does not
     * decide, the exact p-value does.
     */
    static boolean ksPValueBelow(long n1, long n2, double d, double alpha) {
        double effective = (double) n1 * n2 / (n1 + n2);
        return 20 * Math.exp(-2 * effective * d * d) < alpha;
    }

    /** A chunk's prediction summary from the model summary of its every row (mean exact, quantiles from the sketch). */
    private static Map<String, Double> prediction(ModelSummary model) {
        Map<String, Double> summary = new LinkedHashMap<>();
        if (!model.hasScores() || model.scoreRows() == 0) {
            return summary;
        }
        summary.put("mean", model.scoreMean());
        summary.put("p10", model.scores().getQuantile(0.1));
        summary.put("median", model.scores().getQuantile(0.5));
        summary.put("p90", model.scores().getQuantile(0.9));
        summary.put("scored", (double) model.scoreRows());
        return summary;
    }

    /**
     * What a chunk shows of one feature: from its rows, or from its profile (every row: counts exact, the KS
     * distance within the profile's KLL rank error, PSI from the sketch, values beyond the training range exact
     * while they are among the kept extremes).
     */
    private interface Measures {
        long missing();

        long present();

        double ks(double[] train);

        double psi(double[] train);

        double ksPValue(double[] train, double d);

        long outside(double lo, double hi);

        Map<String, Long> counts();

        static Measures ofRows(FeatureComparison feature, int[] rows) {
            Column column = feature.prod();
            long missing = 0;
            for (int row : rows) {
                missing += column.isMissing(row) ? 1 : 0;
            }
            long missingRows = missing;
            double[] present = feature.train().isNumeric() ? TimelineBuilder.present(column, rows) : null;
            return new Measures() {
                public long missing() {
                    return missingRows;
                }

                public long present() {
                    return present.length;
                }

                public double ks(double[] train) {
                    return KolmogorovSmirnov.statistic(train, present);
                }

                public double psi(double[] train) {
                    return Psi.compute(train, present);
                }

                public double ksPValue(double[] train, double d) {
                    return KolmogorovSmirnov.twoSample(train, present).pValue();
                }

                public long outside(double lo, double hi) {
                    long outside = 0;
                    for (double v : present) {
                        if (v < lo || v > hi) {
                            outside++;
                        }
                    }
                    return outside;
                }

                public Map<String, Long> counts() {
                    Map<String, Long> counts = new HashMap<>();
                    for (int row : rows) {
                        String label = column.text(row);
                        if (label != null) {
                            counts.merge(label, 1L, Long::sum);
                        }
                    }
                    return counts;
                }
            };
        }

        static Measures ofProfile(FeatureComparison feature, ColumnSummary column, long rows) {
            if (column == null || column.type() != feature.train().type()) {
                return null;
            }
            boolean numeric = feature.train().isNumeric();
            if (numeric && column.count() > 0 && column.quantiles() == null) {
                return null;
            }
            return new Measures() {
                public long missing() {
                    return column.missing();
                }

                public long present() {
                    return column.count();
                }

                public double ks(double[] train) {
                    return SketchDrift.ks(train, column.quantiles());
                }

                public double psi(double[] train) {
                    return SketchDrift.psi(train, column.quantiles());
                }

                public double ksPValue(double[] train, double d) {
                    return KolmogorovSmirnov.fromStatistic(train.length, column.count(), d).pValue();
                }

                public long outside(double lo, double hi) {
                    return Math.round(column.countBelow(lo)[0] + column.countAbove(hi)[0]);
                }

                public Map<String, Long> counts() {
                    return column.categoryCounts();
                }
            };
        }
    }

    private static double[] present(Column column, int[] rows) {
        double[] values = new double[rows.length];
        int k = 0;
        for (int row : rows) {
            double v = column.numbers()[row];
            if (!Double.isNaN(v)) {
                values[k++] = v;
            }
        }
        double[] present = Arrays.copyOf(values, k);
        Arrays.sort(present);
        return present;
    }

    /** The model's side of the timeline: prediction summaries and performance per chunk. */
    private static final class Performance {
        private final RowOutcomes prod;
        private final RowOutcomes baseline;
        private final boolean binary;
        private final boolean regression;
        private final String metric;
        private final double baselineValue;
        private final double baselineVariance;
        private final int[] baselineRows;
        private final IsotonicCalibration calibration;
        private final Settings s;
        private final long seed;
        private final int rounds;
        private final Map<Integer, double[]> bands = new HashMap<>();

        Performance(RowOutcomes train, RowOutcomes prod, RowOutcomes reference, Settings s, long seed) {
            this.prod = prod;
            this.baseline = reference != null ? reference : train;
            this.binary = prod.binary();
            this.regression = prod.regression();
            this.metric = binary ? "auc" : regression ? "rmse" : "accuracy";
            this.s = s;
            this.seed = seed;
            this.rounds = s.getInt("performance.estimate.bootstrapRounds");
            this.baselineRows = labelled(baseline, null);
            double[] value = measure(baseline, baselineRows);
            this.baselineValue = value[0];
            this.baselineVariance = value[1];
            IsotonicCalibration fitted = null;
            if (binary && baselineRows.length > 0) {
                double[] score = new double[baselineRows.length];
                boolean[] positive = new boolean[baselineRows.length];
                boolean both = false;
                for (int i = 0; i < score.length; i++) {
                    score[i] = baseline.score()[baselineRows[i]];
                    positive[i] = baseline.label()[baselineRows[i]] == 1;
                    both |= positive[i] != positive[0];
                }
                fitted = both ? IsotonicCalibration.fit(score, positive) : null;
            }
            this.calibration = fitted;
        }

        /** Scored and labelled rows among {@code rows} (all rows when {@code null}). */
        private static int[] labelled(RowOutcomes outcomes, int[] rows) {
            int n = rows == null ? outcomes.score().length : rows.length;
            int[] out = new int[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                int row = rows == null ? i : rows[i];
                if (row < outcomes.score().length && Double.isFinite(outcomes.score()[row]) && !Double.isNaN(outcomes.label()[row])) {
                    out[k++] = row;
                }
            }
            return Arrays.copyOf(out, k);
        }

        /** The metric on the given labelled rows and its sampling variance; NaN where undefined. */
        private double[] measure(RowOutcomes outcomes, int[] rows) {
            int n = rows.length;
            if (n < 2) {
                return new double[] {Double.NaN, Double.NaN};
            }
            if (binary) {
                double[] score = new double[n];
                boolean[] positive = new boolean[n];
                for (int i = 0; i < n; i++) {
                    score[i] = outcomes.score()[rows[i]];
                    positive[i] = outcomes.label()[rows[i]] == 1;
                }
                return new double[] {ClassifierMetrics.auc(score, positive), AucComparison.delongVariance(score, positive)};
            }
            if (regression) {
                double[] squared = new double[n];
                for (int i = 0; i < n; i++) {
                    double e = outcomes.score()[rows[i]] - outcomes.label()[rows[i]];
                    squared[i] = e * e;
                }
                // The variance of the mean squared error; the RMSE's interval is its square root's.
                return new double[] {Descriptive.mean(squared), Descriptive.variance(squared) / n};
            }
            double correct = 0;
            for (int row : rows) {
                if (outcomes.probabilities() != null
                        && ClassifierMetrics.argmax(outcomes.probabilities()[row]) == (int) outcomes.label()[row]) {
                    correct++;
                }
            }
            double accuracy = correct / n;
            return new double[] {accuracy, accuracy * (1 - accuracy) / n};
        }

        Map<String, Double> prediction(int[] rows) {
            double[] scores = new double[rows.length];
            int k = 0;
            for (int row : rows) {
                if (row < prod.score().length && Double.isFinite(prod.score()[row])) {
                    scores[k++] = prod.score()[row];
                }
            }
            Map<String, Double> summary = new LinkedHashMap<>();
            if (k == 0) {
                return summary;
            }
            double[] sorted = Arrays.copyOf(scores, k);
            Arrays.sort(sorted);
            summary.put("mean", Descriptive.mean(sorted));
            summary.put("p10", Descriptive.quantile(sorted, 0.1));
            summary.put("median", Descriptive.quantile(sorted, 0.5));
            summary.put("p90", Descriptive.quantile(sorted, 0.9));
            summary.put("scored", (double) k);
            return summary;
        }

        TimelineChunk.ChunkPerformance chunk(int[] rows, boolean judged, double alpha, double k, int draws) {
            int[] labelled = labelled(prod, rows);
            long scored = Arrays.stream(rows).filter(r -> r < prod.score().length && Double.isFinite(prod.score()[r])).count();
            double[] band = judged ? bands.computeIfAbsent(NormalBand.bucket(rows.length), size -> band(size, k, draws))
                    : new double[] {Double.NaN, Double.NaN};
            double[] value = measure(prod, labelled);
            // Realized where labels cover at least half the scored rows; else estimated from confidence.
            if (labelled.length >= Math.max(2, scored / 2.0) && Double.isFinite(value[0])) {
                double se = Math.sqrt(value[1]);
                double lower = regression ? Math.sqrt(Math.max(0, value[0] - 1.96 * se)) : value[0] - 1.96 * se;
                double upper = regression ? Math.sqrt(value[0] + 1.96 * se) : value[0] + 1.96 * se;
                double shown = regression ? Math.sqrt(value[0]) : value[0];
                Severity severity = severity(judged, shown, value[0], value[1], band, alpha, false);
                return new TimelineChunk.ChunkPerformance(metric, shown, false, clamp(lower), clamp(upper),
                        band[0], band[1], severity);
            }
            if (binary && calibration != null && scored >= 2) {
                double[] scores = Arrays.stream(rows).filter(r -> r < prod.score().length && Double.isFinite(prod.score()[r]))
                        .mapToDouble(r -> prod.score()[r]).toArray();
                double auc = ConfidenceBasedEstimate.auc(scores, calibration.apply(scores));
                if (Double.isFinite(auc)) {
                    double variance = bootstrapVariance(scores);
                    double se = Math.sqrt(variance);
                    Severity severity = severity(judged, auc, auc, variance, band, alpha, true);
                    return new TimelineChunk.ChunkPerformance(metric, auc, true, clamp(auc - 1.96 * se), clamp(auc + 1.96 * se),
                            band[0], band[1], severity);
                }
            }
            return null;
        }

        private double clamp(double v) {
            return regression || !Double.isFinite(v) ? v : Math.max(0, Math.min(1, v));
        }

        /** Worse than a normal chunk, by a practical margin, and significantly; an estimate is at most a warn. */
        private Severity severity(boolean judged, double shown, double raw, double variance, double[] band, double alpha,
                                  boolean estimated) {
            if (!judged || !Double.isFinite(baselineValue)) {
                return Severity.INFO;
            }
            double drop;
            String key;
            boolean outside;
            if (regression) {
                double baseRmse = Math.sqrt(baselineValue);
                drop = shown / baseRmse - 1;
                key = "performance.rmseIncrease";
                outside = shown > band[1];
            } else {
                drop = baselineValue - shown;
                key = binary ? "performance.aucDrop" : "performance.accuracyDrop";
                outside = shown < band[0];
            }
            double se = Math.sqrt(variance + baselineVariance);
            double z = Math.abs(raw - baselineValue) / se;
            double p = 2 * (1 - normalCdf(z));
            if (!outside || !(p < alpha) || drop < s.get(key + ".warn")) {
                return Severity.INFO;
            }
            return !estimated && drop >= s.get(key + ".fail") ? Severity.FAIL : Severity.WARN;
        }

        /** Lower and upper edge of the metric on baseline chunks of {@code size} labelled rows. */
        private double[] band(int size, double k, int draws) {
            int m = Math.min(size, baselineRows.length / 2);
            if (m < 2) {
                return new double[] {Double.NaN, Double.NaN};
            }
            SplittableRandom random = new SplittableRandom(seed ^ (31L * size));
            int[] permutation = baselineRows.clone();
            double[] values = new double[draws];
            for (int d = 0; d < draws; d++) {
                for (int i = 0; i < m; i++) {
                    int j = i + random.nextInt(permutation.length - i);
                    int t = permutation[i];
                    permutation[i] = permutation[j];
                    permutation[j] = t;
                }
                double v = measure(baseline, Arrays.copyOf(permutation, m))[0];
                values[d] = regression ? Math.sqrt(v) : v;
            }
            double[] ms = NormalBand.meanSd(values);
            return new double[] {clamp(ms[0] - k * ms[1]), clamp(ms[0] + k * ms[1])};
        }

        private double bootstrapVariance(double[] scores) {
            SplittableRandom random = new SplittableRandom(seed ^ scores.length);
            int n = scores.length;
            double[] sample = new double[n];
            double[] values = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < n; i++) {
                    sample[i] = scores[random.nextInt(n)];
                }
                values[r] = ConfidenceBasedEstimate.auc(sample, calibration.apply(sample));
            }
            double sd = NormalBand.meanSd(values)[1];
            return sd * sd;
        }

        private static double normalCdf(double z) {
            return 0.5 * org.hipparchus.special.Erf.erfc(-z / Math.sqrt(2));
        }
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String when(TimeAxis axis, TimeAxis.Slice slice) {
        if (axis.spec().calendar()) {
            return axis.spec().period().when(slice.periodStart());
        }
        LocalDate day = slice.periodStart();
        return day != null ? "in the chunk starting " + ChunkSpec.Period.DAY.when(day)
                : "from production row " + String.format(Locale.ROOT, "%,d", Integer.parseInt(slice.start()));
    }
}
