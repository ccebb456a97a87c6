package org.modellens.timeline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.modellens.data.Column;
import org.modellens.profile.CategoryCounts;
import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;
import org.modellens.stats.KolmogorovSmirnov;
import org.modellens.stats.Psi;

/**
 * How far a normal chunk of {@code size} rows strays from training: training split into random chunks of
 * that size, each measured against the rest of training exactly as a production chunk is measured against
 * all of it (FeatureComparison's statistics, the same missing, unseen and out-of-range shares). The upper
 * edge of each measure is its mean plus {@code k} standard deviations over the draws.
 *
 * <p>Random chunks, not consecutive rows: a training file sorted by some column would otherwise give bands
 * as wide as that sort. A chunk against the rest of training (not against all of it, which contains the
 * chunk) has the sampling noise of a production chunk against training; where the chunk is a large part of
 * training the rest is smaller than training and the band is wider, never narrower: the safe side. Chunk
 * sizes are rounded down to steps of a factor sqrt(2), so one band serves chunks of similar size and the
 * rounding again only widens it.
 */
final class NormalBand {

    /** Upper edges of one feature's measures; {@code NaN} where the measure does not apply. */
    record Edges(double ks, double psi, double totalVariation, double missingChange, double unseenShare, double outOfRange) {
    }

    /** One feature's training values restricted to the rows the bands are drawn from. */
    static final class FeatureRows {
        final FeatureComparison comparison;
        final boolean numeric;
        final double[] values;     // per band row: the number (NaN when missing or unparsable), numeric only
        final String[] labels;     // per band row: the label (null when missing), categorical only
        final boolean[] missing;
        final double[] sorted;     // present values ascending, numeric only
        final Map<String, Long> counts;  // label counts, categorical only
        final long missingCount;

