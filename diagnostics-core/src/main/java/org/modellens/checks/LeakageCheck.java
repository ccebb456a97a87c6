package org.modellens.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.FeatureRole;
import org.modellens.settings.Settings;
import org.modellens.stats.RankCorrelation;
import org.modellens.stats.SingleFeaturePower;

/**
 * leakage: in the training snapshot, a feature that predicts the label too well to be real, or that is
 * predictive in training but constant or absent in production (not available at serving time).
 *
 * <p>Each feature is scored on its own against the target on a seeded sample of at most
 * {@code leakage.sampleRows} labelled training rows (exactness is not needed to tell 0.8 from 0.99):
 * <ul>
 *   <li>binary target: ROC AUC of the feature (direction-free: max(AUC, 1 - AUC)); numeric features
 *       with the missing values placed below and above all values, the better placement kept;
 *       categorical features by their out-of-fold target rate (two folds, smoothed), so a
 *       many-valued column cannot look predictive by memorising the labels;</li>
 *   <li>regression target: the larger of |Pearson| and |Spearman| (categorical features out-of-fold
 *       encoded), plus whether the feature plus another numeric feature adds up to the target (a
 *       component of it);</li>
 *   <li>every target: the mutual information of the feature (deciles or top categories) with the
 *       target (classes or deciles), as a share of the target's entropy (the uncertainty coefficient,
 *       the grading statistic for multiclass targets).</li>
 * </ul>
 * A feature whose values equal the target (or map one-to-one onto its classes) is named a copy.
 * Legitimately strong predictors (single-feature AUC 0.75-0.85) lie well below the warn levels.
 */
public final class LeakageCheck implements Check {

    public static final String ID = "leakage";

    private static final long SEED = 20261123L;
    private static final int MAX_CATEGORIES = 50;
    private static final double SMOOTHING = 10;
    private static final int COMPONENT_ROWS = 2000;

    @Override
    public String id() {
        return ID;
    }

    private enum Task { BINARY, MULTICLASS, REGRESSION }

    /**
     * The labelled training rows scored, and the target on them ({@code codeCounts} and {@code entropy}: of its
     * codes, once for every feature).
     */
    private record Sample(int[] rows, Task task, boolean[] positive, double[] numeric, int[] codes, int[] fold,
                          long[] codeCounts, double entropy) {

        Sample(int[] rows, Task task, boolean[] positive, double[] numeric, int[] codes, int[] fold) {
            this(rows, task, positive, numeric, codes, fold, SingleFeaturePower.codeCounts(codes), SingleFeaturePower.entropy(codes));
        }
    }

    /** One feature's power for the label. */
    private record Power(double auc, double correlation, double pearson, double spearman, double uncertainty,
                         double mutualInformation, boolean copy) {

        double grade(Task task) {
            return switch (task) {
                case BINARY -> auc;
                case REGRESSION -> correlation;
                case MULTICLASS -> uncertainty;
            };
        }
    }

    @Override
    public List<Finding> run(CheckContext context) {
        Optional<String> targetName = context.target();
        if (targetName.isEmpty()) {
            return List.of();
        }
        Column target = context.train().column(targetName.get()).orElseThrow();
        Sample sample = sample(target, context.settings().getInt("leakage.sampleRows"));
        if (sample == null) {
            return List.of();
        }
        // Features are judged independently: on all cores (wide data has hundreds), in column order.
        List<Finding> findings = new ArrayList<>();
        context.comparisons().parallelStream().filter(feature -> feature.role() == FeatureRole.FEATURE)
                .map(feature -> {
                    Power power = power(feature.train(), target, sample);
                    return power == null ? Optional.<Finding>empty() : judge(feature, power, sample, context);
                }).toList().forEach(judged -> judged.ifPresent(findings::add));
        if (sample.task() == Task.REGRESSION) {
            findings.addAll(components(context, target, sample, findings));
        }
        return findings;
    }

