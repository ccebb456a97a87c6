package org.modellens.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.modellens.model.FeatureMatrix;
import org.modellens.model.Model;
import org.modellens.report.Explanations;

/**
 * Builds the report's explanations section from an explainer: per-row attributions for the chosen
 * production rows, global importance (mean |contribution|) per side and how the importance ranking
 * moved between them.
 *
 * <p>Global importance is a mean, so it is estimated on a seeded random sample of at most
 * {@code globalSampleRows} scorable rows per side: its standard error shrinks as one over the root
 * of the sample size, and a few thousand rows pin a mean |SHAP| down to a few percent while keeping
 * the cost independent of the snapshot's size. Rows that cannot be scored (text in a numeric input)
 * are left out of both.
 */
public final class ModelExplanations {

    private ModelExplanations() {
    }

    /**
     * @param train           training inputs, {@code null} when the model cannot score training
     * @param prod            production inputs, {@code null} when the model cannot score production
     * @param rows            production rows to explain one by one
     * @param globalSampleRows at most this many rows per side for global importance
     * @param seed            seed of the global-importance sample
     */
    public static Explanations explain(Model model, Explainer explainer, FeatureMatrix train, FeatureMatrix prod,
                                       ExplainRows rows, int globalSampleRows, long seed) {
        List<String> features = model.features();
        int[] trainRows = train == null ? null : sample(train, globalSampleRows, seed);
        int[] prodRows = prod == null ? null : sample(prod, globalSampleRows, seed + 1);
        Attributions trainSample = train == null ? null : explainer.explain(train, trainRows);
        Attributions prodSample = prod == null ? null : explainer.explain(prod, prodRows);
        Map<String, Double> globalTrain = trainSample == null ? Map.of() : importance(features, trainSample);
        Map<String, Double> globalProd = prodSample == null ? Map.of() : importance(features, prodSample);
        // Means of one output only add up across rows: a multiclass row is explained for its own class.
        boolean additive = !"multiclass".equals(model.task()) && trainSample != null && prodSample != null;
        Explanations.ContributionMeans meansTrain = additive ? means(features, trainSample) : null;
        Explanations.ContributionMeans meansProd = additive ? means(features, prodSample) : null;

        List<Explanations.RowExplanation> explained = new ArrayList<>();
        if (prod != null) {
            int[] selected = scorable(prod, rows.indices(prod.rows()));
            Attributions predicted = explainer.explain(prod, selected);
            boolean multiclass = "multiclass".equals(model.task());
            int classes = model.outputCount();
            List<Attributions> perClass = new ArrayList<>();
            if (multiclass && rows.allClasses()) {
                for (int g = 0; g < classes; g++) {
                    int[] groups = new int[selected.length];
                    java.util.Arrays.fill(groups, g);
                    perClass.add(explainer.explain(prod, selected, groups));
                }
            } else {
                perClass.add(predicted);
            }
            for (int r = 0; r < selected.length; r++) {
                String predictedClass = multiclass ? className(model, predicted.group()[r]) : null;
                for (Attributions attributions : perClass) {
                    Map<String, Double> contributions = new LinkedHashMap<>();
                    for (int j = 0; j < features.size(); j++) {
                        contributions.put(features.get(j), attributions.phi()[r][j]);
                    }
                    int group = attributions.group()[r];
                    double prediction = prediction(model, prod, selected[r], group);
                    String outputClass = multiclass ? className(model, group)
                            : "binary".equals(model.task()) ? className(model, 1) : null;
                    explained.add(new Explanations.RowExplanation(selected[r], prediction, attributions.output()[r],
                            attributions.baseValue()[r], contributions, outputClass, predictedClass));
                }
            }
        }
        List<Explanations.AttributionShift> drift = globalTrain.isEmpty() || globalProd.isEmpty() ? List.of()
                : drift(globalTrain, globalProd);
        String units = "probability".equals(explainer.space()) ? "probability" : model.outputUnits();
        return new Explanations(explainer.space(), explainer.method(), globalTrain, globalProd, explained, drift,
                meansTrain, meansProd, samples(model, explainer, train, trainRows, trainSample),
                samples(model, explainer, prod, prodRows, prodSample), units);
    }

