package org.modellens.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.stats.CategoricalDistance;
import org.modellens.stats.CdfDistances;
import org.modellens.stats.ChiSquare;
import org.modellens.stats.Descriptive;
import org.modellens.stats.Psi;

/**
 * One column seen in both snapshots: its profiles and, when both sides have values, the drift
 * statistics between them. Computed once; checks and writers read it.
 *
 * @param name  column name
 * @param role  feature, target or identifier
 * @param type  analysed type (from training)
 * @param train training column
 * @param prod  production column, or {@code null} when production lacks it
 * @param trainProfile profile of the training column
 * @param prodProfile  profile of the production column, or {@code null}
 * @param drift drift statistics, or {@code null} when they do not apply (identifier, text,
 *              datetime, absent column, or a side without values)
 * @param trainSorted training present numbers ascending (numeric columns), else {@code null}
 * @param trainCategories training label counts (categorical columns), else {@code null}
 * @param prodCategories production label counts (categorical columns), else {@code null}
 */
public record FeatureComparison(String name, FeatureRole role, ColumnType type, Column train, Column prod,
                                ColumnProfile trainProfile, ColumnProfile prodProfile, DriftStatistics drift,
                                double[] trainSorted, double[] prodSorted,
                                CategoryCounts trainCategories, CategoryCounts prodCategories) {

    /** Label of the pooled bucket of training categories too rare to keep apart. */
    public static final String OTHER = "(other)";
    /** Label of the pooled bucket of production categories never seen in training. */
    public static final String UNSEEN = "(unseen)";

    public Optional<Column> prodColumn() {
        return Optional.ofNullable(prod);
    }

    /**
     * Compares one column. {@code topCategories} and {@code minShare} decide which training categories
     * stay apart in the pooled total variation.
     */
    public static FeatureComparison compare(Column train, Column prod, FeatureRole role, int topCategories, double minShare) {
        ColumnType type = train.type();
        boolean numeric = type == ColumnType.NUMERIC;
        boolean categorical = train.isCategorical();
        double[] trainSorted = numeric ? ColumnProfile.sortedPresent(train) : null;
        double[] prodSorted = numeric && prod != null ? ColumnProfile.sortedPresent(prod) : null;
        CategoryCounts trainCategories = numeric ? null : CategoryCounts.of(train);
        CategoryCounts prodCategories = numeric || prod == null ? null : CategoryCounts.of(prod);
        // Moments once: the profiles and the standardized mean difference read the same ones.
        double[] trainMoments = moments(trainSorted);
        double[] prodMoments = moments(prodSorted);
        ColumnProfile trainProfile = ColumnProfile.of(train, trainSorted, trainCategories, trainMoments[0], trainMoments[1]);
        ColumnProfile prodProfile = prod == null ? null
                : ColumnProfile.of(prod, prodSorted, prodCategories, prodMoments[0], prodMoments[1]);

        DriftStatistics drift = null;
        if (role != FeatureRole.ID && prod != null) {
            if (numeric && trainSorted.length > 0 && prodSorted.length > 0) {
                drift = numericDriftOfSorted(trainSorted, prodSorted, trainProfile.std(), trainMoments, prodMoments);
            } else if (categorical && trainCategories.total() > 0 && prodCategories.total() > 0) {
                drift = categoricalDrift(trainCategories, prodCategories, topCategories, minShare);
            }
        }
        return new FeatureComparison(train.name(), role, type, train, prod, trainProfile, prodProfile, drift,
                trainSorted, prodSorted, trainCategories, prodCategories);
    }

    /**
     * The numeric drift statistics of two samples of present values (ascending order makes it linear in the
     * sizes). Public so that parts of a snapshot (the timeline's chunks) are measured exactly as a whole one.
     */
    public static DriftStatistics numericDrift(double[] train, double[] prod, double trainStd) {
        CdfDistances distances = CdfDistances.of(train, prod);
        double wasserstein = distances.wasserstein();
        double relative = trainStd > 0 ? wasserstein / trainStd : Double.NaN;
        return DriftStatistics.numeric(distances.ks(), wasserstein, relative,
                Psi.compute(train, prod), Descriptive.standardizedMeanDifference(train, prod));
    }

    /** {mean, variance} of a sorted sample, NaN where they are undefined (no sample, an empty one). */
    private static double[] moments(double[] sorted) {
        if (sorted == null || sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = Descriptive.mean(sorted);
        return new double[] {mean, Descriptive.variance(sorted, mean)};
    }

    /** {@link #numericDrift} of samples known ascending, with their moments: no pass repeated. */
    private static DriftStatistics numericDriftOfSorted(double[] train, double[] prod, double trainStd, double[] trainMoments,
                                                        double[] prodMoments) {
        CdfDistances distances = CdfDistances.ofSorted(train, prod);
        double wasserstein = distances.wasserstein();
        double relative = trainStd > 0 ? wasserstein / trainStd : Double.NaN;
        return DriftStatistics.numeric(distances.ks(), wasserstein, relative,
                Psi.computeOfSorted(train, prod),
                Descriptive.standardizedMeanDifference(trainMoments[0], trainMoments[1], prodMoments[0], prodMoments[1]));
    }

    /** The categorical drift statistics of two label counts, as for a whole snapshot. */
    public static DriftStatistics categoricalDrift(CategoryCounts train, CategoryCounts prod, int topCategories, double minShare) {
        List<String> labels = new ArrayList<>();
        train.labels().forEach(labels::add);
        prod.labels().forEach(label -> {
            if (!train.contains(label)) {
                labels.add(label);
            }
        });
        labels.sort(null);
        long[] trainCounts = new long[labels.size()];
        long[] prodCounts = new long[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            trainCounts[i] = train.count(labels.get(i));
            prodCounts[i] = prod.count(labels.get(i));
        }
        Map<String, long[]> pooled = pooledCounts(train, prod, topCategories, minShare);
        long[] pooledTrain = pooled.values().stream().mapToLong(c -> c[0]).toArray();
        long[] pooledProd = pooled.values().stream().mapToLong(c -> c[1]).toArray();
        return DriftStatistics.categorical(ChiSquare.twoByK(trainCounts, prodCounts),
                CategoricalDistance.jensenShannon(toDouble(trainCounts), toDouble(prodCounts)),
                CategoricalDistance.cramersV(trainCounts, prodCounts),
                CategoricalDistance.totalVariation(toDouble(trainCounts), toDouble(prodCounts)),
                CategoricalDistance.totalVariation(toDouble(pooledTrain), toDouble(pooledProd)));
    }

    /** Frequent training categories kept apart; other training categories and unseen ones pooled. */
    static Map<String, long[]> pooledCounts(CategoryCounts train, CategoryCounts prod, int topCategories, double minShare) {
        Map<String, long[]> pooled = new LinkedHashMap<>();
        for (CategoryCount category : train.ranked()) {
            boolean keep = pooled.size() < topCategories && category.share() >= minShare;
            String bucket = keep ? category.label() : OTHER;
            pooled.computeIfAbsent(bucket, b -> new long[2])[0] += category.count();
        }
        for (String label : prod.labels()) {
            String bucket = train.contains(label) ? (pooled.containsKey(label) ? label : OTHER) : UNSEEN;
            pooled.computeIfAbsent(bucket, b -> new long[2])[1] += prod.count(label);
        }
        return pooled;
    }

    private static double[] toDouble(long[] counts) {
        double[] values = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            values[i] = counts[i];
        }
        return values;
    }
}
