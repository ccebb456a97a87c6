package org.modellens.causes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.modellens.stats.ClassifierMetrics;
import org.modellens.stats.ConfidenceBasedEstimate;

/**
 * The laws the weighted metrics must keep: with unit weights and known labels they are the sklearn-checked
 * {@link ClassifierMetrics}; an integer weight is the same row repeated; soft labels give the CBPE figures.
 */
class WeightedMetricsTest {

    private static final double THRESHOLD = 0.5;

    /** Scores on a coarse grid, so ties occur; labels and weights from the same seed. */
    private record Sample(double[] p, double[] q, boolean[] y, int[] w) {

        static Sample of(long seed, int n) {
            Random random = new Random(seed);
            double[] p = new double[n];
            double[] q = new double[n];
            boolean[] y = new boolean[n];
            int[] w = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = Math.round(random.nextDouble() * 20) / 20.0;
                y[i] = random.nextDouble() < 0.2 + 0.6 * p[i];
                q[i] = y[i] ? 1 : 0;
                w[i] = 1 + random.nextInt(4);
            }
            // Both classes present.
            y[0] = true;
            q[0] = 1;
            y[1] = false;
            q[1] = 0;
            return new Sample(p, q, y, w);
        }
    }

    @Property(tries = 200)
    void withUnitWeightsAndLabelsTheyAreTheSklearnMetrics(@ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n) {
        Sample s = Sample.of(seed, n);
        Map<String, Double> m = WeightedMetrics.binary(s.p, s.q, null, THRESHOLD, 1, 1);

        assertThat(m.get("auc")).isCloseTo(ClassifierMetrics.auc(s.p, s.y), within(1e-12));
        assertThat(m.get("logLoss")).isCloseTo(ClassifierMetrics.logLoss(s.p, s.y), within(1e-12));
        assertThat(m.get("brier")).isCloseTo(ClassifierMetrics.brier(s.p, s.y), within(1e-12));
        assertThat(m.get("accuracy")).isCloseTo(ClassifierMetrics.accuracy(s.p, s.y, THRESHOLD), within(1e-12));
        // Both costs 1: the expected cost per row is the error rate.
        assertThat(m.get("expectedCost")).isCloseTo(1 - m.get("accuracy"), within(1e-12));
    }

    @Property(tries = 200)
    void anIntegerWeightIsTheRowRepeated(@ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int n) {
        Sample s = Sample.of(seed, n);
        int total = 0;
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            total += s.w[i];
            weights[i] = s.w[i];
        }
        double[] p = new double[total];
        double[] q = new double[total];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < s.w[i]; r++) {
                p[k] = s.p[i];
                q[k++] = s.q[i];
            }
        }
        Map<String, Double> weighted = WeightedMetrics.binary(s.p, s.q, weights, THRESHOLD, 3, 7);
        Map<String, Double> repeated = WeightedMetrics.binary(p, q, null, THRESHOLD, 3, 7);

        assertThat(weighted.keySet()).isEqualTo(repeated.keySet());
        weighted.forEach((name, value) -> assertThat(value).as(name).isCloseTo(repeated.get(name), within(1e-12)));
    }

    @Property(tries = 200)
    void softLabelsGiveTheConfidenceBasedEstimate(@ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n) {
        Sample s = Sample.of(seed, n);
        Random random = new Random(seed + 1);
        double[] calibrated = new double[n];
        for (int i = 0; i < n; i++) {
            calibrated[i] = random.nextDouble();
        }
        Map<String, Double> m = WeightedMetrics.binary(s.p, calibrated, null, THRESHOLD, 1, 1);
        ConfidenceBasedEstimate.ExpectedConfusion confusion = ConfidenceBasedEstimate.confusion(s.p, calibrated, THRESHOLD);

        assertThat(m.get("auc")).isCloseTo(ConfidenceBasedEstimate.auc(s.p, calibrated), within(1e-12));
        assertThat(m.get("accuracy")).isCloseTo(confusion.accuracy(), within(1e-12));
    }

    @Property(tries = 100)
    void theClassMixDoesNotMoveTheAuc(@ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n,
                                      @ForAll @IntRange(min = 1, max = 9) int positiveWeight) {
        Sample s = Sample.of(seed, n);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = s.y[i] ? positiveWeight : 1;
        }
        assertThat(WeightedMetrics.auc(s.p, s.q, w)).isCloseTo(WeightedMetrics.auc(s.p, s.q, null), within(1e-12));
    }
}
