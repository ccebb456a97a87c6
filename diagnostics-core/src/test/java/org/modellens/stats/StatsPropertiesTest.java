package org.modellens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StatsPropertiesTest {

    private static double[] unbox(java.util.List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Property(tries = 200)
    void ksStatisticInRangeAndSymmetric(
        @ForAll @Size(min = 1, max = 60) java.util.List<@DoubleRange(min = -5, max = 5) Double> la,
        @ForAll @Size(min = 1, max = 60) java.util.List<@IntRange(min = -5, max = 5) Integer> lb) {
        double[] a = unbox(la);
        double[] b = lb.stream().mapToDouble(Integer::doubleValue).toArray();
        KsResult ab = KolmogorovSmirnov.twoSample(a, b);
        KsResult ba = KolmogorovSmirnov.twoSample(b, a);
        assertThat(ab.statistic()).isBetween(0.0, 1.0);
        assertThat(ab.pValue()).isBetween(0.0, 1.0);
        assertThat(ab.statistic()).isEqualTo(ba.statistic());
        assertThat(ab.pValue()).isCloseTo(ba.pValue(), within(1e-12));
    }

    /** The variants for sorted samples and known moments (one pass each in a diagnosis) give the same numbers, bit for bit. */
    @Property(tries = 200)
    void sortedVariantsEqualTheGeneralOnes(
        @ForAll @Size(min = 1, max = 80) java.util.List<@DoubleRange(min = -1e3, max = 1e3) Double> la,
        @ForAll @Size(min = 1, max = 80) java.util.List<@IntRange(min = -5, max = 5) Integer> lb) {
        double[] a = unbox(la);
        double[] b = lb.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] sa = a.clone();
        double[] sb = b.clone();
        RadixSort.sort(sa);
        RadixSort.sort(sb);
        assertThat(KolmogorovSmirnov.twoSampleOfSorted(sa, sb)).isEqualTo(KolmogorovSmirnov.twoSample(a, b));
        assertThat(bits(Wasserstein.distanceOfSorted(sa, sb))).isEqualTo(bits(Wasserstein.distance(a, b)));
        assertThat(bits(Psi.computeOfSorted(sa, sb))).isEqualTo(bits(Psi.compute(a, b)));
        double ma = Descriptive.mean(a);
        double mb = Descriptive.mean(b);
        assertThat(bits(Descriptive.variance(a, ma))).isEqualTo(bits(Descriptive.variance(a)));
        assertThat(bits(Descriptive.standardizedMeanDifference(ma, Descriptive.variance(a, ma), mb, Descriptive.variance(b, mb))))
                .isEqualTo(bits(Descriptive.standardizedMeanDifference(a, b)));
    }

    /**
     * The merged walk gives the KS test and the Wasserstein distance of the separate walks bit for bit: ties
     * within and across the samples, -0.0 beside 0.0, and infinities (measured by the separate walks) included.
     */
    @Property(tries = 300)
    void mergedCdfWalkEqualsTheSeparateOnes(
        @ForAll @Size(min = 1, max = 80) java.util.List<@IntRange(min = -12, max = 12) Integer> la,
        @ForAll @Size(min = 1, max = 80) java.util.List<@IntRange(min = -12, max = 12) Integer> lb,
        @ForAll @DoubleRange(min = 0.01, max = 1e3) double scale) {
        double[] a = la.stream().mapToDouble(k -> cdfValue(k, scale)).toArray();
        double[] b = lb.stream().mapToDouble(k -> cdfValue(k, scale)).toArray();
        RadixSort.sort(a);
        RadixSort.sort(b);
        CdfDistances merged = CdfDistances.ofSorted(a, b);
        assertThat(merged.ks()).isEqualTo(KolmogorovSmirnov.twoSampleOfSorted(a, b));
        assertThat(bits(merged.wasserstein())).isEqualTo(bits(Wasserstein.distanceOfSorted(a, b)));
        // in any order, as the unsorted entry points
        double[] ra = reversed(a);
        double[] rb = reversed(b);
        CdfDistances unsorted = CdfDistances.of(ra, rb);
        assertThat(unsorted.ks()).isEqualTo(KolmogorovSmirnov.twoSample(ra, rb));
        assertThat(bits(unsorted.wasserstein())).isEqualTo(bits(Wasserstein.distance(ra, rb)));
    }

    /** PSI's bin shares, found by bisection, are the shares of values in each right-closed bin counted one by one. */
    @Property(tries = 300)
    void psiProportionsCountEachRightClosedBin(
        @ForAll @Size(min = 1, max = 200) java.util.List<@IntRange(min = -11, max = 11) Integer> lt,
        @ForAll @Size(min = 1, max = 200) java.util.List<@IntRange(min = -11, max = 11) Integer> lp) {
        double[] train = lt.stream().mapToDouble(k -> cdfValue(k, 0.5)).sorted().toArray();
        double[] prod = lp.stream().mapToDouble(k -> cdfValue(k, 0.5)).sorted().toArray();
        double[] edges = Psi.decileEdges(train);
        double[] shares = Psi.proportions(prod, edges);
        for (int b = 0; b <= edges.length; b++) {
            double low = b == 0 ? Double.NEGATIVE_INFINITY : edges[b - 1];
            double high = b == edges.length ? Double.POSITIVE_INFINITY : edges[b];
            boolean first = b == 0;
            long count = java.util.Arrays.stream(prod).filter(x -> (first || x > low) && x <= high).count();
            assertThat(bits(shares[b])).as("bin %d", b).isEqualTo(bits((double) count / prod.length));
        }
    }

    /** Ranking coded values through their table equals ranking the values: ties across entries, both zeros, unused entries. */
    @Property(tries = 300)
    void ranksOfCodedEqualRanks(
        @ForAll @Size(min = 1, max = 40) java.util.List<@IntRange(min = -11, max = 12) Integer> entries,
        @ForAll @Size(min = 0, max = 300) java.util.List<@IntRange(min = 0, max = 1000) Integer> rows) {
        double[] table = entries.stream().mapToDouble(k -> cdfValue(k, 0.5)).toArray();
        int[] codes = rows.stream().mapToInt(r -> r % table.length).toArray();
        double[] values = java.util.Arrays.stream(codes).mapToDouble(c -> table[c]).toArray();
        double[] expected = RankCorrelation.ranks(values);
        double[] actual = RankCorrelation.ranksOfCoded(codes, table);
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < values.length; i++) {
            assertThat(bits(actual[i])).as("row %d", i).isEqualTo(bits(expected[i]));
        }
    }

    private static double[] reversed(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[values.length - 1 - i];
        }
        return out;
    }

    /** Mostly ordinary values with ties, a few signed zeros and (rarely) infinities. */
    private static double cdfValue(int k, double scale) {
        return switch (k) {
            case 12 -> Double.POSITIVE_INFINITY;
            case -12 -> Double.NEGATIVE_INFINITY;
            case 11 -> -0.0;
            case -11 -> 0.0;
            default -> k * scale / 7;
        };
    }

    /** Equal doubles have equal bits (NaN included, which == does not take as equal). */
    private static long bits(double x) {
        return Double.doubleToLongBits(x);
    }

    @Property(tries = 200)
    void ksOfSampleWithItselfIsZero(
        @ForAll @Size(min = 1, max = 80) java.util.List<@IntRange(min = 0, max = 10) Integer> la) {
        double[] a = la.stream().mapToDouble(Integer::doubleValue).toArray();
        KsResult r = KolmogorovSmirnov.twoSample(a, a.clone());
        assertThat(r.statistic()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Property(tries = 200)
    void wassersteinSymmetricNonNegativeShiftEquivariant(
        @ForAll @Size(min = 1, max = 60) java.util.List<@DoubleRange(min = -100, max = 100) Double> la,
        @ForAll @Size(min = 1, max = 60) java.util.List<@DoubleRange(min = -100, max = 100) Double> lb,
        @ForAll @DoubleRange(min = -50, max = 50) double c) {
        double[] a = unbox(la);
        double[] b = unbox(lb);
        double w = Wasserstein.distance(a, b);
        assertThat(w).isGreaterThanOrEqualTo(0.0);
        assertThat(Wasserstein.distance(b, a)).isCloseTo(w, within(1e-9 * Math.max(1, w)));
        double[] shifted = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            shifted[i] = a[i] + c;
        }
        assertThat(Wasserstein.distance(shifted, a)).isCloseTo(Math.abs(c), within(1e-9));
    }

    @Property(tries = 200)
    void psiNonNegative(
        @ForAll @Size(min = 1, max = 80) java.util.List<@DoubleRange(min = -10, max = 10) Double> la,
        @ForAll @Size(min = 1, max = 80) java.util.List<@IntRange(min = -10, max = 10) Integer> lb) {
        double[] a = unbox(la);
        double[] b = lb.stream().mapToDouble(Integer::doubleValue).toArray();
        assertThat(Psi.compute(a, b)).isGreaterThanOrEqualTo(0.0);
    }

    @Property(tries = 200)
    void jensenShannonInUnitInterval(
        @ForAll @Size(min = 1, max = 10) java.util.List<@IntRange(min = 0, max = 100) Integer> lp,
        @ForAll("seed") long seed) {
        double[] p = lp.stream().mapToDouble(Integer::doubleValue).toArray();
        p[0] += 1;
        Random rnd = new Random(seed);
        double[] q = new double[p.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = rnd.nextInt(50);
        }
        q[q.length - 1] += 1;
        double js = CategoricalDistance.jensenShannon(p, q);
        assertThat(js).isBetween(0.0, 1.0);
        assertThat(CategoricalDistance.jensenShannon(p, p)).isCloseTo(0.0, within(1e-7));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seed() {
        return net.jqwik.api.Arbitraries.longs();
    }

    @Test
    void emptyInputsRejected() {
        assertThatThrownBy(() -> KolmogorovSmirnov.twoSample(new double[0], new double[] {1}))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KolmogorovSmirnov.twoSample(new double[] {1}, new double[0]))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chiSquareDegenerate() {
        ChiSquareResult r = ChiSquare.twoByK(new long[] {5, 0}, new long[] {3, 0});
        assertThat(r).isEqualTo(new ChiSquareResult(0.0, 1.0, 0));
    }

    @Test
    void ksPerformance() {
        Random rnd = new Random(42);
        double[] a = new double[200_000];
        double[] b = new double[30_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextGaussian() + 0.01;
        }
        for (int i = 0; i < 5; i++) {
            KolmogorovSmirnov.twoSample(a, b); // warm-up
        }
        // CPU time of this thread, not wall time: a busy machine must not fail the test.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            KsResult r = KolmogorovSmirnov.twoSample(a, b);
            best = Math.min(best, cpu.getCurrentThreadCpuTime() - t0);
            assertThat(r.pValue()).isBetween(0.0, 1.0);
        }
        System.out.println("KS 200000 vs 30000 best of 5: " + best / 1e6 + " ms CPU");
        assertThat(best / 1e6).isLessThan(50.0);
    }
}