    /**
     * The sampled rows' attributions kept for the plots of many rows: as explained for global
     * importance, then for a multiclass model once per class, so that choosing a class shows every
     * row's attributions towards it (each class costs one pass over that class's trees only).
     */
    private static List<Explanations.SampleAttributions> samples(Model model, Explainer explainer, FeatureMatrix matrix,
                                                                int[] rows, Attributions explained) {
        if (explained == null) {
            return List.of();
        }
        List<Explanations.SampleAttributions> samples = new ArrayList<>();
        boolean multiclass = "multiclass".equals(model.task());
        String only = "binary".equals(model.task()) ? className(model, 1) : null;
        samples.add(new Explanations.SampleAttributions(only, !multiclass, rows, model.features(), explained.phi(),
                explained.baseValue(), explained.output()));
        if (multiclass) {
            for (int g = 0; g < model.outputCount(); g++) {
                int[] groups = new int[rows.length];
                java.util.Arrays.fill(groups, g);
                Attributions forClass = explainer.explain(matrix, rows, groups);
                samples.add(new Explanations.SampleAttributions(className(model, g), true, rows, model.features(),
                        forClass.phi(), forClass.baseValue(), forClass.output()));
            }
        }
        return samples;
    }

    /**
     * Mean output, base value and signed contribution per feature over the explained rows. Plain sums
     * in row order: the means are linear, so mean output = mean base value + sum of the mean
     * contributions up to rounding (about 1e-15 relative).
     */
    static Explanations.ContributionMeans means(List<String> features, Attributions attributions) {
        int p = features.size();
        int n = attributions.phi().length;
        double[] sum = new double[p];
        double output = 0;
        double base = 0;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < p; j++) {
                sum[j] += attributions.phi()[r][j];
            }
            output += attributions.output()[r];
            base += attributions.baseValue()[r];
        }
        Map<String, Double> contributions = new LinkedHashMap<>();
        for (int j = 0; j < p; j++) {
            contributions.put(features.get(j), n == 0 ? Double.NaN : sum[j] / n);
        }
        return new Explanations.ContributionMeans(n, n == 0 ? Double.NaN : output / n, n == 0 ? Double.NaN : base / n,
                contributions);
    }

    /** The label of output group {@code group}, its index when the model names no classes. */
    private static String className(Model model, int group) {
        List<String> classes = model.classes();
        return group < classes.size() ? classes.get(group) : String.valueOf(group);
    }

    /** The model's output for a row: probability of the explained class, or the predicted value. */
    private static double prediction(Model model, FeatureMatrix matrix, int row, int group) {
        double[] linked = model.link(model.rawOutputs(matrix, row, row + 1));
        return linked[Math.min(group, linked.length - 1)];
    }

    /** Mean |contribution| per feature, largest first. */
    static Map<String, Double> importance(List<String> features, Attributions attributions) {
        int p = features.size();
        double[] sum = new double[p];
        for (double[] phi : attributions.phi()) {
            for (int j = 0; j < p; j++) {
                sum[j] += Math.abs(phi[j]);
            }
        }
        int n = attributions.phi().length;
        Map<String, Double> importance = new LinkedHashMap<>();
        if (n == 0) {
            return importance;
        }
        Integer[] order = new Integer[p];
        for (int j = 0; j < p; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -sum[j]));
        for (int j : order) {
            importance.put(features.get(j), sum[j] / n);
        }
        return importance;
    }

    /** Ranks and shares on both sides, in training rank order. */
    public static List<Explanations.AttributionShift> drift(Map<String, Double> train, Map<String, Double> prod) {
        Map<String, Integer> prodRank = ranks(prod);
        double trainTotal = train.values().stream().mapToDouble(Double::doubleValue).sum();
        double prodTotal = prod.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Explanations.AttributionShift> shifts = new ArrayList<>();
        int rank = 1;
        for (Map.Entry<String, Double> entry : train.entrySet()) {
            double p = prod.getOrDefault(entry.getKey(), 0.0);
            shifts.add(new Explanations.AttributionShift(entry.getKey(), rank++, prodRank.get(entry.getKey()), entry.getValue(),
                    p, trainTotal > 0 ? entry.getValue() / trainTotal : 0, prodTotal > 0 ? p / prodTotal : 0));
        }
        return shifts;
    }

    private static Map<String, Integer> ranks(Map<String, Double> importance) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        int rank = 1;
        for (String feature : importance.keySet()) {
            ranks.put(feature, rank++);
        }
        return ranks;
    }

    /** At most {@code size} scorable rows, drawn without replacement with a fixed seed, in row order. */
    static int[] sample(FeatureMatrix matrix, int size, long seed) {
        int[] candidates = scorable(matrix, ExplainRows.ALL.indices(matrix.rows()));
        if (candidates.length <= size) {
            return candidates;
        }
        Random random = new Random(seed);
        // Partial Fisher-Yates: the first `size` places hold a uniform sample.
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(candidates.length - i);
            int swap = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = swap;
        }
        int[] picked = java.util.Arrays.copyOf(candidates, size);
        java.util.Arrays.sort(picked);
        return picked;
    }

    private static int[] scorable(FeatureMatrix matrix, int[] rows) {
        return java.util.Arrays.stream(rows).filter(matrix::scorable).toArray();
    }
}