    private Optional<Finding> judge(FeatureComparison feature, Power power, Sample sample, CheckContext context) {
        Settings s = context.settings();
        String key = switch (sample.task()) {
            case BINARY -> "leakage.auc";
            case REGRESSION -> "leakage.correlation";
            case MULTICLASS -> "leakage.uncertainty";
        };
        double value = power.grade(sample.task());
        String statistic = switch (sample.task()) {
            case BINARY -> "single-feature AUC " + Judgement.number(value);
            case REGRESSION -> "correlation with the target " + Judgement.number(value);
            case MULTICLASS -> "share of the target's entropy explained " + Judgement.number(value);
        };
        String name = feature.name();
        String target = context.target().orElseThrow();
        Evidence evidence = new Evidence().put("auc", power.auc()).put("pearson", power.pearson()).put("spearman", power.spearman())
                .put("mutualInformationNats", power.mutualInformation()).put("uncertaintyCoefficient", power.uncertainty())
                .put("sampledRows", (long) sample.rows().length);
        if (power.copy()) {
            evidence.put("copyOfTarget", "true");
            return Optional.of(new Finding(ID, name, Severity.FAIL, name + " is a copy of the target " + target,
                    "The values of " + name + " equal " + target + " (or map one-to-one onto its classes) on every sampled "
                            + "training row: the model learns to read the answer. Remove " + name + " from the features.",
                    evidence.map(), null));
        }
        Optional<Severity> tooGood = Judgement.grade(true, value, s.get(key + ".warn"), s.get(key + ".fail"))
                .filter(level -> level != Severity.INFO);
        String unavailable = unavailableInProduction(feature);
        if (unavailable != null) {
            evidence.put("production", unavailable);
        }
        if (tooGood.isPresent()) {
            return Optional.of(new Finding(ID, name, tooGood.get(), name + " predicts " + target + " too well to be real ("
                    + statistic + ")",
                    "On its own, " + name + " separates the outcomes almost perfectly in training (" + statistic
                            + "); real single predictors rarely exceed " + Judgement.number(s.get(key + ".warn"))
                            + ". It is probably recorded after the outcome or derived from it. Check when and how " + name
                            + " is filled; if it is not known at prediction time, drop it and retrain."
                            + (unavailable == null ? "" : " It is also " + unavailable + " in production, as a column filled "
                                    + "only after the outcome would be."),
                    evidence.map(), null));
        }
        double serving = s.get(key + ".servingTime");
        if (value >= serving && unavailable != null) {
            // Not too good by itself: a leak or a pipeline that fails to deliver it (a rename, a stuck feed) alike.
            evidence.put("grounds", "servingTime");
            return Optional.of(new Finding(ID, name, Severity.WARN,
                    name + " is strongly predictive in training but " + unavailable + " in production",
                    name + " carries much of the signal in training (" + statistic + ") but is " + unavailable
                            + " in production, so it is not available when the model is used: either it is filled only after "
                            + "the outcome (leakage) or the production pipeline fails to deliver it. Train without it, or make "
                            + "it available at serving time.",
                    evidence.map(), null));
        }
        return Optional.empty();
    }

    private static String unavailableInProduction(FeatureComparison feature) {
        if (feature.prod() == null) {
            return "absent";
        }
        if (feature.prodProfile().count() == 0) {
            return "always empty";
        }
        if (feature.prodProfile().distinct() == 1 && feature.trainProfile().distinct() > 1) {
            return "constant";
        }
        return null;
    }

