package org.modellens.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.modellens.data.Column;
import org.modellens.profile.CategoryCount;
import org.modellens.profile.FeatureComparison;
import org.modellens.stats.ClassifierMetrics;
import org.modellens.stats.Descriptive;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Adversarial validation: a Tribuo logistic regression learns to tell production rows from training
 * rows on a seeded sample of each side, and its k-fold out-of-fold AUC says how far apart the two joint
 * input distributions are (0.5: indistinguishable). Numeric inputs enter robustly standardised on the
 * training sample (median and IQR, clipped at 5), with their squares (a change of spread) and pairwise
 * products (a change of correlation, which no per-column check sees); a missing value is the median
 * plus a missing indicator. Categorical inputs enter one-hot over the most frequent training categories
 * (the rest pooled). A logistic regression rather than a forest: Tribuo's CART took ~0.3 s per tree
 * here, a forest per fold would cost seconds, and these features give the linear model the shapes of
 * change that matter. The features that drive it are ranked by their own single-feature AUC, out of
 * fold for categories, so that no feature looks separating by memorising rare labels.
 */
final class DomainClassifier {

    /** Tribuo logs every training run at INFO on stderr, which would interleave with the CLI's progress lines. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    /** Numeric inputs whose pairwise products enter the model (the first ones in column order). */
    private static final int MAX_INTERACTING = 6;
    /** Standardised values are clipped here, so heavy tails do not dominate the gradient. */
    private static final double CLIP = 5;

    /** Rows per gradient step: fewer optimiser steps (the cost of a Tribuo step dominates), same optimum. */
    private static final int MINIBATCH = 8;

    static final String TRAIN = "train";
    static final String PROD = "prod";

    /**
     * @param auc          out-of-fold AUC of the forest
     * @param trainRows    training rows sampled
     * @param prodRows     production rows sampled
     * @param featureAucs  per input, its single-feature AUC folded to at least 0.5, largest first
     */
    record Result(double auc, int trainRows, int prodRows, List<Map.Entry<String, Double>> featureAucs) {
    }

    private final List<FeatureComparison> features;
    private final int topCategories;
    private final double minShare;

    DomainClassifier(List<FeatureComparison> features, int topCategories, double minShare) {
        this.features = features;
        this.topCategories = topCategories;
        this.minShare = minShare;
    }

    Result run(int sampleRows, int folds, int epochs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] trainSample = sample(features.get(0).train().size(), sampleRows, random);
        int[] prodSample = sample(features.get(0).prod().size(), sampleRows, random);
        int n = trainSample.length + prodSample.length;
        boolean[] isProd = new boolean[n];
        Arrays.fill(isProd, trainSample.length, n, true);
        int[] fold = folds(trainSample.length, prodSample.length, folds, random);

        List<Encoder> encoders = new ArrayList<>();
        for (FeatureComparison feature : features) {
            encoders.add(Encoder.of(feature, trainSample, topCategories, minShare));
        }
        LabelFactory factory = new LabelFactory();
        Label trainLabel = new Label(TRAIN);
        Label prodLabel = new Label(PROD);
        Map<String, String> productNames = new HashMap<>();
        List<Example<Label>> examples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean prodRow = isProd[i];
            int row = prodRow ? prodSample[i - trainSample.length] : trainSample[i];
            // Names and values are collected first: ArrayExample sorts on every add, once in its constructor.
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            double[] z = new double[encoders.size()];
            String[] zNames = new String[encoders.size()];
            int numeric = 0;
            for (Encoder encoder : encoders) {
                double value = encoder.encode(prodRow ? encoder.feature.prod() : encoder.feature.train(), row, names, values);
                if (!Double.isNaN(value) && numeric < MAX_INTERACTING) {
                    zNames[numeric] = encoder.feature.name();
                    z[numeric++] = value;
                    names.add(encoder.squareName);
                    values.add(value * value / CLIP);
                }
            }
            for (int a = 0; a < numeric; a++) {
                for (int b = a + 1; b < numeric; b++) {
                    names.add(productNames.computeIfAbsent(zNames[a] + "*" + zNames[b], x -> x));
                    values.add(z[a] * z[b] / CLIP);
                }
            }
            ArrayExample<Label> example = new ArrayExample<>(prodRow ? prodLabel : trainLabel, names.toArray(new String[0]),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
            examples.add(example);
        }

