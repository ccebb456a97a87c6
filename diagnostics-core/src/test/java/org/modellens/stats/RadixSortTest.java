package org.modellens.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The radix sort equals {@link Arrays#sort(double[])} bit for bit, and its order is a stable sort by {@link Double#compare}. */
class RadixSortTest {

    /** Values with what trips sorts of doubles: ties, both zeros, infinities, NaNs of several bit patterns, subnormals. */
    private static double[] values(long seed, int n, int distinct) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] special = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.longBitsToDouble(0xfff8000000000001L), Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -1e-300};
        double[] pool = new double[Math.max(1, distinct)];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = switch (random.nextInt(4)) {
                case 0 -> random.nextGaussian() * 1e3;
                case 1 -> Math.exp(10 + random.nextGaussian());
                case 2 -> Math.floor(random.nextDouble() * 100) - 50;
                default -> special[random.nextInt(special.length)];
            };
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = pool[random.nextInt(pool.length)];
        }
        return values;
    }

    @Property(tries = 300)
    void sortEqualsArraysSort(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5000) int n,
                              @ForAll @IntRange(min = 1, max = 10000) int distinct) {
        double[] values = values(seed, n, distinct);
        double[] expected = values.clone();
        Arrays.sort(expected);
        double[] actual = values.clone();
        RadixSort.sort(actual);
        for (int i = 0; i < n; i++) {
            // NaN payloads may differ; every other value bit for bit
            assertThat(Double.isNaN(actual[i]) ? "NaN" : Long.toHexString(Double.doubleToRawLongBits(actual[i])))
                    .isEqualTo(Double.isNaN(expected[i]) ? "NaN" : Long.toHexString(Double.doubleToRawLongBits(expected[i])));
        }
    }

    @Property(tries = 300)
    void sortedPresentEqualsArraysSortOfTheValuesThatAreNotNaN(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5000) int n,
                                                              @ForAll @IntRange(min = 1, max = 10000) int distinct) {
        double[] values = values(seed, n, distinct);
        double[] copy = values.clone();
        double[] expected = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(expected);
        double[] actual = RadixSort.sortedPresent(values);
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i])).isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
        assertThat(values).isEqualTo(copy);
    }

    @Property(tries = 300)
    void orderIsAStableSortByDoubleCompare(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5000) int n,
                                           @ForAll @IntRange(min = 1, max = 10000) int distinct) {
        double[] values = values(seed, n, distinct);
        double[] copy = values.clone();
        int[] expected = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparing((Integer i) -> values[i], Double::compare)).mapToInt(Integer::intValue).toArray();
        assertThat(RadixSort.order(values)).containsExactly(expected);
        assertThat(values).isEqualTo(copy);
    }

    /** Whole numbers and few distinct values: digits that every key shares (passes skipped) before the index moves in. */
    @Property(tries = 200)
    void orderOfWholeNumbersIsStable(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5000) int n,
                                     @ForAll @IntRange(min = 1, max = 300) int distinct) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(distinct) - distinct / 3;
        }
        int[] expected = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparing((Integer i) -> values[i], Double::compare)).mapToInt(Integer::intValue).toArray();
        assertThat(RadixSort.order(values)).containsExactly(expected);
    }

    @Property(tries = 20)
    void longSamplesToo(@ForAll long seed) {
        double[] values = values(seed, 300_000, 250_000);
        double[] expected = values.clone();
        Arrays.sort(expected);
        double[] actual = values.clone();
        RadixSort.sort(actual);
        assertThat(Arrays.equals(actual, expected)).isTrue(); // Arrays.equals compares by Double.compare's bits, NaNs equal
    }
}
