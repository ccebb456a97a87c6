package org.modellens.profile.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.junit.jupiter.api.Test;
import org.modellens.stats.KolmogorovSmirnov;

/**
 * The drift statistics of sketched distributions stay within the bounds {@link SketchDrift} states, against
 * the exact statistics of the same values: KS of two sketches within the sum of their rank errors, KS of exact
 * values and a sketch within the sketch's, shares at or above a threshold within the rank error. Small sketches
 * (k = 200, rank error 1.65%) on 50,000 and 30,000 values, so the sketches really compact, over shifts from none
 * to large and several seeds.
 */
class SketchDriftTest {

    @Test
    void ksAndSharesFromSketchesAreWithinTheirRankErrors() {
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            double shift = (seed - 1) * 0.1;
            double[] a = new double[50_000];
            double[] b = new double[30_000];
            KllDoublesSketch sa = KllDoublesSketch.newHeapInstance(200);
            KllDoublesSketch sb = KllDoublesSketch.newHeapInstance(200);
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.round(gaussian(random) * 100) / 100.0; // ties, as rounded data has
                sa.update(a[i]);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = Math.round((gaussian(random) * 1.1 + shift) * 100) / 100.0;
                sb.update(b[i]);
            }
            double exact = KolmogorovSmirnov.statistic(a, b);
            double ea = SketchDrift.rankError(sa);
            double eb = SketchDrift.rankError(sb);
            assertThat(sa.isEstimationMode()).isTrue();
            assertThat(SketchDrift.ks(sa, sb)).as("seed %d", seed).isCloseTo(exact, within(ea + eb));
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            assertThat(SketchDrift.ks(sorted, sb)).as("seed %d", seed).isCloseTo(exact, within(eb));
            double share = Arrays.stream(b).filter(v -> v >= 0.5).count() / (double) b.length;
            assertThat(SketchDrift.shareAtLeast(sb, 0.5)).isCloseTo(share, within(eb));
        }
    }

    @Test
    void identicalSketchesHaveNoDistance() {
        KllDoublesSketch s = KllDoublesSketch.newHeapInstance(200);
        for (int i = 0; i < 10_000; i++) {
            s.update(i % 97);
        }
        assertThat(SketchDrift.ks(s, s)).isZero();
        assertThat(SketchDrift.psi(s, s)).isZero();
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
