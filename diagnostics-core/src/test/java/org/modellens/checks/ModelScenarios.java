package org.modellens.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.Snapshot;
import org.modellens.data.SourceInfo;
import org.modellens.model.ModelRun;
import org.modellens.model.Predictions;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.FeatureRole;
import org.modellens.settings.Settings;

/**
 * Seeded synthetic cases for the model-level checks: real snapshots of a loan-like population
 * (x1, x2 normal, amount lognormal, region with five values, channel boolean) with a target drawn from a
 * known relation, and a slightly wrong model (it ignores the channel and under-weights x1) scoring
 * both sides. Each {@link Plant} changes production in one way.
 */
final class ModelScenarios {

    static final String[] REGIONS = {"north", "south", "east", "west", "central"};
    private static final double[] REGION_SHARES = {0.35, 0.25, 0.2, 0.12, 0.08};
    private static final double[] REGION_EFFECT = {0.0, 0.3, -0.2, 0.4, -0.4};

    /** How production differs from training. */
    enum Plant {
        /** Nothing: production drawn from the training distribution. */
        NONE,
        /** Only the inputs move (x1 +0.8 sd, more west, larger amounts); the relation is unchanged. */
        COVARIATE_SHIFT,
        /** Inputs unchanged; in region west the outcome is more likely (+1.5 on the logit, +1.5 on a regression). */
        CONCEPT_DRIFT_IN_WEST,
        /** Inputs unchanged; a third of the outcomes replaced by noise. */
        NOISY_OUTCOMES,
        /** x1 squeezed towards 0, where the model is least sure: performance falls though no relation changed. */
        UNCERTAIN_INPUTS
    }

    /** One side: the snapshot and the model's output on it. */
    record Side(Snapshot snapshot, double[] score) {
    }

    private ModelScenarios() {
    }

    static Side binary(String name, int rows, long seed, Plant plant, String negative, String positive, boolean labelled) {
        return draw(name, rows, seed, plant, false, negative, positive, labelled);
    }

    static Side regression(String name, int rows, long seed, Plant plant) {
        return draw(name, rows, seed, plant, true, null, null, true);
    }

