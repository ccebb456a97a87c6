package org.modellens.profile;

import java.util.List;

import org.modellens.data.Column;
import org.modellens.data.ColumnTally;
import org.modellens.data.ColumnType;
import org.modellens.data.Sampling;

/**
 * Compares a column of two streamed snapshots ({@link Sampling}): the profile's counts, minimum,
 * maximum, mean, standard deviation and category counts are the exact figures of the whole files;
 * quantiles and the numeric drift statistics (KS, Wasserstein, PSI) come from the uniform samples,
 * with the error bounds {@link StatisticAccuracy} states; the standardized mean difference and every
 * categorical statistic are computed from the exact figures.
 */
public final class StreamedComparison {

    private StreamedComparison() {
    }

    /**
     * @param trainSampling the training snapshot's sampling, or {@code null} when it holds every row
     * @param prodSampling  the production snapshot's sampling, or {@code null}
     */
    public static FeatureComparison compare(Column train, Column prod, Sampling trainSampling, Sampling prodSampling,
                                            FeatureRole role, int topCategories, double minShare) {
        ColumnTally trainTally = trainSampling == null ? null : trainSampling.tally(train.name());
        ColumnTally prodTally = prod == null || prodSampling == null ? null : prodSampling.tally(prod.name());
        if (trainTally == null && prodTally == null) {
            return FeatureComparison.compare(train, prod, role, topCategories, minShare);
        }
        boolean numeric = train.type() == ColumnType.NUMERIC;
        double[] trainSorted = numeric ? ColumnProfile.sortedPresent(train) : null;
        double[] prodSorted = numeric && prod != null ? ColumnProfile.sortedPresent(prod) : null;
        CategoryCounts trainCategories = numeric ? null : counts(train, trainTally);
        CategoryCounts prodCategories = numeric || prod == null ? null : counts(prod, prodTally);
        ColumnProfile trainProfile = profile(train, trainSorted, trainCategories, trainTally);
        ColumnProfile prodProfile = prod == null ? null : profile(prod, prodSorted, prodCategories, prodTally);

        DriftStatistics drift = null;
        if (role != FeatureRole.ID && prod != null) {
            if (numeric && trainSorted.length > 0 && prodSorted.length > 0) {
                DriftStatistics sampled = FeatureComparison.numericDrift(trainSorted, prodSorted, trainProfile.std());
                drift = DriftStatistics.numeric(sampled.ks(), sampled.wasserstein(), sampled.wassersteinRelative(),
                        sampled.psi(), standardizedMeanDifference(trainProfile, prodProfile));
            } else if (train.isCategorical() && trainCategories.total() > 0 && prodCategories.total() > 0) {
                drift = FeatureComparison.categoricalDrift(trainCategories, prodCategories, topCategories, minShare);
            }
        }
        return new FeatureComparison(train.name(), role, train.type(), train, prod, trainProfile, prodProfile, drift,
                trainSorted, prodSorted, trainCategories, prodCategories);
    }

    /** Exact label counts when the pass counted every label, else the sample's. */
    static CategoryCounts counts(Column sample, ColumnTally tally) {
        if (tally != null && tally.categoryCounts() != null && tally.categoriesComplete()) {
            return CategoryCounts.of(tally.categoryCounts());
        }
        return CategoryCounts.of(sample);
    }

    /** Whether {@link #counts} gives the exact counts of the whole file for this column. */
    static boolean exactCounts(ColumnTally tally) {
        return tally == null || tally.categoryCounts() != null && tally.categoriesComplete();
    }

    private static ColumnProfile profile(Column sample, double[] sorted, CategoryCounts categories, ColumnTally tally) {
        ColumnProfile fromSample = ColumnProfile.of(sample, sorted, categories);
        if (tally == null) {
            return fromSample;
        }
        long rows = tally.rows();
        long missing = tally.missing();
        if (sorted == null) {
            return new ColumnProfile(rows, rows - missing, missing, tally.unparsable(), fromSample.distinct(),
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, fromSample.quantiles(), fromSample.topCategories());
        }
        // Distinct numbers cannot be counted in bounded memory: one exactly when min = max, else the
        // sample's count (a lower bound, never below two).
        long distinct = tally.count() == 0 ? 0 : tally.min() == tally.max() ? 1 : Math.max(2, fromSample.distinct());
        return new ColumnProfile(rows, rows - missing, missing, tally.unparsable(), distinct,
                tally.mean(), tally.std(), tally.min(), tally.max(), fromSample.quantiles(), List.of());
    }

    /** (mean prod - mean train) / sqrt((var train + var prod) / 2), as Descriptive, from exact moments. */
    private static double standardizedMeanDifference(ColumnProfile train, ColumnProfile prod) {
        double pooled = Math.sqrt((train.std() * train.std() + prod.std() * prod.std()) / 2.0);
        double diff = prod.mean() - train.mean();
        if (pooled == 0.0) {
            return diff == 0.0 ? 0.0 : Double.NaN;
        }
        double r = diff / pooled;
        return Double.isInfinite(r) ? Double.NaN : r;
    }

}
