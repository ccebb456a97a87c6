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
 */
public record Explanations(String space, String method, Map<String, Double> globalTrain, Map<String, Double> globalProd,
                           List<RowExplanation> rows, List<AttributionShift> attributionDrift,
                           ContributionMeans meansTrain, ContributionMeans meansProd) {

    public Explanations {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(method, "method");
        globalTrain = Collections.unmodifiableMap(new LinkedHashMap<>(globalTrain));
        globalProd = Collections.unmodifiableMap(new LinkedHashMap<>(globalProd));
        rows = List.copyOf(rows);
        attributionDrift = List.copyOf(attributionDrift);
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
