package org.modellens.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The dependence plot's colouring feature is the one that explains the spread of the plotted
 * feature's contributions at a given value, as SHAP's approximate_interactions scores it.
 */
class InteractionsTest {

    @Test
    void aPlantedInteractionOutranksAnIndependentFeatureAndTheFeatureItself() {
        Random random = new Random(11);
        int n = 1000;
        double[] x = new double[n];
        double[] partner = new double[n];
        double[] noise = new double[n];
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble();
            partner[i] = random.nextGaussian();
            noise[i] = random.nextGaussian();
            // The slope of x's effect depends on the partner: the spread at a given x is the partner.
            phi[i] = x[i] * (1 + partner[i]);
        }
        double[][] others = {x, noise, partner};
        double[] scores = Interactions.scores(x, phi, others, 0);
        assertThat(scores[0]).isZero();
        assertThat(scores[2]).isGreaterThan(3 * scores[1]);
        assertThat(Interactions.ranking(x, phi, others, 0)).containsExactly(2, 1, 0);
    }

    @Test
    void withTwoRowBinsEachBinWhereBothVaryAddsExactlyOne() {
        // 20 rows: bins of max(1, min(20 / 10, 50)) = 2 rows; two distinct points correlate at +-1.
        int n = 20;
        double[] x = new double[n];
        double[] phi = new double[n];
        double[] other = new double[n];
        for (int i = 0; i < n; i++) {
            x[n - 1 - i] = i;                        // rows in reverse order: sorting must pair them up
            phi[n - 1 - i] = (i % 4 == 0) ? 1 : i;   // bins {0,1},{2,3},...: both vary in every bin
            other[n - 1 - i] = i < 8 ? 5 : i;        // constant in the first four bins
        }
        double[] scores = Interactions.scores(x, phi, new double[][] {other}, -1);
        assertThat(scores[0]).isCloseTo(6, within(1e-12));
    }

    @Test
    void missingnessThatExplainsTheSpreadCountsAndAMissingValueVoidsItsBinForTheValues() {
        int n = 20;
        double[] x = new double[n];
        double[] phi = new double[n];
        double[] other = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            // Odd rows missing and pushed up: within each two-row bin the missing one is the higher.
            other[i] = i % 2 == 1 ? Double.NaN : 3;
            phi[i] = i % 2 == 1 ? 1 : 0;
        }
        double[] scores = Interactions.scores(x, phi, new double[][] {other, new double[n]}, -1);
        // Values: every bin holds a NaN, so adds nothing; missingness: every one of the 10 bins adds 1.
        assertThat(scores[0]).isCloseTo(10, within(1e-12));
        // An all-zero feature is skipped, as SHAP skips it.
        assertThat(scores[1]).isZero();
    }
}
