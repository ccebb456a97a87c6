package org.modellens.causes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import org.modellens.checks.CheckContext;
import org.modellens.checks.Finding;
import org.modellens.data.Snapshot;
import org.modellens.model.FeatureMatrix;
import org.modellens.model.Model;
import org.modellens.model.Predictions;
import org.modellens.model.ScoredModel;
import org.modellens.stats.ClassifierMetrics;
import org.modellens.stats.IsotonicCalibration;

/**
 * What each cause costs the model's measured performance, and the performance section: production
 * against a fair baseline, with the change split into its sources (DESIGN.md section 5).
 *
 * <p><b>Baseline.</b> The reference data ({@code --reference}: held out, same period as training) when
 * given; else the training rows the model was fitted on, which is in-sample and optimistic, and the
 * section says so.
 *
 * <p><b>Production.</b> Measured on its labelled rows; without labels, a binary classifier's figures are
 * estimated by CBPE (its scores calibrated, isotonic, on the baseline's labels), which assumes the relation
 * between score and outcome did not change. Production is scored as a pipeline serves it
 * ({@link ServedInputs}). The headline value carries a 95% bootstrap percentile interval.
 *
 * <p><b>Decomposition</b> of {@code prod - baseline}, in this order, each step measured on the same rows:
 * <ol>
 *   <li>pipeline: production as received minus production with every repairable cause repaired
 *       ({@link Repairs}); each repair's share is its Shapley value over the repairs (its mean gain over
 *       every order of applying them), so the shares add up to the part;</li>
 *   <li>covariate shift: the repaired rows minus the same rows reweighted into the baseline's input
 *       distribution ({@link DensityRatio}); attributed to the causes' feature groups by Shapley values over
 *       groups (the weights refitted on each subset of groups);</li>
 *   <li>label shift (classifiers with labels): the reweighted rows minus the same with each class reweighted
 *       to the baseline's class mix (AUC does not depend on the class mix: its label part is 0);</li>
 *   <li>concept shift (with labels): the rest against the baseline: the relation between inputs and outcome
 *       changed, plus whatever the reweighting could not remove;</li>
 *   <li>residual: what makes the parts sum to the change: rounding with labels; without labels the CBPE
 *       estimate of the reweighted rows minus the measured baseline (the estimator's own error), concept and
 *       label shift being unmeasurable (null).</li>
 * </ol>
 */
public final class CauseImpacts {

    /** Fixed seed: the same inputs give the same report. */
    private static final long SEED = 20_261_130L;
    /** Exact Shapley values over at most this many players (2^n evaluations); more are merged. */
    private static final int MAX_PLAYERS = 6;

    static final String REPAIR = "repair";
    static final String SHAPLEY = "shapley";
    static final String REWEIGHT = "reweight";
    static final String ESTIMATE = "estimate";

    private CauseImpacts() {
    }

    /**
     * The causes with their performance impact, and the performance section.
     *
     * @param performance {@code null} when there is no model, no target, or no baseline to compare with
     */
    public record Measured(List<Cause> causes, PerformanceSection performance) {

        public Measured {
            causes = List.copyOf(causes);
        }
    }

    /**
     * Measures.
     *
     * @param causes    the causes, in any order (their impacts' other parts are kept)
     * @param findings  the report's findings, which the causes index
     * @param context   the snapshots, target and settings
     * @param scored    the model applied, or {@code null} for a data-only diagnosis
     * @param reference held-out labelled data of the training period, or {@code null}
     */
    public static Measured measure(List<Cause> causes, List<Finding> findings, CheckContext context, ScoredModel scored,
                                   Snapshot reference) {
        if (scored == null || context.target().isEmpty()) {
            return new Measured(causes, null);
        }
        Snapshot baseSnapshot = reference != null ? reference : context.train();
        String target = context.target().get();
        Model model = scored.model();
        if (!baseSnapshot.hasColumn(target) || !FeatureMatrix.absentFeatures(baseSnapshot, model.features()).isEmpty()) {
            return new Measured(causes, null);
        }
        return new Measurement(causes, findings, context, model, baseSnapshot, reference != null).run();
    }

