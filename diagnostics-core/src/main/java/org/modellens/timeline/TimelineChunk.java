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
 */
public record TimelineChunk(int index, String start, String end, long rows, Map<String, FeatureDrift> features,
                            Map<String, Double> missingRates, Map<String, Double> prediction,
                            ChunkPerformance performance) {

    public TimelineChunk {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        missingRates = Collections.unmodifiableMap(new LinkedHashMap<>(missingRates));
        prediction = Collections.unmodifiableMap(new LinkedHashMap<>(prediction));
    }

    /**
     * @param statistic ks, psi, totalVariation, ...
     * @param value     its value on this chunk against training
     * @param severity  info, warn or fail after the band of normal chunks and the practical threshold
     */
    public record FeatureDrift(String statistic, double value, Severity severity) {
    }

    /**
     * @param metric    auc, rmse, ...
     * @param value     on this chunk
     * @param estimated true when estimated without labels (CBPE)
     * @param lower     lower end of its confidence interval
     * @param upper     upper end
     */
    public record ChunkPerformance(String metric, double value, boolean estimated, double lower, double upper) {
    }
}