    private static Sample sample(Column target, int maxRows) {
        int[] labelled = labelledRows(target);
        if (labelled.length < 20) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        if (labelled.length > maxRows) {
            for (int i = 0; i < maxRows; i++) {
                int j = i + random.nextInt(labelled.length - i);
                int swap = labelled[i];
                labelled[i] = labelled[j];
                labelled[j] = swap;
            }
            labelled = ascending(labelled, maxRows, target.size());
        }
        int n = labelled.length;
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[i] = random.nextInt(2);
        }
        if (target.type() == ColumnType.NUMERIC && distinct(target, labelled) > 2) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = target.numbers()[labelled[i]];
            }
            return new Sample(labelled, Task.REGRESSION, null, y, deciles(y), fold);
        }
        Map<String, Integer> classes = new HashMap<>();
        List<String> sorted = new ArrayList<>();
        for (int row : labelled) {
            if (!classes.containsKey(target.text(row))) {
                classes.put(target.text(row), 0);
                sorted.add(target.text(row));
            }
        }
        if (sorted.size() < 2) {
            return null;
        }
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            classes.put(sorted.get(i), i);
        }
        int[] codes = new int[n];
        boolean[] positive = new boolean[n];
        double[] numeric = new double[n];
        for (int i = 0; i < n; i++) {
            codes[i] = classes.get(target.text(labelled[i]));
            positive[i] = codes[i] == sorted.size() - 1;
            numeric[i] = positive[i] ? 1 : 0;
        }
        return new Sample(labelled, sorted.size() == 2 ? Task.BINARY : Task.MULTICLASS, positive, numeric, codes, fold);
    }

    /** The training rows whose label is present, ascending. */
    private static int[] labelledRows(Column target) {
        int[] rows = new int[target.size()];
        int n = 0;
        double[] numbers = target.isNumeric() ? target.numbers() : null;
        for (int r = 0; r < rows.length; r++) {
            if (!target.isMissing(r) && (numbers == null || !Double.isNaN(numbers[r]))) {
                rows[n++] = r;
            }
        }
        return n == rows.length ? rows : Arrays.copyOf(rows, n);
    }

    /**
     * The first {@code count} of {@code rows} (distinct, each below {@code size}) in ascending order: marked and
     * read back in one pass instead of sorted, which cost the small benchmark case 9 ms on the checks' longest path.
     */
    private static int[] ascending(int[] rows, int count, int size) {
        boolean[] chosen = new boolean[size];
        for (int i = 0; i < count; i++) {
            chosen[rows[i]] = true;
        }
        int[] sorted = new int[count];
        int n = 0;
        for (int r = 0; r < size; r++) {
            if (chosen[r]) {
                sorted[n++] = r;
            }
        }
        return sorted;
    }

    private static long distinct(Column target, int[] rows) {
        return Arrays.stream(rows).mapToObj(r -> target.text(r)).distinct().limit(3).count();
    }

    private static Power power(Column feature, Column target, Sample sample) {
        int n = sample.rows().length;
        boolean numeric = feature.numbers() != null;
        double[] values = new double[n];
        int present = 0;
        SampledCategories categories = null;
        Encoding encoding = null;
        if (numeric) {
            for (int i = 0; i < n; i++) {
                values[i] = feature.numbers()[sample.rows()[i]];
                if (!Double.isNaN(values[i])) {
                    present++;
                }
            }
            if (present < 2) {
                return null;
            }
        } else {
            categories = sampledCategories(feature, sample);
            encoding = outOfFoldEncoding(categories, sample);
            values = encoding.values();
            present = n;
        }
        boolean copy = isCopy(feature, target, sample);
        // A numeric feature's present values are ranked once: deciles and both placements of the missing
        // values read the same ranks (equal, bit for bit, to ranking each placement anew).
        RankedFeature ranked = numeric ? ranked(values, present, sample) : null;
        int[] featureCodes = numeric ? ranked.deciles() : categoryCodes(categories);
        double mi = SingleFeaturePower.mutualInformation(featureCodes, sample.codes(), sample.codeCounts());
        double entropy = sample.entropy();
        double uncertainty = entropy > 0 ? mi / entropy : Double.NaN;
        double auc = Double.NaN;
        double pearson = Double.NaN;
        double spearman = Double.NaN;
        if (sample.task() == Task.BINARY) {
            auc = !numeric ? directionFreeOfRanks(RankCorrelation.ranksOfCoded(encoding.codes(), encoding.table()), sample)
                    : ranked.auc();
        } else if (sample.task() == Task.REGRESSION) {
            double[][] pairs = presentPairs(values, sample.numeric());
            pearson = RankCorrelation.pearson(pairs[0], pairs[1]);
            spearman = RankCorrelation.spearman(pairs[0], pairs[1]);
        }
        double correlation = Math.max(Double.isNaN(pearson) ? 0 : Math.abs(pearson), Double.isNaN(spearman) ? 0 : Math.abs(spearman));
        return new Power(auc, correlation, pearson, spearman, uncertainty, mi, copy);
    }

    private static double directionFreeOfRanks(double[] ranks, Sample sample) {
        return directionFree(SingleFeaturePower.aucOfRanks(ranks, sample.positive()));
    }

    private static double directionFree(double auc) {
        return Double.isNaN(auc) ? 0.5 : Math.max(auc, 1 - auc);
    }

    /**
     * A numeric feature's decile codes (1..10, 0 for missing) and, for a binary target, its direction-free AUC
     * with the missing values placed below and above every value, the better placement kept (else NaN).
     */
    private record RankedFeature(int[] deciles, double auc) {
    }

    /**
     * {@link RankedFeature} from one ranking of the {@code present} present values and one pass over the rows.
     * The placements' AUCs come from sums of ranks: average ranks are multiples of 1/2 far below 2^52, so every
     * such sum is exact in a double and equals, bit for bit, the sum over the ranks of the filled values
     * ({@link #withMissingRanked}) in any order.
     */
    private static RankedFeature ranked(double[] values, int present, Sample sample) {
        int n = values.length;
        double[] presentRanks = RankCorrelation.ranks(presentValues(values, present));
        boolean[] positive = sample.task() == Task.BINARY ? sample.positive() : null;
        int[] deciles = new int[n];
        double presentPositiveRanks = 0; // sum of the positives' ranks among the present values
        long presentPositives = 0;
        long positives = 0;
        int j = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            boolean pos = positive != null && positive[i];
            if (pos) {
                positives++;
            }
            if (v != v) {
                continue; // missing: decile code 0
            }
            double rank = presentRanks[j++];
            // (int) is Math.floor for the non-negative quotient, without the call C1 makes of floor
            deciles[i] = Math.min(9, (int) ((rank - 1) * 10 / present)) + 1;
            if (pos) {
                presentPositiveRanks += rank;
                presentPositives++;
            }
        }
        if (positive == null) {
            return new RankedFeature(deciles, Double.NaN);
        }
        if (present == n) {
            return new RankedFeature(deciles, directionFree(SingleFeaturePower.aucOfRankSum(presentPositiveRanks, positives, n)));
        }
        int missing = n - present;
        long missingPositives = positives - presentPositives;
        double low = hasValue(values, Double.NEGATIVE_INFINITY)
                ? directionFreeOfRanks(withMissingRanked(values, presentRanks, true), sample)
                : directionFree(SingleFeaturePower.aucOfRankSum(presentPositiveRanks + (double) presentPositives * missing
                        + missingPositives * ((missing - 1) / 2.0 + 1), positives, n));
        double high = hasValue(values, Double.POSITIVE_INFINITY)
                ? directionFreeOfRanks(withMissingRanked(values, presentRanks, false), sample)
                : directionFree(SingleFeaturePower.aucOfRankSum(presentPositiveRanks
                        + missingPositives * ((present + n - 1) / 2.0 + 1), positives, n));
        return new RankedFeature(deciles, Math.max(low, high));
    }

    private static boolean hasValue(double[] values, double value) {
        for (double v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** The values that are not NaN, in order; {@code present} of them. */
    private static double[] presentValues(double[] values, int present) {
        double[] out = new double[present];
        int j = 0;
        for (double v : values) {
            if (v == v) {
                out[j++] = v;
            }
        }
        return out;
    }

    /**
     * The average ranks of {@code values} with the missing ones placed below every value ({@code low}) or
     * above, from the ranks of the present values: the missing values tie in one group at that end, the
     * present ranks move up by the missing count when the group is below. The same numbers as ranking
     * the values with the missing ones replaced by -Inf or +Inf (half-integers, exact in a double). A
     * present value at that infinity ties with the missing ones: then the filled values are ranked anew.
     */
    private static double[] withMissingRanked(double[] values, double[] presentRanks, boolean low) {
        double fill = low ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (v == fill) {
                double[] filled = values.clone();
                for (int i = 0; i < filled.length; i++) {
                    if (Double.isNaN(filled[i])) {
                        filled[i] = fill;
                    }
                }
                return RankCorrelation.ranks(filled);
            }
        }
        int n = values.length;
        int present = presentRanks.length;
        int missing = n - present;
        double missingRank = low ? (missing - 1) / 2.0 + 1 : (present + n - 1) / 2.0 + 1;
        double shift = low ? missing : 0;
        double[] ranks = new double[n];
        int j = 0;
        for (int i = 0; i < n; i++) {
            ranks[i] = Double.isNaN(values[i]) ? missingRank : presentRanks[j++] + shift;
        }
        return ranks;
    }

    private static double[][] presentPairs(double[] x, double[] y) {
        int count = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        double[][] pairs = new double[2][count];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                pairs[0][j] = x[i];
                pairs[1][j++] = y[i];
            }
        }
        return pairs;
    }

    /** Whether the feature equals the target, or maps one-to-one onto its values, on every sampled row. */
    private static boolean isCopy(Column feature, Column target, Sample sample) {
        Map<String, String> forward = new HashMap<>();
        Map<String, String> backward = new HashMap<>();
        for (int row : sample.rows()) {
            String f = feature.text(row);
            String t = target.text(row);
            if (f == null) {
                return false;
            }
            if (sample.task() == Task.REGRESSION) {
                if (feature.numbers() == null || feature.numbers()[row] != target.numbers()[row]) {
                    return false;
                }
                continue;
            }
            if (!Objects.equals(forward.computeIfAbsent(f, k -> t), t) || !Objects.equals(backward.computeIfAbsent(t, k -> f), f)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per sampled row the index of its category among {@code labels} (equal labels share one, missing cells
     * are the label "\u0000missing"), read from the column's codes: no String looked up per row.
     */
    private record SampledCategories(int[] index, List<String> labels) {
    }

    private static SampledCategories sampledCategories(Column feature, Sample sample) {
        Map<String, Integer> canonical = new HashMap<>();
        List<String> labels = new ArrayList<>();
        int[] byCode = new int[feature.categoryCount()];
        for (int code = 0; code < byCode.length; code++) {
            byCode[code] = canonical.computeIfAbsent(feature.category(code), label -> {
                labels.add(label);
                return labels.size() - 1;
            });
        }
        int missing = canonical.computeIfAbsent(MISSING_LABEL, label -> {
            labels.add(label);
            return labels.size() - 1;
        });
        int[] codes = feature.codes();
        int[] index = new int[sample.rows().length];
        for (int i = 0; i < index.length; i++) {
            int code = codes[sample.rows()[i]];
            index[i] = code == Column.MISSING ? missing : byCode[code];
        }
        return new SampledCategories(index, labels);
    }

    private static final String MISSING_LABEL = "\u0000missing";

    /**
     * A categorical feature's out-of-fold encoding: per sampled row a code, {@code fold * categories + category},
     * and per code the encoded value, so that its few distinct values are ranked without sorting the rows.
     */
    private record Encoding(int[] codes, double[] table) {
        double[] values() {
            double[] values = new double[codes.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = table[codes[i]];
            }
            return values;
        }
    }

    /** Target rate (or mean) of the feature's category, learnt on the other fold and smoothed towards the overall mean. */
    private static Encoding outOfFoldEncoding(SampledCategories categories, Sample sample) {
        int n = sample.rows().length;
        int k = categories.labels().size();
        double[][] sum = new double[2][k];
        double[][] count = new double[2][k];
        double[] foldSum = new double[2];
        int[] foldCount = new int[2];
        for (int i = 0; i < n; i++) {
            int fold = sample.fold()[i];
            int category = categories.index()[i];
            sum[fold][category] += sample.numeric()[i];
            count[fold][category]++;
            foldSum[fold] += sample.numeric()[i];
            foldCount[fold]++;
        }
        double[] table = new double[2 * k];
        for (int fold = 0; fold < 2; fold++) {
            int other = 1 - fold;
            double prior = foldCount[other] == 0 ? 0 : foldSum[other] / foldCount[other];
            for (int category = 0; category < k; category++) {
                table[fold * k + category] = count[other][category] == 0 ? prior
                        : (sum[other][category] + SMOOTHING * prior) / (count[other][category] + SMOOTHING);
            }
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = sample.fold()[i] * k + categories.index()[i];
        }
        return new Encoding(codes, table);
    }

    /** The most frequent categories as codes 1..MAX_CATEGORIES (ties by label), the rest pooled as 0. */
    private static int[] categoryCodes(SampledCategories categories) {
        int k = categories.labels().size();
        int[] counts = new int[k];
        for (int category : categories.index()) {
            counts[category]++;
        }
        List<Integer> ranked = new ArrayList<>();
        for (int category = 0; category < k; category++) {
            if (counts[category] > 0) {
                ranked.add(category);
            }
        }
        ranked.sort(java.util.Comparator.<Integer>comparingInt(c -> -counts[c]).thenComparing(c -> categories.labels().get(c)));
        int[] codeOf = new int[k];
        for (int i = 0; i < Math.min(MAX_CATEGORIES, ranked.size()); i++) {
            codeOf[ranked.get(i)] = i + 1;
        }
        int[] out = new int[categories.index().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = codeOf[categories.index()[i]];
        }
        return out;
    }

    /** Rows probed for component pairs: a pair holding on most rows holds on one of these but with tiny odds. */
    private static final int COMPONENT_PROBES = 6;

    /**
     * Pairs of columns (indices, ascending) that may add up to the target: on each of a few probe rows,
     * the columns are sorted by their value there and each column's partner is looked up at target
     * minus its value. O(columns log columns) per probe instead of testing every pair, which is
     * quadratic in columns. A pair that adds up on a share s of the rows is missed only if it fails on
     * every probe row, with probability about (1 - s)^probes.
     */
    private static List<int[]> componentCandidates(List<Column> numeric, Column target, Sample sample, int rows) {
        int m = numeric.size();
        java.util.TreeSet<Long> pairs = new java.util.TreeSet<>();
        int probes = Math.min(COMPONENT_PROBES, rows);
        for (int p = 0; p < probes; p++) {
            int row = sample.rows()[(int) ((long) p * rows / probes)];
            double t = target.numbers()[row];
            if (Double.isNaN(t)) {
                continue;
            }
            double[] values = new double[m];
            for (int j = 0; j < m; j++) {
                values[j] = numeric.get(j).numbers()[row];
            }
            Integer[] order = java.util.stream.IntStream.range(0, m).filter(j -> !Double.isNaN(values[j])).boxed()
                    .sorted(java.util.Comparator.comparingDouble(j -> values[j])).toArray(Integer[]::new);
            double[] sorted = new double[order.length];
            for (int k = 0; k < order.length; k++) {
                sorted[k] = values[order[k]];
            }
            // the verification's tolerance, widened for the rounding of the subtraction
            double tolerance = 2e-9 * Math.max(1, Math.abs(t));
            for (int k = 0; k < order.length; k++) {
                double need = t - sorted[k];
                double slack = tolerance + Math.ulp(need) * 4;
                int from = lowerBound(sorted, need - slack);
                for (int q = from; q < sorted.length && sorted[q] <= need + slack; q++) {
                    if (q != k) {
                        int a = Math.min(order[k], order[q]);
                        int b = Math.max(order[k], order[q]);
                        pairs.add((long) a * m + b);
                    }
                }
                if (pairs.size() > 20L * m + 1000) {
                    break; // many equal columns: enough candidates from this probe
                }
            }
        }
        List<int[]> candidates = new ArrayList<>(pairs.size());
        for (long key : pairs) {
            candidates.add(new int[] {(int) (key / m), (int) (key % m)});
        }
        return candidates;
    }

    private static int lowerBound(double[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Decile codes 0..9 by rank (ties share a code). */
    private static int[] deciles(double[] values) {
        return decilesOfRanks(RankCorrelation.ranks(values));
    }

    private static int[] decilesOfRanks(double[] ranks) {
        int[] codes = new int[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            codes[i] = (int) Math.min(9, Math.floor((ranks[i] - 1) * 10 / ranks.length));
        }
        return codes;
    }

    /** Numeric features that add up to the target with another numeric feature: components of the target. */
    private List<Finding> components(CheckContext context, Column target, Sample sample, List<Finding> already) {
        List<Column> numeric = context.comparisons().stream()
                .filter(c -> c.role() == FeatureRole.FEATURE && c.train().isNumeric())
                .filter(c -> already.stream().noneMatch(f -> c.name().equals(f.feature())))
                .map(FeatureComparison::train).toList();
        int rows = Math.min(COMPONENT_ROWS, sample.rows().length);
        double minShare = context.settings().get("leakage.component.share");
        List<Finding> findings = new ArrayList<>();
        for (int[] pair : componentCandidates(numeric, target, sample, rows)) {
            Column x = numeric.get(pair[0]);
            Column y = numeric.get(pair[1]);
            int matched = 0;
            for (int i = 0; i < rows; i++) {
                int row = sample.rows()[i];
                double sum = x.numbers()[row] + y.numbers()[row];
                double t = target.numbers()[row];
                if (Math.abs(sum - t) <= 1e-9 * Math.max(1, Math.abs(t))) {
                    matched++;
                }
            }
            double share = (double) matched / rows;
            if (share >= minShare) {
                String name = context.target().orElseThrow();
                for (Column part : List.of(x, y)) {
                    Column other = part == x ? y : x;
                    findings.add(new Finding(ID, part.name(), Severity.FAIL,
                            part.name() + " is a component of the target " + name,
                            part.name() + " + " + other.name() + " equals " + name + " on " + Judgement.percent(share)
                                    + " of the sampled training rows: the target is computed from these columns, so they "
                                    + "cannot be known before it. Remove them from the features.",
                            new Evidence().put("componentOf", name).put("otherComponent", other.name()).put("share", share)
                                    .put("sampledRows", (long) rows).map(), null));
                }
            }
        }
        return findings;
    }
}