    /** One measurement: holds the scored sides while the parts are computed. */
    private static final class Measurement {
        private final List<Cause> causes;
        private final List<Finding> findings;
        private final CheckContext context;
        private final Model model;
        private final Snapshot baseSnapshot;
        private final boolean fromReference;
        private final String task;
        private final List<String> features;
        private final int p;
        private final double threshold;
        private final double fpCost;
        private final double fnCost;

        Measurement(List<Cause> causes, List<Finding> findings, CheckContext context, Model model, Snapshot baseSnapshot,
                    boolean fromReference) {
            this.causes = causes;
            this.findings = findings;
            this.context = context;
            this.model = model;
            this.baseSnapshot = baseSnapshot;
            this.fromReference = fromReference;
            this.task = model.task();
            this.features = model.features();
            this.p = features.size();
            this.threshold = context.settings().get("decision.threshold");
            this.fpCost = context.settings().get("cost.falsePositive");
            this.fnCost = context.settings().get("cost.falseNegative");
        }

        Measured run() {
            List<String> classes = model.classes().isEmpty() && Outcomes.BINARY.equals(task) ? List.of("0", "1") : model.classes();
            String target = context.target().orElseThrow();
            double[] baseInputs = ServedInputs.of(baseSnapshot, features);
            Predictions basePredictions = ServedInputs.score(model, baseInputs, p);
            Outcomes baseOutcomes = Outcomes.of(baseSnapshot, target, task, classes);
            if (!baseOutcomes.hasLabels()) {
                return new Measured(causes, null);
            }
            Snapshot prod = context.prod();
            double[] served = ServedInputs.of(prod, features);
            Outcomes prodOutcomes = Outcomes.of(prod, target, task, classes);
            boolean labelled = prodOutcomes.hasLabels();
            boolean binary = Outcomes.BINARY.equals(task);
            IsotonicCalibration calibration = null;
            if (!labelled) {
                calibration = binary ? calibration(basePredictions, baseOutcomes, baseOutcomes.labelled()) : null;
                if (calibration == null) {
                    return new Measured(causes, null);
                }
            }
            Evaluator baseline = new Evaluator(task, baseOutcomes, null, threshold, fpCost, fnCost);
            Evaluator production = baseline.on(prodOutcomes, calibration);
            Map<String, Double> base = baseline.evaluate(basePredictions, null);
            Predictions servedPredictions = ServedInputs.score(model, served, p);
            Map<String, Double> asServed = production.evaluate(servedPredictions, null);
            String metric = headline(base, asServed);
            if (metric == null) {
                return new Measured(causes, null);
            }

            // 1. Pipeline: every finding with a known inverse on a model input, grouped by the cause that holds it (findings in
            // no cause form one more player, index -1), Shapley over the causes.
            Map<Integer, List<Repairs.Repair>> byCause = new LinkedHashMap<>();
            Map<Integer, Integer> causeOfFinding = new LinkedHashMap<>();
            for (int c = 0; c < causes.size(); c++) {
                for (int index : causes.get(c).findings()) {
                    causeOfFinding.putIfAbsent(index, c);
                }
            }
            for (int f = 0; f < findings.size(); f++) {
                Optional<Repairs.Repair> repair = Repairs.of(findings.get(f), context.train(), prod, features);
                if (repair.isPresent()) {
                    byCause.computeIfAbsent(causeOfFinding.getOrDefault(f, -1), k -> new ArrayList<>()).add(repair.get());
                }
            }
            List<Integer> repairCauses = new ArrayList<>();
            List<Repairs.Repair> repairs = new ArrayList<>();
            for (Map.Entry<Integer, List<Repairs.Repair>> entry : byCause.entrySet()) {
                Repairs.Repair repair = Repairs.combined(entry.getValue()).orElseThrow();
                double[] copy = ServedInputs.copy(served);
                repair.apply(copy, p);
                if (!Arrays.equals(copy, served)) {
                    repairCauses.add(entry.getKey());
                    repairs.add(repair);
                }
            }
            // Beyond MAX_PLAYERS repairs the last ones are applied together as one player.
            int repairPlayers = Math.min(repairs.size(), MAX_PLAYERS);
            Map<Integer, double[]> repairedInputs = new LinkedHashMap<>();
            IntFunction<double[]> inputsOf = mask -> repairedInputs.computeIfAbsent(mask, m -> {
                double[] copy = ServedInputs.copy(served);
                for (int r = 0; r < repairs.size(); r++) {
                    if ((m & (1 << Math.min(r, repairPlayers - 1))) != 0) {
                        repairs.get(r).apply(copy, p);
                    }
                }
                return copy;
            });
            Map<Integer, Predictions> repairedPredictions = new LinkedHashMap<>();
            IntFunction<Predictions> predictionsOf = mask -> mask == 0 ? servedPredictions
                    : repairedPredictions.computeIfAbsent(mask, m -> ServedInputs.score(model, inputsOf.apply(m), p));
            Map<Integer, Map<String, Double>> pipelineValues = new LinkedHashMap<>();
            for (int mask = 0; mask < (1 << repairPlayers); mask++) {
                pipelineValues.put(mask, mask == 0 ? asServed : production.evaluate(predictionsOf.apply(mask), null));
            }
            int all = (1 << repairPlayers) - 1;
            double[] repaired = inputsOf.apply(all);
            Predictions repairedAll = predictionsOf.apply(all);
            Map<String, Double> afterRepair = pipelineValues.get(all);

            // 2. Covariate shift: groups of model inputs, Shapley over them.
            List<Group> groups = groups(repairCauses);
            Map<Integer, double[]> groupWeights = new LinkedHashMap<>();
            IntFunction<double[]> weightsOf = mask -> groupWeights.computeIfAbsent(mask,
                    m -> DensityRatio.weights(baseInputs, repaired, p, columnsOf(groups, m), SEED));
            Map<Integer, Map<String, Double>> covariateValues = new LinkedHashMap<>();
            for (int mask = 0; mask < (1 << groups.size()); mask++) {
                covariateValues.put(mask, mask == 0 ? afterRepair : production.evaluate(repairedAll, weightsOf.apply(mask)));
            }
            int allGroups = (1 << groups.size()) - 1;
            double[] weights = weightsOf.apply(allGroups);
            Map<String, Double> reweighted = covariateValues.get(allGroups);

            // 3. Label shift: the reweighted rows with the baseline's class mix.
            Map<String, Double> classMixed = labelled && !Outcomes.REGRESSION.equals(task)
                    ? production.evaluate(repairedAll, production.withClassMix(weights, baseOutcomes)) : null;

            // Parts of every metric.
            Map<String, PerformanceSection.MetricPair> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, Double> entry : base.entrySet()) {
                Double prodValue = asServed.get(entry.getKey());
                if (prodValue != null && !WeightedMetrics.POSITIVE_RATE.equals(entry.getKey())) {
                    metrics.put(entry.getKey(), new PerformanceSection.MetricPair(entry.getValue(), prodValue));
                }
            }
            double b = base.get(metric);
            double prodValue = asServed.get(metric);
            double pipeline = prodValue - afterRepair.get(metric);
            double covariate = afterRepair.get(metric) - reweighted.get(metric);
            double label;
            double concept;
            double residual;
            if (labelled) {
                // The AUC compares positives with negatives only: a class mix cannot move it (its label part is 0 exactly).
                double mixed = classMixed == null || WeightedMetrics.AUC.equals(metric) ? reweighted.get(metric)
                        : classMixed.get(metric);
                label = reweighted.get(metric) - mixed;
                concept = mixed - b;
                residual = (prodValue - b) - (pipeline + covariate + label + concept);
            } else {
                label = Double.NaN;
                concept = Double.NaN;
                residual = (prodValue - b) - (pipeline + covariate);
            }
            PerformanceSection.Decomposition decomposition = new PerformanceSection.Decomposition(covariate, concept, label,
                    pipeline, residual);
            double[] interval = interval(metric, production, servedPredictions, prodOutcomes, basePredictions, baseOutcomes, labelled);
            Map<String, Double> noise = noise(metric, production.standardErrors(servedPredictions), interval);

