package org.modellens.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.modellens.model.ModelRun;
import org.modellens.report.ModelSection.CostSummary;
import org.modellens.report.ModelSection.Curve;
import org.modellens.report.ModelSection;
import org.modellens.settings.Settings;
import org.modellens.stats.CalibrationCurve;
import org.modellens.stats.ConfidenceBasedEstimate.ExpectedConfusion;
import org.modellens.stats.RocCurve;

/**
 * The report's model section: metrics on training, on the held-out reference data when given, and on
 * production (estimated from confidence when production has no labels and the model is a binary
 * classifier, calibrated on the reference when given), the decision threshold, ROC and
 * calibration curves, and the expected cost of the model's decisions under the cost matrix of the
 * settings ({@code cost.falsePositive}, {@code cost.falseNegative}, {@code decision.threshold}).
 */
public final class ModelAssessment {

    /** Most points a drawn ROC curve keeps (see {@link RocCurve#thinned}). */
    static final int ROC_POINTS = 200;
    /** Equal-width bins of the calibration curve, as sklearn's calibration_curve default. */
    static final int CALIBRATION_BINS = 10;

    private ModelAssessment() {
    }

    /**
     * @return the model section, or {@code null} when the context holds no model
     */
    public static ModelSection assess(CheckContext context) {
        Optional<ModelRun> model = context.model();
        if (model.isEmpty()) {
            return null;
        }
        ModelRun run = model.get();
        Optional<ModelOutcomes> found = ModelOutcomes.of(context);
        boolean binary = ModelOutcomes.BINARY.equals(run.task());
        double threshold = binary ? context.settings().get("decision.threshold") : Double.NaN;
        if (found.isEmpty()) {
            return new ModelSection(run.path(), run.type(), run.features(), run.task(), Map.of(), Map.of(), false, threshold,
                    List.of(), null);
        }
        ModelOutcomes o = found.get();
        Map<String, Double> trainMetrics = ModelMeasures.of(o, o.train, threshold);
        Map<String, Double> prodMetrics = ModelMeasures.of(o, o.prod, threshold);
        boolean estimated = false;
        Optional<PerformanceEstimate> estimate = Optional.empty();
        if (binary && o.prod.labelled() == 0) {
            estimate = PerformanceEstimate.of(o, threshold);
            if (estimate.isPresent()) {
                estimated = true;
                prodMetrics = new LinkedHashMap<>();
                put(prodMetrics, "auc", estimate.get().auc());
                put(prodMetrics, "accuracy", estimate.get().confusion().accuracy());
                put(prodMetrics, "f1", estimate.get().confusion().f1());
                prodMetrics.put("rows", (double) o.prod.scores().length);
            }
        }
        List<Curve> curves = new ArrayList<>();
        CostSummary cost = null;
        if (binary) {
            addCurves(curves, o.train, "train");
            addCurves(curves, o.prod, "prod");
            cost = cost(o, context.settings(), threshold, estimate);
        }
        Map<String, Double> referenceMetrics = o.reference == null ? Map.of() : ModelMeasures.of(o, o.reference, threshold);
        return new ModelSection(run.path(), run.type(), run.features(), run.task(), trainMetrics, prodMetrics, estimated,
                threshold, curves, cost, referenceMetrics, o.regression() ? List.of() : o.labels);
    }

    private static void addCurves(List<Curve> curves, ModelOutcomes.Side side, String name) {
        double rate = ModelMeasures.positiveRate(side.positive());
        if (side.labelled() == 0 || rate == 0 || rate == 1) {
            return;
        }
        RocCurve roc = RocCurve.of(side.score(), side.positive()).thinned(ROC_POINTS);
        curves.add(new Curve("roc", name, roc.falsePositiveRate(), roc.truePositiveRate()));
        if (probabilities(side.score())) {
            CalibrationCurve calibration = CalibrationCurve.of(side.score(), side.positive(), CALIBRATION_BINS);
            curves.add(new Curve("calibration", name, calibration.meanPredicted(), calibration.observedRate(), calibration.counts()));
        }
    }

    private static boolean probabilities(double[] score) {
        for (double s : score) {
            if (!(s >= 0 && s <= 1)) {
                return false;
            }
        }
        return true;
    }

    /** Average cost per row: (false positives x cost + false negatives x cost) / rows; production estimated without labels. */
    private static CostSummary cost(ModelOutcomes o, Settings s, double threshold, Optional<PerformanceEstimate> estimate) {
        double fpCost = s.get("cost.falsePositive");
        double fnCost = s.get("cost.falseNegative");
        double train = costPerRow(o.train, threshold, fpCost, fnCost);
        double prod;
        boolean estimated = false;
        if (o.prod.labelled() > 0) {
            prod = costPerRow(o.prod, threshold, fpCost, fnCost);
        } else if (estimate.isPresent()) {
            ExpectedConfusion c = estimate.get().confusion();
            prod = (c.falsePositives() * fpCost + c.falseNegatives() * fnCost) / c.rows();
            estimated = true;
        } else {
            prod = Double.NaN;
        }
        return new CostSummary(fpCost, fnCost, threshold, train, prod, estimated);
    }

    private static double costPerRow(ModelOutcomes.Side side, double threshold, double fpCost, double fnCost) {
        if (side.labelled() == 0) {
            return Double.NaN;
        }
        double total = 0;
        for (int i = 0; i < side.labelled(); i++) {
            boolean decided = side.score()[i] >= threshold;
            if (decided && !side.positive()[i]) {
                total += fpCost;
            } else if (!decided && side.positive()[i]) {
                total += fnCost;
            }
        }
        return total / side.labelled();
    }

    private static void put(Map<String, Double> metrics, String name, double value) {
        if (Double.isFinite(value)) {
            metrics.put(name, value);
        }
    }
}