    private static Side draw(String name, int rows, long seed, Plant plant, boolean regression, String negative, String positive,
                             boolean labelled) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        double[] amount = new double[rows];
        String[] region = new String[rows];
        String[] channel = new String[rows];
        String[] target = new String[rows];
        double[] targetNumbers = new double[rows];
        double[] score = new double[rows];
        double[] shares = REGION_SHARES.clone();
        if (plant == Plant.COVARIATE_SHIFT) {
            shares = new double[] {0.25, 0.2, 0.2, 0.27, 0.08};
        }
        for (int i = 0; i < rows; i++) {
            x1[i] = SyntheticSnapshots.normal(r) + (plant == Plant.COVARIATE_SHIFT ? 0.8 : 0);
            if (plant == Plant.UNCERTAIN_INPUTS) {
                x1[i] *= 0.3;
            }
            x2[i] = SyntheticSnapshots.normal(r);
            amount[i] = Math.exp(9 + 0.5 * SyntheticSnapshots.normal(r) + (plant == Plant.COVARIATE_SHIFT ? 0.4 : 0));
            int k = pick(shares, r.nextDouble());
            region[i] = REGIONS[k];
            boolean web = r.nextDouble() < 0.4;
            channel[i] = web ? "web" : "branch";
            double base = 1.2 * x1[i] - 0.8 * x2[i] + 0.3 * (Math.log(amount[i]) - 9) + REGION_EFFECT[k];
            double truth = base + (web ? 0.4 : 0) + (plant == Plant.CONCEPT_DRIFT_IN_WEST && k == 3 ? 1.5 : 0);
            double modelled = 1.0 * x1[i] - 0.8 * x2[i] + 0.3 * (Math.log(amount[i]) - 9) + REGION_EFFECT[k];
            if (regression) {
                double y = 3 + truth + SyntheticSnapshots.normal(r);
                if (plant == Plant.NOISY_OUTCOMES && r.nextDouble() < 1.0 / 3) {
                    y = 3 + 3 * SyntheticSnapshots.normal(r);
                }
                targetNumbers[i] = y;
                target[i] = Double.toString(y);
                score[i] = 3 + modelled + 0.15;
            } else {
                boolean y = r.nextDouble() < logistic(-1 + truth);
                if (plant == Plant.NOISY_OUTCOMES && r.nextDouble() < 1.0 / 3) {
                    y = r.nextBoolean();
                }
                target[i] = y ? positive : negative;
                score[i] = logistic(-0.9 + modelled);
            }
        }
        List<Column> columns = new ArrayList<>();
        columns.add(SyntheticSnapshots.numericColumn("x1", x1));
        columns.add(SyntheticSnapshots.numericColumn("x2", x2));
        columns.add(SyntheticSnapshots.numericColumn("amount", amount));
        columns.add(new Column("region", ColumnType.CATEGORICAL, false, region, null, 0));
        columns.add(new Column("channel", ColumnType.BOOLEAN, false, channel, null, 0));
        if (labelled) {
            columns.add(regression ? SyntheticSnapshots.numericColumn("outcome", targetNumbers)
                    : new Column("outcome", ColumnType.BOOLEAN, false, target, null, 0));
        }
        return new Side(new Snapshot(new SourceInfo(Path.of(name + ".csv"), "csv", "0"), rows, columns), score);
    }

    private static int pick(double[] shares, double u) {
        double cumulative = 0;
        for (int k = 0; k < shares.length; k++) {
            cumulative += shares[k];
            if (u < cumulative) {
                return k;
            }
        }
        return shares.length - 1;
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static Predictions binaryPredictions(double[] score, List<String> classes) {
        double[][] probabilities = new double[score.length][];
        for (int i = 0; i < score.length; i++) {
            probabilities[i] = new double[] {1 - score[i], score[i]};
        }
        return new Predictions("binary", classes, score, probabilities);
    }

    static Predictions regressionPredictions(double[] score) {
        return new Predictions("regression", List.of(), score, null);
    }

    /** The check context the diagnosis would build: per-column comparisons with the defaults, and the model run. */
    static CheckContext context(Side train, Side prod, String target, Predictions trainPredictions, Predictions prodPredictions) {
        Settings settings = Settings.defaults();
        return context(train.snapshot(), prod.snapshot(), target, settings,
                new ModelRun("model.json", "xgboost", List.of("x1", "x2", "amount", "region", "channel"), trainPredictions.task(),
                        trainPredictions, prodPredictions));
    }

    static CheckContext context(Snapshot train, Snapshot prod, String target, Settings settings, ModelRun run) {
        int top = settings.getInt("drift.categorical.topCategories");
        double minShare = settings.get("drift.categorical.minShare");
        List<FeatureComparison> comparisons = new ArrayList<>();
        for (Column column : train.columns()) {
            FeatureRole role = column.name().equals(target) ? FeatureRole.TARGET : FeatureRole.FEATURE;
            comparisons.add(FeatureComparison.compare(column, prod.column(column.name()).orElse(null), role, top, minShare));
        }
        return new CheckContext(train, prod, target, settings, comparisons, run);
    }

    /** A binary case: training and production drawn with the given seed and plant, default labels 0/1. */
    static CheckContext binaryCase(long seed, Plant plant, int trainRows, int prodRows, boolean prodLabelled) {
        Side train = binary("train", trainRows, seed * 1000 + 1, Plant.NONE, "0", "1", true);
        Side prod = binary("prod", prodRows, seed * 1000 + 2, plant, "0", "1", prodLabelled);
        return context(train, prod, "outcome", binaryPredictions(train.score(), List.of("0", "1")),
                binaryPredictions(prod.score(), List.of("0", "1")));
    }

    static CheckContext regressionCase(long seed, Plant plant, int trainRows, int prodRows) {
        Side train = regression("train", trainRows, seed * 1000 + 1, Plant.NONE);
        Side prod = regression("prod", prodRows, seed * 1000 + 2, plant);
        return context(train, prod, "outcome", regressionPredictions(train.score()), regressionPredictions(prod.score()));
    }
}