        double[] outOfFold = new double[n];
        for (int k = 0; k < folds; k++) {
            MutableDataset<Label> training = new MutableDataset<>(new SimpleDataSourceProvenance("domain sample", factory), factory);
            for (int i = 0; i < n; i++) {
                if (fold[i] != k) {
                    training.add(examples.get(i));
                }
            }
            LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), epochs, -1, MINIBATCH, seed + k);
            Model<Label> model = trainer.train(training);
            for (int i = 0; i < n; i++) {
                if (fold[i] == k) {
                    Prediction<Label> prediction = model.predict(examples.get(i));
                    Label prod = prediction.getOutputScores().get(PROD);
                    outOfFold[i] = prod == null ? 0 : prod.getScore();
                }
            }
        }
        double auc = ClassifierMetrics.auc(outOfFold, isProd);

        List<Map.Entry<String, Double>> featureAucs = new ArrayList<>();
        for (Encoder encoder : encoders) {
            double single = encoder.singleFeatureAuc(trainSample, prodSample, fold, folds);
            if (Double.isFinite(single)) {
                featureAucs.add(Map.entry(encoder.feature.name(), Math.max(single, 1 - single)));
            }
        }
        featureAucs.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return new Result(auc, trainSample.length, prodSample.length, featureAucs);
    }

    /** A seeded sample of {@code min(rows, size)} distinct row indices, ascending. */
    private static int[] sample(int size, int rows, SplittableRandom random) {
        int[] all = new int[size];
        Arrays.setAll(all, i -> i);
        int m = Math.min(rows, size);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, m);
        Arrays.sort(chosen);
        return chosen;
    }

    /** Fold of each sampled row, each side spread evenly over the folds in random order. */
    private static int[] folds(int trainRows, int prodRows, int folds, SplittableRandom random) {
        int[] fold = new int[trainRows + prodRows];
        assign(fold, 0, trainRows, folds, random);
        assign(fold, trainRows, prodRows, folds, random);
        return fold;
    }

    private static void assign(int[] fold, int from, int count, int folds, SplittableRandom random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i % folds;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        System.arraycopy(order, 0, fold, from, count);
    }

    /** Turns one input column into Tribuo features. */
    private static final class Encoder {
        final FeatureComparison feature;
        final double median;
        final double scale;
        final Map<String, String> categoryFeature;
        final String otherFeature;
        final String missingFeature;
        final String squareName;

        private Encoder(FeatureComparison feature, double median, double scale, Map<String, String> categoryFeature) {
            this.feature = feature;
            this.median = median;
            this.scale = scale;
            this.categoryFeature = categoryFeature;
            this.otherFeature = feature.name() + "=(other)";
            this.missingFeature = feature.name() + ":missing";
            this.squareName = feature.name() + "^2";
        }

        static Encoder of(FeatureComparison feature, int[] trainSample, int topCategories, double minShare) {
            if (feature.train().isNumeric()) {
                double[] present = Arrays.stream(trainSample).mapToDouble(r -> feature.train().numbers()[r])
                        .filter(v -> !Double.isNaN(v)).sorted().toArray();
                if (present.length == 0) {
                    return new Encoder(feature, 0, 1, null);
                }
                double iqr = Descriptive.quantile(present, 0.75) - Descriptive.quantile(present, 0.25);
                double sd = present.length > 1 ? Descriptive.std(present) : 0;
                double scale = iqr > 0 ? iqr / 1.349 : sd > 0 ? sd : 1;
                return new Encoder(feature, Descriptive.quantile(present, 0.5), scale, null);
            }
            Map<String, String> categories = new HashMap<>();
            for (CategoryCount c : feature.trainCategories().ranked()) {
                if (categories.size() >= topCategories || c.share() < minShare) {
                    break;
                }
                categories.put(c.label(), feature.name() + "=" + c.label());
            }
            return new Encoder(feature, Double.NaN, Double.NaN, categories);
        }

        /** Appends this input's features; returns the standardised value of a numeric input, else NaN. */
        double encode(Column column, int row, List<String> names, List<Double> values) {
            if (column.isMissing(row) || (categoryFeature == null && Double.isNaN(column.numbers()[row]))) {
                names.add(missingFeature);
                values.add(1.0);
                return categoryFeature == null ? 0 : Double.NaN;
            }
            if (categoryFeature == null) {
                double z = Math.max(-CLIP, Math.min(CLIP, (column.numbers()[row] - median) / scale));
                names.add(feature.name());
                values.add(z);
                return z;
            }
            names.add(categoryFeature.getOrDefault(column.text(row), otherFeature));
            values.add(1.0);
            return Double.NaN;
        }

        /**
         * This input alone as a domain score: numeric values as they are (missing ranked lowest); a category scored by
         * its production share among the sampled rows of the other folds (add-one smoothed), so it is out of fold.
         */
        double singleFeatureAuc(int[] trainSample, int[] prodSample, int[] fold, int folds) {
            int n = trainSample.length + prodSample.length;
            double[] score = new double[n];
            boolean[] isProd = new boolean[n];
            String[] key = new String[n];
            for (int i = 0; i < n; i++) {
                isProd[i] = i >= trainSample.length;
                Column column = isProd[i] ? feature.prod() : feature.train();
                int row = isProd[i] ? prodSample[i - trainSample.length] : trainSample[i];
                if (categoryFeature == null) {
                    double v = column.isMissing(row) ? Double.NaN : column.numbers()[row];
                    score[i] = Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
                } else {
                    key[i] = column.isMissing(row) ? missingFeature : categoryFeature.getOrDefault(column.text(row), otherFeature);
                }
            }
            if (categoryFeature != null) {
                for (int k = 0; k < folds; k++) {
                    Map<String, long[]> counts = new HashMap<>();
                    for (int i = 0; i < n; i++) {
                        if (fold[i] != k) {
                            long[] c = counts.computeIfAbsent(key[i], x -> new long[2]);
                            c[isProd[i] ? 1 : 0]++;
                        }
                    }
                    for (int i = 0; i < n; i++) {
                        if (fold[i] == k) {
                            long[] c = counts.getOrDefault(key[i], new long[2]);
                            score[i] = (c[1] + 1.0) / (c[0] + c[1] + 2.0);
                        }
                    }
                }
            }
            return ClassifierMetrics.auc(score, isProd);
        }
    }
}
