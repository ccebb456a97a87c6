package org.modellens.stats;

/**
 * How well one feature on its own separates or informs a label: the statistics the leakage check
 * grades by.
 *
 * <ul>
 *   <li>{@link #auc(double[], boolean[])} is the area under the ROC curve of {@code score} for the
 *       positive class, as {@code sklearn.metrics.roc_auc_score(positive, score)}: the Mann-Whitney U
 *       of the positives' average ranks divided by (positives x negatives), so tied scores count one
 *       half. NaN when either class is empty.</li>
 *   <li>{@link #mutualInformation(int[], int[])} is the plug-in mutual information of two discrete
 *       codings in nats, as {@code sklearn.metrics.mutual_info_score(a, b)}:
 *       sum over cells of p(a,b) ln(p(a,b) / (p(a) p(b))).</li>
 *   <li>{@link #entropy(int[])} is the plug-in entropy in nats, as
 *       {@code scipy.stats.entropy(counts)}.</li>
 * </ul>
 * Codes for the discrete statistics are non-negative integers (dense codes keep the tables small).
 * Inputs are not modified. Stateless, thread-safe.
 */
public final class SingleFeaturePower {

    private SingleFeaturePower() {
    }

    /** ROC AUC of {@code score} for {@code positive}; 0.5 means no separation, 0 or 1 perfect. */
    public static double auc(double[] score, boolean[] positive) {
        if (score.length != positive.length) {
            throw new IllegalArgumentException("samples differ in length: " + score.length + " vs " + positive.length);
        }
        return aucOfRanks(RankCorrelation.ranks(score), positive);
    }

    /**
     * {@link #auc(double[], boolean[])} from the scores' average ranks ({@link RankCorrelation#ranks}), for
     * callers that rank once and score several placements of the same values.
     */
    public static double aucOfRanks(double[] ranks, boolean[] positive) {
        if (ranks.length != positive.length) {
            throw new IllegalArgumentException("samples differ in length: " + ranks.length + " vs " + positive.length);
        }
        long positives = 0;
        double rankSum = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (positive[i]) {
                positives++;
                rankSum += ranks[i];
            }
        }
        return aucOfRankSum(rankSum, positives, ranks.length);
    }

    /**
     * {@link #aucOfRanks} from the sum of the positives' average ranks among {@code n} scores, {@code positives}
     * of them positive: for callers that sum the ranks as they go.
     */
    public static double aucOfRankSum(double rankSum, long positives, long n) {
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double u = rankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    /** Mutual information of two codings of the same rows, in nats. */
    public static double mutualInformation(int[] a, int[] b) {
        return mutualInformation(a, b, b.length == 0 ? new long[0] : codeCounts(b));
    }

    /**
     * {@link #mutualInformation(int[], int[])} given {@code codeCounts(b)}: for callers that score many
     * codings against one {@code b} (every feature against the target).
     */
    public static double mutualInformation(int[] a, int[] b, long[] bCounts) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("samples differ in length: " + a.length + " vs " + b.length);
        }
        int n = a.length;
        if (n == 0) {
            return Double.NaN;
        }
        int ka = max(a) + 1;
        int kb = bCounts.length;
        long[] joint = new long[ka * kb];
        long[] ca = new long[ka];
        long[] cb = bCounts;
        for (int i = 0; i < n; i++) {
            joint[a[i] * kb + b[i]]++;
            ca[a[i]]++;
        }
        double mi = 0;
        for (int i = 0; i < ka; i++) {
            for (int j = 0; j < kb; j++) {
                long c = joint[i * kb + j];
                if (c > 0) {
                    mi += (double) c / n * Math.log((double) c * n / ((double) ca[i] * cb[j]));
                }
            }
        }
        return Math.max(0, mi);
    }

    /** How often each code occurs, indexed by code (up to the largest); the codes must be non-negative. */
    public static long[] codeCounts(int[] codes) {
        long[] counts = new long[max(codes) + 1];
        for (int code : codes) {
            counts[code]++;
        }
        return counts;
    }

    /** Entropy of a coding, in nats. */
    public static double entropy(int[] codes) {
        int n = codes.length;
        if (n == 0) {
            return Double.NaN;
        }
        long[] counts = new long[max(codes) + 1];
        for (int code : codes) {
            counts[code]++;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static int max(int[] codes) {
        int max = 0;
        for (int code : codes) {
            if (code < 0) {
                throw new IllegalArgumentException("codes must be non-negative: " + code);
            }
            max = Math.max(max, code);
        }
        return max;
    }
}
