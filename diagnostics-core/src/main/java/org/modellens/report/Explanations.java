package org.modellens.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Feature attributions (DESIGN.md section 3, "explanations").
 *
 * @param space            "margin" (raw model output: log-odds for binary:logistic) or "probability"
 * @param method           how they were computed: "tree-shap" (exact, path-dependent), "kernel-shap", "permutation-shap", "lime"
 * @param globalTrain      feature to mean |contribution| over the explained training rows, largest first
 * @param globalProd       feature to mean |contribution| over the explained production rows
 * @param rows             per production row explanations
 * @param attributionDrift how each feature's importance and rank moved from training to production, in
 *                         training rank order; empty when one side could not be explained
 * @param meansTrain       mean output and mean signed contributions over the same training rows as
 *                         {@code globalTrain}, or {@code null} where they do not add up (one side not
 *                         explained, multiclass)
 * @param meansProd        the same over the production rows of {@code globalProd}
 * @param samplesTrain     a seeded sample of training rows (those global importance was computed on, unless
 *                         a profile of every row gave it), each row's attributions kept for the plots of
 *                         many rows (beeswarm, dependence): the first is explained
 *                         as for global importance, then (multiclass) one per class; empty when not kept
 *                         (a profile's importance, which has no rows)
 * @param samplesProd      the same for production
 * @param units            what one unit of a contribution is: "log-odds" (binary logistic tree models),
 *                         "probability", {@code Model.TARGET_UNITS} (regression: the target's own units)...;
 *                         {@code null} says it by the space alone
 */
public record Explanations(String space, String method, Map<String, Double> globalTrain, Map<String, Double> globalProd,
                           List<RowExplanation> rows, List<AttributionShift> attributionDrift,
                           ContributionMeans meansTrain, ContributionMeans meansProd,
                           List<SampleAttributions> samplesTrain, List<SampleAttributions> samplesProd, String units) {

    public Explanations {
        Objects.requireNonNull(space, "space");
        if (units == null) {
            units = "probability".equals(space) ? "probability" : "model output (" + space + ")";
        }
        Objects.requireNonNull(method, "method");
        globalTrain = Collections.unmodifiableMap(new LinkedHashMap<>(globalTrain));
        globalProd = Collections.unmodifiableMap(new LinkedHashMap<>(globalProd));
        rows = List.copyOf(rows);
        attributionDrift = List.copyOf(attributionDrift);
        samplesTrain = List.copyOf(samplesTrain);
        samplesProd = List.copyOf(samplesProd);
    }

    /** Explanations without the sampled rows' attributions, their units said by their space. */
    public Explanations(String space, String method, Map<String, Double> globalTrain, Map<String, Double> globalProd,
                        List<RowExplanation> rows, List<AttributionShift> attributionDrift,
                        ContributionMeans meansTrain, ContributionMeans meansProd) {
        this(space, method, globalTrain, globalProd, rows, attributionDrift, meansTrain, meansProd, List.of(), List.of(), null);
    }

    /** Explanations whose units are said by their space alone. */
    public Explanations(String space, String method, Map<String, Double> globalTrain, Map<String, Double> globalProd,
                        List<RowExplanation> rows, List<AttributionShift> attributionDrift,
                        ContributionMeans meansTrain, ContributionMeans meansProd,
                        List<SampleAttributions> samplesTrain, List<SampleAttributions> samplesProd) {
        this(space, method, globalTrain, globalProd, rows, attributionDrift, meansTrain, meansProd, samplesTrain, samplesProd, null);
    }

    /**
     * The sampled rows of one side explained for {@code outputClass}: {@code null} (or a class no sample
     * names) gives the first sample, explained as for global importance (each row's predicted class for
     * a multiclass model).
     *
     * @param train the training side ({@code true}) or production
     * @return empty when the side's rows were not kept
     */
    public java.util.Optional<SampleAttributions> sample(boolean train, String outputClass) {
        List<SampleAttributions> samples = train ? samplesTrain : samplesProd;
        if (samples.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(samples.stream().filter(s -> outputClass != null && outputClass.equals(s.outputClass())
                && s.forClass()).findFirst().orElse(samples.get(0)));
    }

    /**
     * One side's sampled rows with their attributions: {@code baseValue[r] + sum_j contributions[r][j] = output[r]}.
     * The arrays are shared, not copied (a few thousand rows by the model's inputs): treat them as read-only.
     *
     * @param outputClass   the class explained (binary: the positive class), {@code null} for regression
     * @param forClass      every row is explained for {@code outputClass}; {@code false} for a multiclass
     *                      sample whose rows are each explained for their own predicted class
     * @param rows          0-based data rows of that side's snapshot, ascending
     * @param features      the model's inputs, the column order of {@code contributions}
     * @param contributions per row, one contribution per feature
     * @param baseValue     per row, the expected output the contributions start from
     * @param output        per row, the explained output in {@link #space()}
     */
    public record SampleAttributions(String outputClass, boolean forClass, int[] rows, List<String> features,
                                     double[][] contributions, double[] baseValue, double[] output) {

        public SampleAttributions {
            features = List.copyOf(features);
        }

        /** Mean |contribution| per feature over the rows, in model feature order (NaN without rows). */
        public double[] meanAbs() {
            double[] mean = new double[features.size()];
            for (double[] row : contributions) {
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += Math.abs(row[j]);
                }
            }
            for (int j = 0; j < mean.length; j++) {
                mean[j] /= rows.length;
            }
            return mean;
        }

        /** Column {@code feature} of the contributions; empty when the model has no such input. */
        public java.util.Optional<double[]> contributionsOf(String feature) {
            int j = features.indexOf(feature);
            if (j < 0) {
                return java.util.Optional.empty();
            }
            double[] column = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                column[r] = contributions[r][j];
            }
            return java.util.Optional.of(column);
        }
    }

    /**
     * The units for a label, the target named where they are its own: "log-odds", "units of price".
     *
     * @param target the target column, or {@code null}
     */
    public String unitsFor(String target) {
        return org.modellens.model.Model.TARGET_UNITS.equals(units) ? (target == null ? "the target's units" : "units of " + target)
                : units;
    }

    /** Explanations without the means of the contributions. */
    public Explanations(String space, String method, Map<String, Double> globalTrain, Map<String, Double> globalProd,
                        List<RowExplanation> rows, List<AttributionShift> attributionDrift) {
        this(space, method, globalTrain, globalProd, rows, attributionDrift, null, null);
    }

    /**
     * The change of the mean output from training to production, split by feature: by additivity
     * ({@code output = baseValue + sum of contributions} on every row) mean production output minus mean
     * training output is exactly the sum over features of the change of their mean contribution, plus
     * the change of the mean base value (zero for TreeSHAP and permutation SHAP, whose base value is
     * one constant). Empty when either side's means are missing.
     */
    public Map<String, Double> predictionShiftByFeature() {
        Map<String, Double> shift = new LinkedHashMap<>();
        if (meansTrain == null || meansProd == null) {
            return shift;
        }
        for (Map.Entry<String, Double> entry : meansTrain.contributions().entrySet()) {
            Double prod = meansProd.contributions().get(entry.getKey());
            if (prod != null) {
                shift.put(entry.getKey(), prod - entry.getValue());
            }
        }
        return shift;
    }

    /**
     * Means over the explained rows of one side.
     *
     * @param rows          how many rows (all scorable rows, or the seeded sample of global importance)
     * @param output        mean model output in {@link #space()} (margin: log-odds for binary:logistic)
     * @param baseValue     mean base value
     * @param contributions feature to mean signed contribution, in model feature order
     */
    public record ContributionMeans(long rows, double output, double baseValue, Map<String, Double> contributions) {

        public ContributionMeans {
            contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
        }
    }

    /** Explanations without an attribution-drift view. */
    public Explanations(String space, String method, Map<String, Double> globalTrain, Map<String, Double> globalProd,
                        List<RowExplanation> rows) {
        this(space, method, globalTrain, globalProd, rows, List.of());
    }

    /**
     * How one feature's global importance moved.
     *
     * @param feature         the model feature
     * @param trainRank       1 = most important on training
     * @param prodRank        1 = most important on production
     * @param trainImportance mean |contribution| on training
     * @param prodImportance  mean |contribution| on production
     * @param trainShare      share of the total mean |contribution| on training (0..1)
     * @param prodShare       share on production (0..1)
     */
    public record AttributionShift(String feature, int trainRank, int prodRank, double trainImportance,
                                   double prodImportance, double trainShare, double prodShare) {
    }

    /**
     * One production row explained: {@code baseValue + sum(contributions) = margin}.
     *
     * @param rowIndex      0-based data row of the production file
     * @param prediction    the model's output (probability for classifiers)
     * @param margin        the model's output in {@link #space()}
     * @param baseValue     the expected output over the background (training) data
     * @param contributions feature to contribution, in model feature order
     * @param outputClass   the class whose output is explained (multiclass: one of the classes; binary: the
     *                      positive class), {@code null} for regression
     * @param predictedClass the row's predicted class (multiclass), {@code null} otherwise
     */
    public record RowExplanation(int rowIndex, double prediction, double margin, double baseValue,
                                 Map<String, Double> contributions, String outputClass, String predictedClass) {

        public RowExplanation {
            contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
        }

        /** A row explained without naming a class (regression). */
        public RowExplanation(int rowIndex, double prediction, double margin, double baseValue,
                              Map<String, Double> contributions) {
            this(rowIndex, prediction, margin, baseValue, contributions, null, null);
        }
    }
}