            // Per cause.
            double drop = WeightedMetrics.improvement(metric, prodValue, b);
            List<Cause> measured = new ArrayList<>(causes);
            String method = labelled ? null : ESTIMATE;
            for (int r = 0; r < repairPlayers; r++) {
                int c = repairCauses.get(r);
                if (c < 0 || (r == repairPlayers - 1 && repairs.size() > repairPlayers)) {
                    // Findings in no cause, or several causes' repairs merged into the last player: no one cause owns it.
                    continue;
                }
                Map<String, Double> byMetric = shapley(pipelineValues, repairPlayers, r, asServed);
                double flipped = decisionsChanged(servedPredictions, predictionsOf.apply(1 << r));
                Cause cause = causes.get(c);
                CauseImpact old = cause.impact();
                measured.set(c, cause.withImpact(new CauseImpact(old.rows(), old.rowShare(), old.importance(), old.predictionShift(),
                        flipped, impact(metric, byMetric, drop, method == null ? REPAIR : method))));
            }
            for (int g = 0; g < groups.size(); g++) {
                Group group = groups.get(g);
                if (group.cause < 0) {
                    continue;
                }
                Map<String, Double> byMetric = shapley(covariateValues, groups.size(), g, afterRepair);
                Cause cause = measured.get(group.cause);
                CauseImpact old = cause.impact();
                measured.set(group.cause, cause.withImpact(new CauseImpact(old.rows(), old.rowShare(), old.importance(),
                        old.predictionShift(), old.decisionsChanged(), impact(metric, byMetric, drop, method == null ? SHAPLEY : method))));
            }
            if (labelled) {
                assignPart(measured, "concept-shift", metric, reweighted, classMixed == null ? reweighted : classMixed, base, drop,
                        true);
                if (classMixed != null) {
                    assignPart(measured, "label-shift", metric, reweighted, classMixed, base, drop, false);
                }
            }
            String detail = detail(metric, base, asServed, labelled, baseOutcomes, prodOutcomes, repairs.size(), groups, weights,
                    interval);
            PerformanceSection section = new PerformanceSection(metric,
                    new PerformanceSection.Baseline(fromReference ? PerformanceSection.REFERENCE : PerformanceSection.TRAINING_IN_SAMPLE, b),
                    new PerformanceSection.ProdValue(prodValue, !labelled, interval[0], interval[1]), decomposition, metrics, detail,
                    noise);
            return new Measured(measured, section);
        }

