package org.modellens.profile.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.modellens.data.ColumnType;

/**
 * The laws of the profile merge: the profiles of two halves merge into the profile of the whole
 * (exact parts equal, sketches within their stated bounds), and merging is associative and commutative.
 */
class ProfileMergePropertiesTest {

    private static final ProfileSchema SCHEMA = new ProfileSchema(List.of("amount", "city", "flag", "note"),
            List.of(ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.BOOLEAN, ColumnType.TEXT), Set.of());

    /** Rows with gaps, text in the numeric column, NaN words, duplicates and a skewed category mix. */
    private static List<String[]> rows(long seed, int n, int labels) {
        Random random = new Random(seed);
        List<String[]> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            if (r > 0 && random.nextInt(20) == 0) {
                rows.add(rows.get(random.nextInt(r)).clone()); // a duplicate of an earlier row
                continue;
            }
            String amount = switch (random.nextInt(30)) {
                case 0 -> null;
                case 1 -> "n/a";
                case 2 -> "NaN";
                default -> Double.toString(Math.round(random.nextGaussian() * 1e4) / 100.0 + (random.nextInt(50) == 0 ? 1e6 : 0));
            };
            int city = (int) Math.floor(Math.pow(random.nextDouble(), 3) * labels);
            rows.add(new String[] {amount, random.nextInt(25) == 0 ? null : "c" + city,
                    random.nextBoolean() ? "yes" : random.nextInt(10) == 0 ? "maybe" : "no", "t" + random.nextInt(1000)});
        }
        return rows;
    }

    private static Profile profile(List<String[]> rows, int from, int to, ProfileOptions options) {
        Profile p = new Profile(SCHEMA, options, "rows", "test");
        for (int r = from; r < to; r++) {
            p.add(rows.get(r), r);
        }
        return p;
    }

    private static ProfileOptions options(int sampleRows, int maxCategories) {
        return new ProfileOptions(sampleRows, 42, maxCategories, 200, 12, 1_000_000, 100);
    }

    @Property(tries = 40)
    void mergedHalvesEqualTheWhole(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                   @ForAll @IntRange(min = 1, max = 6000) int n,
                                   @ForAll @IntRange(min = 0, max = 100) int splitPercent,
                                   @ForAll @IntRange(min = 1, max = 2000) int sampleRows) {
        List<String[]> rows = rows(seed, n, 40);
        int split = n * splitPercent / 100;
        ProfileOptions options = options(sampleRows, 1000);
        Profile whole = profile(rows, 0, n, options);
        Profile merged = Profile.merge(profile(rows, 0, split, options), profile(rows, split, n, options));

        assertThat(merged.exactDifferences(whole, true)).isEmpty();
        assertThat(merged.duplicates().exact()).isTrue();
        assertThat(merged.duplicates().duplicates()).isEqualTo(n - distinct(rows));
        assertThat(merged.columns().get(1).categoriesComplete()).isTrue();
        sketchesWithinBounds(merged, rows);
        // Through the file format as well: what is written is what merges.
        Profile reread = ProfileFormat.fromBytes(ProfileFormat.toBytes(merged, Integer.MAX_VALUE), "merged");
        assertThat(reread.exactDifferences(whole, true)).isEmpty();
    }

    @Property(tries = 25)
    void mergeIsAssociativeAndCommutative(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                          @ForAll @IntRange(min = 3, max = 3000) int n,
                                          @ForAll @IntRange(min = 1, max = 500) int sampleRows) {
        List<String[]> rows = rows(seed, n, 40);
        ProfileOptions options = options(sampleRows, 1000);
        Profile a = profile(rows, 0, n / 3, options);
        Profile b = profile(rows, n / 3, 2 * n / 3, options);
        Profile c = profile(rows, 2 * n / 3, n, options);

        Profile left = Profile.merge(Profile.merge(a, b), c);
        Profile right = Profile.merge(a, Profile.merge(b, c));
        Profile swapped = Profile.merge(c, Profile.merge(b, a));

        assertThat(left.exactDifferences(right, true)).isEmpty();
        assertThat(left.exactDifferences(swapped, true)).isEmpty();
        assertThat(left.columns().get(1).categoryCounts()).isEqualTo(swapped.columns().get(1).categoryCounts());
    }

    /** Past the category bound: totals stay exact, each kept count is a lower bound, merge order does not matter. */
    @Property(tries = 25)
    void boundedCategoriesKeepAnExactTotal(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                           @ForAll @IntRange(min = 100, max = 3000) int n,
                                           @ForAll @IntRange(min = 1, max = 30) int maxCategories) {
        List<String[]> rows = rows(seed, n, 200);
        ProfileOptions options = options(50, maxCategories);
        Profile a = profile(rows, 0, n / 2, options);
        Profile b = profile(rows, n / 2, n, options);
        ColumnSummary ab = Profile.merge(a, b).columns().get(1);
        ColumnSummary ba = Profile.merge(b, a).columns().get(1);
        java.util.Map<String, Long> truth = new java.util.HashMap<>();
        rows.stream().map(r -> r[1]).filter(java.util.Objects::nonNull).forEach(l -> truth.merge(l, 1L, Long::sum));

        assertThat(ab.categoryCounts()).isEqualTo(ba.categoryCounts());
        assertThat(ab.otherCount()).isEqualTo(ba.otherCount());
        assertThat(ab.categoryCounts().size()).isLessThanOrEqualTo(maxCategories);
        long kept = ab.categoryCounts().values().stream().mapToLong(Long::longValue).sum();
        assertThat(kept + ab.otherCount()).isEqualTo(ab.rows() - ab.missing());
        ab.categoryCounts().forEach((label, count) -> assertThat(count).isLessThanOrEqualTo(truth.get(label)));
        assertThat(ab.categoriesComplete()).isEqualTo(truth.size() <= maxCategories);
    }

    private static long distinct(List<String[]> rows) {
        Set<List<String>> seen = new HashSet<>();
        rows.forEach(r -> seen.add(Arrays.asList(r)));
        return seen.size();
    }

    /** KLL ranks within the stated rank error of the exact ranks; HLL estimate within 3 standard errors. */
    static void sketchesWithinBounds(Profile profile, List<String[]> rows) {
        ColumnSummary amount = profile.columns().get(0);
        double[] values = rows.stream().map(r -> r[0]).filter(java.util.Objects::nonNull)
                .mapToDouble(org.modellens.data.TypeInference::parseNumber).filter(v -> !Double.isNaN(v)).sorted().toArray();
        assertThat(amount.count()).isEqualTo(values.length);
        if (values.length > 0) {
            double eps = amount.quantiles().getNormalizedRankError(false);
            for (double q : new double[] {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99}) {
                double x = amount.quantiles().getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
                double below = lowerBound(values, x) / (double) values.length;
                double atOrBelow = upperBound(values, x) / (double) values.length;
                assertThat(q).as("rank of quantile %s", q).isBetween(below - eps, atOrBelow + eps);
            }
        }
        ColumnSummary note = profile.columns().get(3);
        long trueDistinct = rows.stream().map(r -> r[3]).distinct().count();
        double[] bounds = note.distinctBounds(3);
        assertThat((double) trueDistinct).isBetween(bounds[0], bounds[1]);
    }

    static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