        FeatureRows(FeatureComparison comparison, int[] bandRows) {
            this.comparison = comparison;
            Column column = comparison.train();
            this.numeric = column.isNumeric();
            int n = bandRows.length;
            missing = new boolean[n];
            long miss = 0;
            if (numeric) {
                values = new double[n];
                labels = null;
                counts = null;
                int present = 0;
                for (int i = 0; i < n; i++) {
                    values[i] = column.numbers()[bandRows[i]];
                    missing[i] = column.isMissing(bandRows[i]);
                    miss += missing[i] ? 1 : 0;
                    present += Double.isNaN(values[i]) ? 0 : 1;
                }
                double[] s = new double[present];
                int k = 0;
                for (double v : values) {
                    if (!Double.isNaN(v)) {
                        s[k++] = v;
                    }
                }
                Arrays.sort(s);
                sorted = s;
            } else {
                values = null;
                sorted = null;
                labels = new String[n];
                counts = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    labels[i] = column.text(bandRows[i]);
                    missing[i] = labels[i] == null;
                    miss += missing[i] ? 1 : 0;
                    if (labels[i] != null) {
                        counts.merge(labels[i], 1L, Long::sum);
                    }
                }
            }
            missingCount = miss;
        }
    }

    private NormalBand() {
    }

    /** The size a band is computed for: {@code rows} rounded down to a power of sqrt(2). */
    static int bucket(int rows) {
        if (rows < 2) {
            return Math.max(rows, 1);
        }
        int step = (int) Math.floor(2 * Math.log(rows) / Math.log(2) + 1e-9);
        return Math.max(1, Math.min(rows, (int) Math.floor(Math.pow(2, step / 2.0) + 1e-9)));
    }

    /**
     * The edges of every feature for chunks of {@code size} rows.
     *
     * @param draws  random training chunks measured
     * @param k      standard deviations above the mean
     */
    static Map<String, Edges> edges(List<FeatureRows> features, int bandRows, int size, int draws, double k, long seed,
                                    int topCategories, double minShare) {
        int m = Math.min(size, bandRows / 2);
        Map<String, double[][]> samples = new HashMap<>();
        for (FeatureRows f : features) {
            samples.put(f.comparison.name(), new double[6][draws]);
        }
        if (m < 1) {
            Map<String, Edges> none = new HashMap<>();
            features.forEach(f -> none.put(f.comparison.name(), new Edges(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN)));
            return none;
        }
        SplittableRandom random = new SplittableRandom(seed ^ size);
        int[] permutation = new int[bandRows];
        Arrays.setAll(permutation, i -> i);
        int[] subset = new int[m];
        for (int d = 0; d < draws; d++) {
            // A partial Fisher-Yates shuffle: the first m entries are a uniform random subset.
            for (int i = 0; i < m; i++) {
                int j = i + random.nextInt(bandRows - i);
                int t = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = t;
                subset[i] = permutation[i];
            }
            for (FeatureRows f : features) {
                measure(f, subset, bandRows, samples.get(f.comparison.name()), d, topCategories, minShare);
            }
        }
        Map<String, Edges> edges = new HashMap<>();
        samples.forEach((name, s) -> edges.put(name, new Edges(upper(s[0], k), upper(s[1], k), upper(s[2], k),
                upper(s[3], k), upper(s[4], k), upper(s[5], k))));
        return edges;
    }

    private static void measure(FeatureRows f, int[] subset, int bandRows, double[][] out, int d, int top, double minShare) {
        int m = subset.length;
        long subMissing = 0;
        for (int i : subset) {
            subMissing += f.missing[i] ? 1 : 0;
        }
        out[3][d] = Math.abs(subMissing / (double) m - (f.missingCount - subMissing) / (double) (bandRows - m));
        if (f.numeric) {
            double[] sub = new double[m];
            int k = 0;
            for (int i : subset) {
                if (!Double.isNaN(f.values[i])) {
                    sub[k++] = f.values[i];
                }
            }
            sub = Arrays.copyOf(sub, k);
            Arrays.sort(sub);
            double[] rest = without(f.sorted, sub);
            out[0][d] = Double.NaN;
            out[1][d] = Double.NaN;
            out[5][d] = Double.NaN;
            if (sub.length > 0 && rest.length > 0) {
                // The statistics FeatureComparison.numericDrift computes, without the KS p-value no band needs.
                out[0][d] = KolmogorovSmirnov.statistic(rest, sub);
                out[1][d] = Psi.compute(rest, sub);
                long outside = 0;
                for (double v : sub) {
                    if (v < rest[0] || v > rest[rest.length - 1]) {
                        outside++;
                    }
                }
                out[5][d] = outside / (double) sub.length;
            }
            out[2][d] = Double.NaN;
            out[4][d] = Double.NaN;
        } else {
            Map<String, Long> subCounts = new HashMap<>();
            for (int i : subset) {
                if (f.labels[i] != null) {
                    subCounts.merge(f.labels[i], 1L, Long::sum);
                }
            }
            Map<String, Long> restCounts = new HashMap<>(f.counts);
            subCounts.forEach((label, c) -> restCounts.merge(label, -c, (a, b) -> a + b == 0 ? null : a + b));
            long subTotal = subCounts.values().stream().mapToLong(Long::longValue).sum();
            out[2][d] = Double.NaN;
            out[4][d] = Double.NaN;
            if (subTotal > 0 && !restCounts.isEmpty()) {
                DriftStatistics drift = FeatureComparison.categoricalDrift(CategoryCounts.of(restCounts),
                        CategoryCounts.of(subCounts), top, minShare);
                out[2][d] = drift.totalVariationPooled();
                long unseen = 0;
                for (Map.Entry<String, Long> e : subCounts.entrySet()) {
                    if (!restCounts.containsKey(e.getKey())) {
                        unseen += e.getValue();
                    }
                }
                out[4][d] = unseen / (double) subTotal;
            }
            out[0][d] = Double.NaN;
            out[1][d] = Double.NaN;
            out[5][d] = Double.NaN;
        }
    }

    /** {@code all} minus the multiset {@code part}, both ascending. */
    static double[] without(double[] all, double[] part) {
        double[] rest = new double[all.length - part.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < all.length) {
            if (j < part.length && all[i] == part[j]) {
                i++;
                j++;
            } else {
                rest[k++] = all[i++];
            }
        }
        return k == rest.length ? rest : Arrays.copyOf(rest, k);
    }

    /** Mean plus k standard deviations of the finite values; {@code NaN} with fewer than two. */
    static double upper(double[] x, double k) {
        double[] stats = meanSd(x);
        return Double.isNaN(stats[1]) ? Double.NaN : stats[0] + k * stats[1];
    }

    static double[] meanSd(double[] x) {
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                sum += v;
                sumSquares += v * v;
                n++;
            }
        }
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, (sumSquares - n * mean * mean) / (n - 1)))};
    }
}