        /**
         * Each metric's sampling noise in production, as the half-width of its 95% interval: the headline's bootstrap
         * interval; a loss metric's normal interval, 1.96 standard errors of its per-row mean.
         */
        private static Map<String, Double> noise(String metric, Map<String, Double> standardErrors, double[] interval) {
            Map<String, Double> noise = new LinkedHashMap<>();
            standardErrors.forEach((m, se) -> noise.put(m, 1.96 * se));
            double half = (interval[1] - interval[0]) / 2;
            if (Double.isFinite(half)) {
                noise.put(metric, half);
            } else {
                noise.remove(metric);
            }
            return noise;
        }

        /**
         * Concept shift goes to the concept-shift causes, label shift to the label-shift causes, shared by their rows when
         * there are several.
         */
        private void assignPart(List<Cause> measured, String kind, String metric, Map<String, Double> reweighted,
                                Map<String, Double> mixed, Map<String, Double> base, double drop, boolean concept) {
            List<Integer> owners = new ArrayList<>();
            long rows = 0;
            for (int c = 0; c < measured.size(); c++) {
                if (kind.equals(measured.get(c).kind())) {
                    owners.add(c);
                    rows += Math.max(1, measured.get(c).impact().rows());
                }
            }
            for (int c : owners) {
                Cause cause = measured.get(c);
                double share = owners.size() == 1 ? 1 : Math.max(1, cause.impact().rows()) / (double) rows;
                Map<String, Double> byMetric = new LinkedHashMap<>();
                for (String m : base.keySet()) {
                    if (WeightedMetrics.POSITIVE_RATE.equals(m) || !mixed.containsKey(m) || !reweighted.containsKey(m)) {
                        continue;
                    }
                    // The part's contribution to prod - baseline, turned into what removing it recovers.
                    double mixedValue = WeightedMetrics.AUC.equals(m) ? reweighted.get(m) : mixed.get(m);
                    double part = concept ? mixedValue - base.get(m) : reweighted.get(m) - mixedValue;
                    byMetric.put(m, share * WeightedMetrics.improvement(m, part, 0));
                }
                CauseImpact old = cause.impact();
                measured.set(c, cause.withImpact(new CauseImpact(old.rows(), old.rowShare(), old.importance(), old.predictionShift(),
                        old.decisionsChanged(), impact(metric, byMetric, drop, REWEIGHT))));
            }
        }

