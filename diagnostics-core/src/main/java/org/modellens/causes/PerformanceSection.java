package org.modellens.causes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The model's performance in production against a fair baseline, and how the change splits into its
 * sources (DESIGN.md section 5). Needs a model.
 *
 * @param metric        the headline metric for the task (auc, rmse, ...)
 * @param baseline      what production is compared with
 * @param prod          the production value, measured or estimated
 * @param decomposition how prod - baseline splits, or {@code null} where it cannot be split
 * @param metrics       every metric the user would weigh, baseline and production side by side
 * @param detail        how the figures were measured and what they assume, in words; empty when not stated
 * @param noise         per metric, its sampling noise in production: the half-width of its 95% interval (the
 *                      headline's bootstrap interval; 1.96 standard errors of a loss metric's per-row mean); a metric
 *                      without one is absent. A part smaller than its metric's noise cannot be told from chance.
 */
public record PerformanceSection(String metric, Baseline baseline, ProdValue prod, Decomposition decomposition,
                                 Map<String, MetricPair> metrics, String detail, Map<String, Double> noise) {

    /** Baseline source: the held-out reference data. */
    public static final String REFERENCE = "reference";
    /** Baseline source: the training rows the model was fitted on (optimistic). */
    public static final String TRAINING_IN_SAMPLE = "training-in-sample";

    public PerformanceSection {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(prod, "prod");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        detail = detail == null ? "" : detail;
        noise = noise == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(noise));
    }

    /** A section without per-metric noise. */
    public PerformanceSection(String metric, Baseline baseline, ProdValue prod, Decomposition decomposition,
                              Map<String, MetricPair> metrics, String detail) {
        this(metric, baseline, prod, decomposition, metrics, detail, Map.of());
    }

    /** A section without a stated method. */
    public PerformanceSection(String metric, Baseline baseline, ProdValue prod, Decomposition decomposition,
                              Map<String, MetricPair> metrics) {
        this(metric, baseline, prod, decomposition, metrics, "", Map.of());
    }

    /** Whether the baseline is the training data the model has seen. */
    public boolean inSample() {
        return TRAINING_IN_SAMPLE.equals(baseline.source());
    }

    /** prod - baseline of the headline metric. */
    public double change() {
        return prod.value() - baseline.value();
    }

    /**
     * @param source {@link #REFERENCE} or {@link #TRAINING_IN_SAMPLE}
     * @param value  the headline metric on it
     */
    public record Baseline(String source, double value) {
    }

    /**
     * @param value     the headline metric on production
     * @param estimated true when estimated without production labels (CBPE)
     * @param lower     lower end of its interval (NaN when none)
     * @param upper     upper end of its interval (NaN when none)
     */
    public record ProdValue(double value, boolean estimated, double lower, double upper) {
    }

    /**
     * Parts of prod - baseline; they sum to it. A part that cannot be measured (concept and label shift without
     * production labels) is {@code NaN}, and the residual then closes the sum over the measured parts.
     */
    public record Decomposition(double covariateShift, double conceptShift, double labelShift, double pipeline,
                                double residual) {

        /** The sum of the measured parts ({@code NaN} parts left out). */
        public double total() {
            double sum = 0;
            for (double part : new double[] {covariateShift, conceptShift, labelShift, pipeline, residual}) {
                if (!Double.isNaN(part)) {
                    sum += part;
                }
            }
            return sum;
        }
    }

    /** One metric on the baseline and on production. */
    public record MetricPair(double baseline, double prod) {
    }
}
