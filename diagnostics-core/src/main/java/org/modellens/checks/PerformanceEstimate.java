package org.modellens.checks;

import java.util.Optional;
import java.util.SplittableRandom;

import org.modellens.stats.ConfidenceBasedEstimate;
import org.modellens.stats.ConfidenceBasedEstimate.ExpectedConfusion;
import org.modellens.stats.IsotonicCalibration;

/**
 * A binary classifier's performance on unlabelled production rows, estimated from its confidence
 * (CBPE): the score is calibrated on the baseline's labels (isotonic; the reference data when given), and the calibrated probabilities of
 * the production rows give the expected confusion matrix and the expected ROC curve. Valid only while
 * P(y | score) is what it was in training.
 *
 * @param auc       estimated AUC
 * @param confusion expected confusion matrix at the decision threshold
 */
record PerformanceEstimate(double auc, ExpectedConfusion confusion) {

    /** The estimate, or empty when the task is not binary or training lacks rows of either class. */
    static Optional<PerformanceEstimate> of(ModelOutcomes outcomes, double threshold) {
        return calibration(outcomes).flatMap(calibration -> of(outcomes, calibration, threshold));
    }

    /** The estimate with a calibration already fitted by {@link #calibration}. */
    static Optional<PerformanceEstimate> of(ModelOutcomes outcomes, IsotonicCalibration calibration, double threshold) {
        if (outcomes.prod.scores().length == 0) {
            return Optional.empty();
        }
        double[] scores = outcomes.prod.scores();
        double[] calibrated = calibration.apply(scores);
        return Optional.of(new PerformanceEstimate(ConfidenceBasedEstimate.auc(scores, calibrated),
                ConfidenceBasedEstimate.confusion(scores, calibrated, threshold)));
    }

    /**
     * The isotonic calibration of the score on the baseline's labels (the held-out reference when given, else training),
     * when the model is a binary classifier with both classes labelled there. In-sample training scores are
     * overconfident, so a calibration on them makes the estimate optimistic.
     */
    static Optional<IsotonicCalibration> calibration(ModelOutcomes outcomes) {
        ModelOutcomes.Side train = outcomes.baseline();
        if (!outcomes.binary() || train.labelled() == 0) {
            return Optional.empty();
        }
        double rate = ModelMeasures.positiveRate(train.positive());
        if (rate == 0 || rate == 1) {
            return Optional.empty();
        }
        return Optional.of(IsotonicCalibration.fit(train.score(), train.positive()));
    }

    /**
     * The sampling variance of the estimated AUC: a seeded bootstrap over at most {@code maxRows} production
     * rows (a random subset when there are more), scaled to the full number of rows.
     */
    static double bootstrapVariance(ModelOutcomes outcomes, IsotonicCalibration calibration, int maxRows, int rounds, long seed) {
        double[] scores = outcomes.prod.scores();
        int n = scores.length;
        int m = Math.min(n, maxRows);
        if (m < 2 || rounds < 2) {
            return Double.NaN;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] s = new double[m];
        double[] q = new double[m];
        double sum = 0;
        double sumSquares = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < m; i++) {
                s[i] = scores[random.nextInt(n)];
                q[i] = calibration.apply(s[i]);
            }
            double auc = ConfidenceBasedEstimate.auc(s, q);
            sum += auc;
            sumSquares += auc * auc;
        }
        double mean = sum / rounds;
        double variance = (sumSquares - rounds * mean * mean) / (rounds - 1);
        // A bootstrap of m rows measures the variance at m rows; the estimate uses all n.
        return variance * m / n;
    }
}