        private static CauseImpact.PerformanceImpact impact(String metric, Map<String, Double> byMetric, double drop, String method) {
            double recovered = byMetric.getOrDefault(metric, Double.NaN);
            // A share of a drop that is not there (production as good or better) says nothing.
            double share = drop > 1e-12 ? recovered / drop : Double.NaN;
            return new CauseImpact.PerformanceImpact(metric, recovered, share, method, byMetric);
        }

        /** Shapley value of player {@code i} for every metric, as an improvement over {@code start}. */
        private static Map<String, Double> shapley(Map<Integer, Map<String, Double>> values, int players, int i,
                                                   Map<String, Double> start) {
            Map<String, Double> out = new LinkedHashMap<>();
            double[] factorial = new double[players + 1];
            factorial[0] = 1;
            for (int k = 1; k <= players; k++) {
                factorial[k] = factorial[k - 1] * k;
            }
            for (String metric : start.keySet()) {
                if (WeightedMetrics.POSITIVE_RATE.equals(metric)) {
                    continue;
                }
                double sum = 0;
                boolean defined = true;
                for (int mask = 0; mask < (1 << players); mask++) {
                    if ((mask & (1 << i)) != 0) {
                        continue;
                    }
                    Double without = values.get(mask).get(metric);
                    Double with = values.get(mask | (1 << i)).get(metric);
                    if (without == null || with == null) {
                        defined = false;
                        break;
                    }
                    int size = Integer.bitCount(mask);
                    double weight = factorial[size] * factorial[players - size - 1] / factorial[players];
                    sum += weight * WeightedMetrics.improvement(metric, without, with);
                }
                if (defined) {
                    out.put(metric, sum);
                }
            }
            return out;
        }

        /** Share of production rows whose decision differs: binary at the threshold, multiclass the most probable class. */
        private double decisionsChanged(Predictions before, Predictions after) {
            if (Outcomes.REGRESSION.equals(task)) {
                return Double.NaN;
            }
            int n = before.rows();
            int changed = 0;
            for (int i = 0; i < n; i++) {
                boolean differs = Outcomes.BINARY.equals(task)
                        ? (before.score()[i] >= threshold) != (after.score()[i] >= threshold)
                        : ClassifierMetrics.argmax(before.probabilities()[i]) != ClassifierMetrics.argmax(after.probabilities()[i]);
                changed += differs ? 1 : 0;
            }
            return n == 0 ? Double.NaN : (double) changed / n;
        }

        /** AUC for binary (accuracy when a side lacks a class), log-loss for multiclass, RMSE for regression. */
        private String headline(Map<String, Double> base, Map<String, Double> prod) {
            List<String> order = switch (task) {
                case Outcomes.BINARY -> List.of(WeightedMetrics.AUC, WeightedMetrics.ACCURACY);
                case Outcomes.REGRESSION -> List.of(WeightedMetrics.RMSE);
                default -> List.of(WeightedMetrics.LOG_LOSS, WeightedMetrics.ACCURACY);
            };
            for (String metric : order) {
                if (base.containsKey(metric) && prod.containsKey(metric)) {
                    return metric;
                }
            }
            return null;
        }

