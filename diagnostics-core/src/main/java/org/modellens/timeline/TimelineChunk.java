package org.modellens.timeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.modellens.checks.Severity;

/**
 * One chunk of production.
 *
 * @param index        0-based position in time order
 * @param start        first day (ISO date) or first row of the chunk
 * @param end          last day (ISO date) or last row
 * @param rows         production rows in it
 * @param features     drift of each feature against training
 * @param missingRates missing-value rate of each column
 * @param prediction   summary of the model's outputs (mean, ...); empty without a model
 * @param performance  realized or estimated performance, or {@code null}
 * @param unseenShares share of each categorical feature's non-missing values that are categories never
 *                     seen in training
 * @param outOfRangeShares share of each numeric feature's values outside the training range
 */
public record TimelineChunk(int index, String start, String end, long rows, Map<String, FeatureDrift> features,
                            Map<String, Double> missingRates, Map<String, Double> prediction,
                            ChunkPerformance performance, Map<String, Double> unseenShares,
                            Map<String, Double> outOfRangeShares) {

    public TimelineChunk {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        missingRates = Collections.unmodifiableMap(new LinkedHashMap<>(missingRates));
        prediction = Collections.unmodifiableMap(new LinkedHashMap<>(prediction));
        unseenShares = Collections.unmodifiableMap(new LinkedHashMap<>(unseenShares == null ? Map.of() : unseenShares));
        outOfRangeShares = Collections.unmodifiableMap(new LinkedHashMap<>(outOfRangeShares == null ? Map.of() : outOfRangeShares));
    }

    /** A chunk without unseen-category and out-of-range shares. */
    public TimelineChunk(int index, String start, String end, long rows, Map<String, FeatureDrift> features,
                         Map<String, Double> missingRates, Map<String, Double> prediction, ChunkPerformance performance) {
        this(index, start, end, rows, features, missingRates, prediction, performance, Map.of(), Map.of());
    }

    /**
     * One feature in one chunk: a cell of the timeline grid.
     *
     * @param statistic ks, psi, totalVariation, ...
     * @param value     its value on this chunk against training
     * @param severity  info, warn or fail after the band of normal chunks and the practical threshold; the
     *                  gravest of all the feature's measures in this chunk (drift, missing rate, unseen
     *                  categories, out of range)
     * @param band      the upper edge of {@code statistic} in a normal chunk of this size (training split into
     *                  chunks of the same size), {@code NaN} when the chunk is too small to judge
     * @param signal    the measure that set {@code severity} when it is warn or fail (ks, psi, totalVariation,
     *                  missingRate, unseenShare, outOfRangeShare), else {@code null}
     */
    public record FeatureDrift(String statistic, double value, Severity severity, double band, String signal) {

        public FeatureDrift(String statistic, double value, Severity severity) {
            this(statistic, value, severity, Double.NaN, null);
        }
    }

    /**
     * @param metric    auc, rmse, ...
     * @param value     on this chunk
     * @param estimated true when estimated without labels (CBPE)
     * @param lower     lower end of its confidence interval
     * @param upper     upper end
     * @param bandLower lower edge of the metric in a normal chunk of this size (the baseline split into chunks)
     * @param bandUpper upper edge
     * @param severity  info, warn or fail: outside the band, beyond the practical drop, and significant
     */
    public record ChunkPerformance(String metric, double value, boolean estimated, double lower, double upper,
                                   double bandLower, double bandUpper, Severity severity) {

        public ChunkPerformance(String metric, double value, boolean estimated, double lower, double upper) {
            this(metric, value, estimated, lower, upper, Double.NaN, Double.NaN, Severity.INFO);
        }
    }
}