        /**
         * Feature groups for the covariate attribution: the model inputs of each cause that has no repair (in the causes'
         * order, each input in its first cause), then the remaining inputs as one group without a cause. Beyond
         * {@link #MAX_PLAYERS} groups the later ones join the remaining inputs.
         */
        private List<Group> groups(List<Integer> repairCauses) {
            List<Group> groups = new ArrayList<>();
            Set<String> assigned = new LinkedHashSet<>();
            for (int c = 0; c < causes.size() && groups.size() < MAX_PLAYERS - 1; c++) {
                Cause cause = causes.get(c);
                if (repairCauses.contains(c) || "concept-shift".equals(cause.kind()) || "label-shift".equals(cause.kind())) {
                    continue;
                }
                List<Integer> columns = new ArrayList<>();
                for (String feature : cause.features()) {
                    int j = features.indexOf(feature);
                    if (j >= 0 && assigned.add(feature)) {
                        columns.add(j);
                    }
                }
                if (!columns.isEmpty()) {
                    groups.add(new Group(c, columns.stream().mapToInt(Integer::intValue).toArray()));
                }
            }
            List<Integer> rest = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                if (!assigned.contains(features.get(j))) {
                    rest.add(j);
                }
            }
            if (!rest.isEmpty()) {
                groups.add(new Group(-1, rest.stream().mapToInt(Integer::intValue).toArray()));
            }
            return groups;
        }

        private static int[] columnsOf(List<Group> groups, int mask) {
            List<Integer> columns = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                if ((mask & (1 << g)) != 0) {
                    for (int j : groups.get(g).columns) {
                        columns.add(j);
                    }
                }
            }
            return columns.stream().mapToInt(Integer::intValue).sorted().toArray();
        }

        /**
         * 95% percentile interval of the headline production value: a seeded bootstrap of the production rows; without
         * labels the baseline rows are resampled too and the calibration refitted each round, so the interval carries
         * the calibration's own uncertainty.
         */
        private double[] interval(String metric, Evaluator production, Predictions prodPredictions, Outcomes prodOutcomes, Predictions basePredictions,
                                  Outcomes baseOutcomes, boolean labelled) {
            int rounds = context.settings().getInt("performance.interval.bootstrapRounds");
            SplittableRandom random = new SplittableRandom(SEED);
            int[] prodRows = labelled ? prodOutcomes.labelled() : allRows(prodPredictions.rows());
            int[] baseRows = baseOutcomes.labelled();
            double[] values = new double[rounds];
            int m = 0;
            for (int round = 0; round < rounds; round++) {
                int[] prodDraw = draw(prodRows, random);
                IsotonicCalibration calibration = null;
                if (!labelled) {
                    calibration = calibration(basePredictions, baseOutcomes, draw(baseRows, random));
                    if (calibration == null) {
                        continue;
                    }
                }
                Outcomes resampled = prodOutcomes.select(prodDraw);
                Predictions predictions = select(prodPredictions, prodDraw);
                Double value = production.on(resampled, calibration).evaluate(predictions, null).get(metric);
                if (value != null) {
                    values[m++] = value;
                }
            }
            if (m < 20) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double[] sorted = Arrays.copyOf(values, m);
            Arrays.sort(sorted);
            return new double[] {quantile(sorted, 0.025), quantile(sorted, 0.975)};
        }

        private String detail(String metric, Map<String, Double> base, Map<String, Double> prod, boolean labelled,
                              Outcomes baseOutcomes, Outcomes prodOutcomes, int repairs, List<Group> groups, double[] weights,
                              double[] interval) {
            StringBuilder text = new StringBuilder();
            String name = metricName(metric);
            if (fromReference) {
                text.append("Baseline: the reference data (").append(baseOutcomes.labelled().length)
                        .append(" labelled rows held out from training), ").append(name).append(' ').append(number(base.get(metric)))
                        .append(". ");
            } else {
                text.append("Baseline: the training data the model was fitted on (in-sample), ").append(name).append(' ')
                        .append(number(base.get(metric))).append(". It is optimistic: the model has seen these rows, so part of the"
                                + " gap to production is overfitting, not change; give --reference with held-out data of the"
                                + " training period for a fair baseline. ");
            }
            if (labelled) {
                text.append("Production: measured on ").append(prodOutcomes.labelled().length).append(" labelled rows, ")
                        .append(name).append(' ').append(number(prod.get(metric)));
            } else {
                text.append("Production has no labels: its ").append(name).append(" is estimated (CBPE), ")
                        .append(number(prod.get(metric))).append(", from the model's scores calibrated (isotonic) on the ")
                        .append(fromReference ? "reference" : "training").append(" labels; an estimate that assumes the relation"
                                + " between score and outcome did not change, which only labels can confirm");
            }
            if (Double.isFinite(interval[0])) {
                text.append(" (95% bootstrap interval ").append(number(interval[0])).append(" to ").append(number(interval[1]))
                        .append(labelled ? "" : ", calibration resampled too").append(')');
            }
            text.append(". Production is scored as a pipeline serves it: text that is no number and absent inputs as missing. ");
            text.append("The change splits, in this order: pipeline (what repairing the ").append(repairs)
                    .append(" repairable cause").append(repairs == 1 ? "" : "s").append(" gives back: units rescaled, renamed columns"
                            + " mapped back, text numbers parsed, unseen categories as missing); covariate shift (the repaired rows"
                            + " against the same rows reweighted into the baseline's input distribution by a logistic domain"
                            + " classifier's density ratio over the model inputs, weights capped at ")
                    .append((int) DensityRatio.CAP).append("x the mean, worth ").append(Math.round(DensityRatio.effectiveRows(weights)))
                    .append(" of ").append(weights.length).append(" rows; split over ").append(groups.size())
                    .append(" feature groups by Shapley values)");
            if (labelled) {
                text.append("; label shift (the class mix set back to the baseline's").append(WeightedMetrics.AUC.equals(metric)
                        ? ": AUC does not depend on it" : "").append("); concept shift (the rest: the relation between inputs and"
                        + " outcome changed, plus what reweighting cannot reach); residual (rounding).");
            } else {
                text.append("; concept and label shift cannot be seen without labels (null); residual (the estimate on the"
                        + " reweighted rows minus the measured baseline: the estimator's own error).");
            }
            text.append(" Parts smaller than the interval's half-width are within sampling error.");
            return text.toString();
        }

        private static String metricName(String metric) {
            return switch (metric) {
                case WeightedMetrics.AUC -> "AUC";
                case WeightedMetrics.LOG_LOSS -> "log-loss";
                case WeightedMetrics.RMSE -> "RMSE";
                default -> metric;
            };
        }
    }

    /** Feature columns of one covariate group; {@code cause} -1 for the inputs no cause names. */
    private record Group(int cause, int[] columns) {
    }

    /** Metrics of production-like rows: measured on labels, or CBPE from a calibration when there are none. */
    private static final class Evaluator {
        private final String task;
        private final Outcomes outcomes;
        private final IsotonicCalibration calibration;
        private final double threshold;
        private final double fpCost;
        private final double fnCost;

        Evaluator(String task, Outcomes outcomes, IsotonicCalibration calibration, double threshold, double fpCost, double fnCost) {
            this.task = task;
            this.outcomes = outcomes;
            this.calibration = calibration;
            this.threshold = threshold;
            this.fpCost = fpCost;
            this.fnCost = fnCost;
        }

        Evaluator on(Outcomes other, IsotonicCalibration otherCalibration) {
            return new Evaluator(task, other, otherCalibration, threshold, fpCost, fnCost);
        }

        /** @param weights per snapshot row, {@code null} for 1 */
        Map<String, Double> evaluate(Predictions predictions, double[] weights) {
            if (calibration != null) {
                double[] score = predictions.score();
                return WeightedMetrics.binary(score, calibration.apply(score), weights, threshold, fpCost, fnCost);
            }
            int[] rows = outcomes.labelled();
            int m = rows.length;
            double[] w = weights == null ? null : new double[m];
            if (w != null) {
                for (int k = 0; k < m; k++) {
                    w[k] = weights[rows[k]];
                }
            }
            switch (task) {
                case Outcomes.BINARY -> {
                    double[] score = new double[m];
                    double[] q = new double[m];
                    for (int k = 0; k < m; k++) {
                        score[k] = predictions.score()[rows[k]];
                        q[k] = outcomes.positive()[rows[k]];
                    }
                    return WeightedMetrics.binary(score, q, w, threshold, fpCost, fnCost);
                }
                case Outcomes.REGRESSION -> {
                    double[] predicted = new double[m];
                    double[] actual = new double[m];
                    for (int k = 0; k < m; k++) {
                        predicted[k] = predictions.score()[rows[k]];
                        actual[k] = outcomes.actual()[rows[k]];
                    }
                    return WeightedMetrics.regression(predicted, actual, w);
                }
                default -> {
                    double[][] probabilities = new double[m][];
                    int[] actual = new int[m];
                    for (int k = 0; k < m; k++) {
                        probabilities[k] = predictions.probabilities()[rows[k]];
                        actual[k] = outcomes.classIndex()[rows[k]];
                    }
                    return WeightedMetrics.multiclass(probabilities, actual, w);
                }
            }
        }

        /** Standard errors of the loss metrics of a binary classifier, unweighted; empty for the other tasks. */
        Map<String, Double> standardErrors(Predictions predictions) {
            if (!Outcomes.BINARY.equals(task)) {
                return Map.of();
            }
            if (calibration != null) {
                double[] score = predictions.score();
                return WeightedMetrics.binaryStandardErrors(score, calibration.apply(score), threshold, fpCost, fnCost);
            }
            int[] rows = outcomes.labelled();
            double[] score = new double[rows.length];
            double[] q = new double[rows.length];
            for (int k = 0; k < rows.length; k++) {
                score[k] = predictions.score()[rows[k]];
                q[k] = outcomes.positive()[rows[k]];
            }
            return WeightedMetrics.binaryStandardErrors(score, q, threshold, fpCost, fnCost);
        }

        /** The weights with each class scaled so the weighted class mix of the labelled rows is the baseline's. */
        double[] withClassMix(double[] weights, Outcomes base) {
            int classes = Outcomes.BINARY.equals(task) ? 2 : 1 + Math.max(max(outcomes), max(base));
            double[] prodMass = new double[classes];
            double[] baseCount = new double[classes];
            double prodTotal = 0;
            for (int i : outcomes.labelled()) {
                double wi = weights == null ? 1 : weights[i];
                prodMass[outcomes.classOf(i)] += wi;
                prodTotal += wi;
            }
            for (int i : base.labelled()) {
                baseCount[base.classOf(i)]++;
            }
            double[] factor = new double[classes];
            for (int k = 0; k < classes; k++) {
                factor[k] = prodMass[k] > 0 && baseCount[k] > 0
                        ? (baseCount[k] / base.labelled().length) / (prodMass[k] / prodTotal) : 1;
            }
            int n = weights == null ? outcomes.size() : weights.length;
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = weights == null ? 1 : weights[i];
            }
            for (int i : outcomes.labelled()) {
                out[i] *= factor[outcomes.classOf(i)];
            }
            return out;
        }

        private static int max(Outcomes outcomes) {
            int max = 0;
            for (int i : outcomes.labelled()) {
                max = Math.max(max, outcomes.classOf(i));
            }
            return max;
        }
    }

    private static IsotonicCalibration calibration(Predictions predictions, Outcomes outcomes, int[] rows) {
        double[] score = new double[rows.length];
        boolean[] positive = new boolean[rows.length];
        boolean any = false;
        boolean none = false;
        for (int k = 0; k < rows.length; k++) {
            score[k] = predictions.score()[rows[k]];
            positive[k] = outcomes.positive()[rows[k]] == 1;
            any |= positive[k];
            none |= !positive[k];
        }
        return any && none ? IsotonicCalibration.fit(score, positive) : null;
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    private static int[] draw(int[] rows, SplittableRandom random) {
        int[] out = new int[rows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[random.nextInt(rows.length)];
        }
        return out;
    }

    private static Predictions select(Predictions predictions, int[] rows) {
        double[] score = new double[rows.length];
        double[][] probabilities = predictions.probabilities() == null ? null : new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            score[i] = predictions.score()[rows[i]];
            if (probabilities != null) {
                probabilities[i] = predictions.probabilities()[rows[i]];
            }
        }
        return new Predictions(predictions.task(), predictions.classes(), score, probabilities);
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
