package org.modellens.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A tree ensemble (XGBoost, LightGBM, CatBoost, ONNX-ML TreeEnsemble) held as flat node arrays, so
 * scoring and TreeSHAP walk plain arrays without allocating.
 *
 * <p>Node {@code i} is a leaf when {@link #left(int)} is negative. Every internal node carries a
 * decision kind ({@link #decision(int)}) that fixes how its input is compared, because the
 * libraries differ in precision, comparison and missing-value rule, and a prediction is only equal
 * to the library's when each rule is the library's own:
 * <ul>
 *   <li>{@link #XGBOOST_LT}: the input is rounded to float32 (XGBoost's DMatrix holds floats) and
 *       goes left when {@code x < threshold} in float32; {@code NaN} follows the default direction.</li>
 *   <li>{@link #LIGHTGBM_LE}: left when {@code x <= threshold} in double. Per node missing type:
 *       {@link #MISSING_NAN} — a NaN takes the default direction; {@link #MISSING_ZERO} — a zero
 *       (|x| &lt;= 1e-35f) or a NaN takes the default direction; {@link #MISSING_NONE} — a NaN is
 *       read as 0 and compared. Any other |x| &lt;= 1e-35f is compared as 0, as LightGBM's predictor
 *       reads it.</li>
 *   <li>{@link #ONNX_LEQ}, {@link #ONNX_LT}, {@link #ONNX_GTE}, {@link #ONNX_GT}, {@link #ONNX_EQ},
 *       {@link #ONNX_NEQ}: the ONNX-ML {@code BRANCH_*} modes, compared in float32, the true branch
 *       on the left. A {@code NaN} goes left when the default direction is left (ONNX's
 *       {@code missing_value_tracks_true}); otherwise the comparison decides as IEEE does (only
 *       {@code NEQ} holds for NaN), as ONNX Runtime evaluates it.</li>
 *   <li>{@link #XGBOOST_CATEGORY}: the input, rounded to float32 and truncated, is a category code;
 *       a code in the node's set goes right, any other code (negative, too large, not in the set)
 *       goes left; {@code NaN} follows the default direction (XGBoost's {@code Decision}).</li>
 *   <li>{@link #CATEGORY_IN_LEFT}: the input truncated to an int is a category code; a code in the
 *       set goes left, any other (negative, beyond an int, or {@code NaN}) right, as LightGBM.</li>
 * </ul>
 * A category set is a bitset of 32-bit words (bit {@code c % 32} of word {@code c / 32} holds code
 * {@code c}), as both XGBoost and LightGBM store it.
 *
 * <p>Raw output for group {@code g} is {@code baseMargin[g]} plus the leaf value of every tree of
 * group {@code g}. A tree of group {@link #ALL_GROUPS} has vector leaves (XGBoost's
 * {@code multi_output_tree}): each leaf holds one value per group. The {@link Link} turns the raw
 * output into a probability or a prediction.
 */
public final class TreeEnsemble implements Model {

    /** How every node of a model built by the legacy constructor compares an input with its threshold. */
    public enum SplitRule { XGBOOST, LIGHTGBM }

    /** From raw output (margin) to the model's output. */
    public enum Link {
        IDENTITY,
        /** {@code 1 / (1 + exp(-scale x))} for each output (one per class for LightGBM's multiclassova). */
        SIGMOID,
        SOFTMAX,
        EXP,
        /** {@code sign(x) x²}: LightGBM regressions trained with {@code reg_sqrt}. */
        SIGNED_SQUARE;
    }

    /** Missing types (LightGBM's); XGBoost nodes are all {@link #MISSING_NAN}. */
    public static final byte MISSING_NONE = 0;
    public static final byte MISSING_ZERO = 1;
    public static final byte MISSING_NAN = 2;

    /** Decision kinds, see the class comment. */
    public static final byte LEAF = 0;
    public static final byte XGBOOST_LT = 1;
    public static final byte LIGHTGBM_LE = 2;
    public static final byte ONNX_LEQ = 3;
    public static final byte ONNX_LT = 4;
    public static final byte ONNX_GTE = 5;
    public static final byte ONNX_GT = 6;
    public static final byte ONNX_EQ = 7;
    public static final byte ONNX_NEQ = 8;
    public static final byte XGBOOST_CATEGORY = 9;
    public static final byte CATEGORY_IN_LEFT = 10;

    /** The group of a tree whose leaves hold one value per group. */
    public static final int ALL_GROUPS = -1;

    /** LightGBM's kZeroThreshold is the float 1e-35f widened to double. */
    private static final double LIGHTGBM_ZERO = 1e-35f;
    /** XGBoost reads category codes at or above 2^24 (not exact in float32) as invalid. */
    private static final float XGBOOST_MAX_CATEGORY = 16_777_216f;

    private final String type;
    private final List<String> features;
    private final String task;
    private final List<String> classes;
    private final Link link;
    private final double linkScale;
    private final int groups;
    private final double[] baseMargin;
    private final int[] roots;
    private final int[] treeGroup;
    private final int[] left;
    private final int[] right;
    private final int[] feature;
    private final byte[] decision;
    private final double[] threshold;
    private final float[] thresholdF;
    private final boolean[] defaultLeft;
    private final byte[] missingType;
    private final double[] value;
    private final double[] cover;
    /** Per node, where its category bitset starts in {@link #categoryWords} and how many words it has; null without categorical nodes. */
    private final int[] categoryStart;
    private final int[] categoryLength;
    private final int[] categoryWords;
    /** Per leaf of a vector-leaf tree, where its {@code groups} values start in {@link #vectorValues}; null without such trees. */
    private final int[] vectorStart;
    private final double[] vectorValues;
    private final int maxDepth;
    /** Set only on a fresh copy, before it is returned (see {@link #withCategoryLevels}). */
    private java.util.Map<Integer, List<String>> categoryLevels = java.util.Map.of();
    private java.util.SortedSet<Integer> categoricalInputs = java.util.Collections.emptySortedSet();
    private final boolean covers;

    /**
     * An ensemble whose internal nodes all follow one library's numeric rule (the form of the
     * XGBoost and LightGBM readers before categorical splits); see {@link Builder} for the rest.
     *
     * @param linkScale   multiplies the margin before the sigmoid (LightGBM's {@code sigmoid:} parameter; 1 for XGBoost)
     * @param roots       index of each tree's root node
     * @param treeGroup   output group (class) of each tree
     * @param left        left child per node, -1 for a leaf
     * @param right       right child per node, -1 for a leaf
     * @param feature     split feature per node (model order), -1 for a leaf
     * @param threshold   split value per node
     * @param defaultLeft whether a missing value goes left
     * @param missingType LightGBM missing type per node ({@link #MISSING_NAN} for XGBoost)
     * @param value       leaf value per node (ignored for internal nodes)
     * @param cover       training cover per node (hessian sum for XGBoost, row count for LightGBM)
     */
    public TreeEnsemble(String type, List<String> features, String task, List<String> classes, SplitRule rule, Link link,
                        double linkScale, int groups, double[] baseMargin, int[] roots, int[] treeGroup, int[] left,
                        int[] right, int[] feature, double[] threshold, boolean[] defaultLeft, byte[] missingType,
                        double[] value, double[] cover) {
        this(type, features, task, classes, link, linkScale, groups, baseMargin, roots, treeGroup, left, right, feature,
                kinds(left, rule == SplitRule.XGBOOST ? XGBOOST_LT : LIGHTGBM_LE), threshold, defaultLeft, missingType, value,
                cover, null, null, null, null, null);
    }

    private static byte[] kinds(int[] left, byte kind) {
        byte[] kinds = new byte[left.length];
        for (int i = 0; i < left.length; i++) {
            kinds[i] = left[i] < 0 ? LEAF : kind;
        }
        return kinds;
    }

    private TreeEnsemble(String type, List<String> features, String task, List<String> classes, Link link,
                         double linkScale, int groups, double[] baseMargin, int[] roots, int[] treeGroup, int[] left,
                         int[] right, int[] feature, byte[] decision, double[] threshold, boolean[] defaultLeft,
                         byte[] missingType, double[] value, double[] cover, int[] categoryStart, int[] categoryLength,
                         int[] categoryWords, int[] vectorStart, double[] vectorValues) {
        this.type = Objects.requireNonNull(type);
        this.features = List.copyOf(features);
        this.task = task;
        this.classes = List.copyOf(classes);
        this.link = link;
        this.linkScale = linkScale;
        this.groups = groups;
        this.baseMargin = baseMargin.clone();
        this.roots = roots;
        this.treeGroup = treeGroup;
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.decision = decision;
        this.threshold = threshold;
        this.thresholdF = new float[threshold.length];
        for (int i = 0; i < threshold.length; i++) {
            thresholdF[i] = (float) threshold[i];
        }
        this.defaultLeft = defaultLeft;
        this.missingType = missingType;
        this.value = value;
        this.cover = cover;
        this.categoryStart = categoryStart;
        this.categoryLength = categoryLength;
        this.categoryWords = categoryWords;
        this.vectorStart = vectorStart;
        this.vectorValues = vectorValues;
        if (baseMargin.length != groups) {
            throw new IllegalArgumentException(baseMargin.length + " base margins for " + groups + " outputs");
        }
        for (int t = 0; t < roots.length; t++) {
            if (treeGroup[t] == ALL_GROUPS && vectorStart == null) {
                throw new IllegalArgumentException("tree " + t + " has vector leaves but none are stored");
            }
            if (treeGroup[t] != ALL_GROUPS && (treeGroup[t] < 0 || treeGroup[t] >= groups)) {
                throw new IllegalArgumentException("tree " + t + " belongs to output " + treeGroup[t] + " of " + groups);
            }
        }
        this.maxDepth = checkedDepth(roots, left, right);
        boolean allCovers = true;
        for (double c : cover) {
            allCovers &= c >= 0 && Double.isFinite(c);
        }
        this.covers = allCovers;
    }

    @Override
    public TreeEnsemble withFeatures(List<String> names) {
        if (names.size() != features.size()) {
            throw new IllegalArgumentException(names.size() + " feature names for a model of " + features.size() + " features");
        }
        TreeEnsemble copy = new TreeEnsemble(type, names, task, classes, link, linkScale, groups, baseMargin, roots,
                treeGroup, left, right, feature, decision, threshold, defaultLeft, missingType, value, cover, categoryStart,
                categoryLength, categoryWords, vectorStart, vectorValues);
        copy.categoryLevels = categoryLevels;
        copy.categoricalInputs = categoricalInputs;
        return copy;
    }

    /** The same trees, knowing which inputs (model positions) are read as category codes. */
    public TreeEnsemble withCategoricalInputs(java.util.Collection<Integer> positions) {
        TreeEnsemble copy = withClasses(task, classes);
        copy.categoricalInputs = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(positions));
        return copy;
    }

    @Override
    public java.util.SortedSet<Integer> categoricalInputs() {
        java.util.SortedSet<Integer> all = new java.util.TreeSet<>(categoricalInputs);
        all.addAll(categoryLevels.keySet());
        return all;
    }

    /**
     * Whether every node carries a training cover: path-dependent TreeSHAP weighs the
     * branches a row did not take by them (multi-output trees of XGBoost before 3.2 store none).
     */
    public boolean hasCovers() {
        return covers;
    }

    /** The same trees with other class labels (in output order) and task. */
    public TreeEnsemble withClasses(String task, List<String> labels) {
        TreeEnsemble copy = new TreeEnsemble(type, features, task, labels, link, linkScale, groups, baseMargin, roots,
                treeGroup, left, right, feature, decision, threshold, defaultLeft, missingType, value, cover, categoryStart,
                categoryLength, categoryWords, vectorStart, vectorValues);
        copy.categoryLevels = categoryLevels;
        copy.categoricalInputs = categoricalInputs;
        return copy;
    }

    /**
     * The deepest root-to-leaf path, walked without recursion (a corrupt tree 100,000 levels deep
     * would overflow the stack). Every node must be reached exactly once: a cycle, or a node shared by
     * two parents (a corrupt file can make 2^n paths of n nodes that way), is refused, as is a tree
     * deeper than {@link ModelLimits#MAX_TREE_DEPTH}.
     *
     * @throws IllegalArgumentException naming the tree
     */
    private static int checkedDepth(int[] roots, int[] left, int[] right) {
        int n = left.length;
        if (right.length != n) {
            throw new IllegalArgumentException("the node arrays differ in length");
        }
        boolean[] seen = new boolean[n];
        int[] stackNode = new int[n + 1];
        int[] stackLevel = new int[n + 1];
        int deepest = 0;
        for (int t = 0; t < roots.length; t++) {
            int size = 0;
            stackNode[size] = roots[t];
            stackLevel[size++] = 0;
            while (size > 0) {
                int node = stackNode[--size];
                int level = stackLevel[size];
                if (node < 0 || node >= n) {
                    throw new IllegalArgumentException("tree " + t + " points to node " + node + " of " + n);
                }
                if (seen[node]) {
                    throw new IllegalArgumentException("tree " + t + " reaches node " + node
                            + " twice (a cycle or a shared node): not a tree");
                }
                seen[node] = true;
                if (level > ModelLimits.MAX_TREE_DEPTH) {
                    throw new IllegalArgumentException("tree " + t + " is more than " + ModelLimits.MAX_TREE_DEPTH
                            + " splits deep; boosted trees are far shallower, so the file is damaged or hostile");
                }
                deepest = Math.max(deepest, level);
                if (left[node] >= 0) {
                    // Each node is pushed once by its one parent, so the stack never outgrows the node count.
                    if (size + 2 > stackNode.length) {
                        throw new IllegalArgumentException("tree " + t + " has more paths than nodes: not a tree");
                    }
                    stackNode[size] = left[node];
                    stackLevel[size++] = level + 1;
                    stackNode[size] = right[node];
                    stackLevel[size++] = level + 1;
                }
            }
        }
        return deepest;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public List<String> features() {
        return features;
    }

    @Override
    public String task() {
        return task;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public int outputCount() {
        return groups;
    }

    @Override
    public String outputSpace() {
        return "margin";
    }

    @Override
    public double[] rawOutputs(FeatureMatrix rows, int from, int to) {
        int p = rows.columns();
        double[] x = rows.values();
        double[] out = new double[(to - from) * groups];
        for (int i = from; i < to; i++) {
            int offset = i * p;
            int o = (i - from) * groups;
            for (int g = 0; g < groups; g++) {
                out[o + g] = baseMargin[g];
            }
            for (int t = 0; t < roots.length; t++) {
                int leaf = leaf(roots[t], x, offset);
                int g = treeGroup[t];
                if (g >= 0) {
                    out[o + g] += value[leaf];
                } else {
                    int s = vectorStart[leaf];
                    for (int k = 0; k < groups; k++) {
                        out[o + k] += vectorValues[s + k];
                    }
                }
            }
        }
        return out;
    }

    /** The leaf a row reaches from {@code node}; the row's inputs start at {@code x[offset]}. */
    public int leaf(int node, double[] x, int offset) {
        int n = node;
        while (left[n] >= 0) {
            n = next(n, x[offset + feature[n]]);
        }
        return n;
    }

    /** The child an input value leads to from internal node {@code node}. */
    public int next(int node, double x) {
        switch (decision[node]) {
            case XGBOOST_LT:
                if (Double.isNaN(x)) {
                    return defaultLeft[node] ? left[node] : right[node];
                }
                return (float) x < thresholdF[node] ? left[node] : right[node];
            case LIGHTGBM_LE:
                return lightgbm(node, x);
            case XGBOOST_CATEGORY: {
                if (Double.isNaN(x)) {
                    return defaultLeft[node] ? left[node] : right[node];
                }
                float code = (float) x;
                if (code < 0 || code >= XGBOOST_MAX_CATEGORY) {
                    return left[node];
                }
                return inSet(node, (int) code) ? right[node] : left[node];
            }
            case CATEGORY_IN_LEFT: {
                // LightGBM: a missing value goes right whatever the missing type (4.x says so; 2.x-3.x
                // cast NaN to int, INT_MIN on x86, and send the negative code right): LightGbmOracleTest.
                if (Double.isNaN(x)) {
                    return right[node];
                }
                if (!(x > -1 && x < 2_147_483_648.0)) {
                    return right[node];
                }
                return inSet(node, (int) x) ? left[node] : right[node];
            }
            default:
                return onnx(node, x);
        }
    }

    private int lightgbm(int node, double x) {
        byte missing = missingType[node];
        if (Double.isNaN(x) && missing != MISSING_NAN) {
            x = 0.0;
        }
        if ((missing == MISSING_ZERO && Math.abs(x) <= LIGHTGBM_ZERO) || (missing == MISSING_NAN && Double.isNaN(x))) {
            return defaultLeft[node] ? left[node] : right[node];
        }
        // LightGBM's predictor keeps only inputs with |x| > kZeroThreshold and reads the others as 0.
        if (Math.abs(x) <= LIGHTGBM_ZERO) {
            x = 0.0;
        }
        return x <= threshold[node] ? left[node] : right[node];
    }

    private int onnx(int node, double input) {
        if (Double.isNaN(input) && defaultLeft[node]) {
            return left[node];
        }
        float x = (float) input;
        float t = thresholdF[node];
        boolean truth = switch (decision[node]) {
            case ONNX_LEQ -> x <= t;
            case ONNX_LT -> x < t;
            case ONNX_GTE -> x >= t;
            case ONNX_GT -> x > t;
            case ONNX_EQ -> x == t;
            case ONNX_NEQ -> x != t;
            default -> throw new IllegalStateException("node " + node + " has decision kind " + decision[node]);
        };
        return truth ? left[node] : right[node];
    }

    private boolean inSet(int node, int code) {
        int word = code >>> 5;
        if (word >= categoryLength[node]) {
            return false;
        }
        return (categoryWords[categoryStart[node] + word] & (1 << (code & 31))) != 0;
    }

    @Override
    public String outputUnits() {
        return switch (link) {
            case IDENTITY -> "regression".equals(task) ? TARGET_UNITS : "raw score";
            // LightGBM's sigmoid parameter scales the margin: log-odds = scale x margin.
            case SIGMOID -> linkScale == 1.0 ? "log-odds" : "log-odds / " + linkScale;
            case SOFTMAX -> "log-odds (softmax score)";
            case EXP -> "log of the prediction";
            case SIGNED_SQUARE -> "signed square root of the prediction";
        };
    }

    @Override
    public double[] link(double[] raw) {
        return switch (link) {
            case IDENTITY -> raw.clone();
            case EXP -> new double[] {Math.exp(raw[0])};
            case SIGMOID -> sigmoid(raw);
            case SIGNED_SQUARE -> new double[] {Math.signum(raw[0]) * raw[0] * raw[0]};
            case SOFTMAX -> softmax(raw);
        };
    }

    private double[] sigmoid(double[] raw) {
        double[] p = new double[raw.length];
        for (int k = 0; k < raw.length; k++) {
            p[k] = 1.0 / (1.0 + Math.exp(-linkScale * raw[k]));
        }
        return p;
    }

    /**
     * The same trees with other node covers (one per node, each internal node's the sum of its
     * children's): the training weight TreeSHAP spreads over the branches a row did not take.
     */
    public TreeEnsemble withCovers(double[] covers) {
        if (covers.length != cover.length) {
            throw new IllegalArgumentException(covers.length + " covers for " + cover.length + " nodes");
        }
        TreeEnsemble copy = new TreeEnsemble(type, features, task, classes, link, linkScale, groups, baseMargin, roots,
                treeGroup, left, right, feature, decision, threshold, defaultLeft, missingType, value, covers.clone(),
                categoryStart, categoryLength, categoryWords, vectorStart, vectorValues);
        copy.categoryLevels = categoryLevels;
        copy.categoricalInputs = categoricalInputs;
        return copy;
    }

    /** The same trees reading the data's categories as the given codes (see {@link Model#categoryLevels()}). */
    @Override
    public TreeEnsemble withCategoryLevels(java.util.Map<Integer, List<String>> levels) {
        TreeEnsemble copy = withClasses(task, classes);
        copy.categoryLevels = java.util.Map.copyOf(levels);
        return copy;
    }

    @Override
    public java.util.Map<Integer, List<String>> categoryLevels() {
        return categoryLevels;
    }

    private static double[] softmax(double[] raw) {
        double max = Double.NEGATIVE_INFINITY;
        for (double r : raw) {
            max = Math.max(max, r);
        }
        double[] p = new double[raw.length];
        double sum = 0;
        for (int k = 0; k < raw.length; k++) {
            p[k] = Math.exp(raw[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < raw.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    public Link linkFunction() {
        return link;
    }

    public int treeCount() {
        return roots.length;
    }

    public int root(int tree) {
        return roots[tree];
    }

    /** The output group of a tree, {@link #ALL_GROUPS} for a tree with vector leaves. */
    public int group(int tree) {
        return treeGroup[tree];
    }

    public double baseMargin(int group) {
        return baseMargin[group];
    }

    public boolean isLeaf(int node) {
        return left[node] < 0;
    }

    public int left(int node) {
        return left[node];
    }

    public int right(int node) {
        return right[node];
    }

    public int splitFeature(int node) {
        return feature[node];
    }

    /** The decision kind of a node ({@link #LEAF} for a leaf). */
    public byte decision(int node) {
        return decision[node];
    }

    public double threshold(int node) {
        return threshold[node];
    }

    public boolean defaultLeft(int node) {
        return defaultLeft[node];
    }

    /** The category codes of a categorical node's set, ascending; empty for other nodes. */
    public int[] categories(int node) {
        if (categoryStart == null || (decision[node] != XGBOOST_CATEGORY && decision[node] != CATEGORY_IN_LEFT)) {
            return new int[0];
        }
        return Bitsets.codes(categoryWords, categoryStart[node], categoryLength[node]);
    }

    /** The leaf value of a scalar leaf. */
    public double leafValue(int node) {
        return value[node];
    }

    /** The value a leaf gives output group {@code group}: its vector entry, or its scalar value. */
    public double leafValue(int node, int group) {
        if (vectorStart != null && vectorStart[node] >= 0) {
            return vectorValues[vectorStart[node] + group];
        }
        return value[node];
    }

    /** Whether the leaf holds one value per group. */
    public boolean isVectorLeaf(int node) {
        return vectorStart != null && vectorStart[node] >= 0;
    }

    public double cover(int node) {
        return cover[node];
    }

    public int nodeCount() {
        return left.length;
    }

    /** Leaves (and base margins) that are not finite, named by tree and node; at most ten listed. */
    @Override
    public List<String> outputDefects() {
        List<String> defects = new java.util.ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (!Double.isFinite(baseMargin[g])) {
                defects.add("its base score puts the base margin" + (groups > 1 ? " of output " + g : "") + " at " + baseMargin[g]
                        + (Double.isNaN(baseMargin[g]) ? "" : ", so every prediction sits at the output's bound")
                        + " (a base_score at or beyond the objective's bound, such as 1 for a logistic objective)");
            }
        }
        int listed = 0;
        int more = 0;
        int[] stack = new int[left.length + 1];
        for (int t = 0; t < roots.length; t++) {
            int size = 0;
            stack[size++] = roots[t];
            while (size > 0) {
                int node = stack[--size];
                if (left[node] >= 0) {
                    stack[size++] = left[node];
                    stack[size++] = right[node];
                } else if (!Double.isFinite(value[node])) {
                    if (listed < 10) {
                        defects.add("tree " + t + ", leaf node " + (node - roots[t]) + " holds " + value[node]);
                        listed++;
                    } else {
                        more++;
                    }
                }
            }
        }
        if (more > 0) {
            defects.add(more + " more leaves hold non-finite values");
        }
        return defects;
    }

    /** The longest root-to-leaf path, in splits. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Bitset helpers shared by the readers. */
    public static final class Bitsets {

        private Bitsets() {
        }

        /** A bitset of 32-bit words holding the given non-negative codes. */
        public static int[] of(int[] codes) {
            int max = -1;
            for (int c : codes) {
                if (c < 0) {
                    throw new IllegalArgumentException("negative category code " + c);
                }
                max = Math.max(max, c);
            }
            if (max < 0) {
                return new int[0];
            }
            int[] words = new int[(max >>> 5) + 1];
            for (int c : codes) {
                words[c >>> 5] |= 1 << (c & 31);
            }
            return words;
        }

        static int[] codes(int[] words, int start, int length) {
            int count = 0;
            for (int w = 0; w < length; w++) {
                count += Integer.bitCount(words[start + w]);
            }
            int[] codes = new int[count];
            int k = 0;
            for (int w = 0; w < length; w++) {
                int bits = words[start + w];
                while (bits != 0) {
                    int b = Integer.numberOfTrailingZeros(bits);
                    codes[k++] = 32 * w + b;
                    bits &= bits - 1;
                }
            }
            return codes;
        }
    }

    /**
     * Builds an ensemble node by node: reserve a tree's nodes with {@link #tree(int, int)}, then
     * set each with {@link #split}, {@link #categorical}, {@link #leaf} or {@link #vectorLeaf} by its
     * global index. Not thread-safe.
     */
    public static final class Builder {

        private final String type;
        private final List<String> features;
        private final String task;
        private final List<String> classes;
        private final Link link;
        private final double linkScale;
        private final int groups;
        private final double[] baseMargin;

        private int trees;
        private int[] roots = new int[16];
        private int[] treeGroup = new int[16];
        private int nodes;
        private int[] left = new int[256];
        private int[] right = new int[256];
        private int[] feature = new int[256];
        private byte[] decision = new byte[256];
        private double[] threshold = new double[256];
        private boolean[] defaultLeft = new boolean[256];
        private byte[] missingType = new byte[256];
        private double[] value = new double[256];
        private double[] cover = new double[256];
        private int[] categoryStart;
        private int[] categoryLength;
        private int[] categoryWords = new int[0];
        private int categoryWordCount;
        private int[] vectorStart;
        private double[] vectorValues = new double[0];
        private int vectorCount;

        /**
         * @param linkScale  multiplies the margin before the sigmoid (1 unless LightGBM's {@code sigmoid:} says otherwise)
         * @param baseMargin one raw starting score per output group
         */
        public Builder(String type, List<String> features, String task, List<String> classes, Link link, double linkScale,
                       int groups, double[] baseMargin) {
            this.type = type;
            this.features = features;
            this.task = task;
            this.classes = classes;
            this.link = link;
            this.linkScale = linkScale;
            this.groups = groups;
            this.baseMargin = baseMargin.clone();
        }

        public int groups() {
            return groups;
        }

        /**
         * Adds a tree of {@code nodeCount} nodes, its root first; the nodes start as leaves of value 0.
         *
         * @param group output group, or {@link TreeEnsemble#ALL_GROUPS} for vector leaves
         * @return the global index of the tree's first node (node {@code i} of the tree is {@code start + i})
         */
        public int tree(int group, int nodeCount) {
            if (nodeCount < 1) {
                throw new IllegalArgumentException("a tree without nodes");
            }
            if (group != ALL_GROUPS && (group < 0 || group >= groups)) {
                throw new IllegalArgumentException("a tree of output " + group + " in a model of " + groups + " outputs");
            }
            if (trees == roots.length) {
                roots = Arrays.copyOf(roots, 2 * trees);
                treeGroup = Arrays.copyOf(treeGroup, 2 * trees);
            }
            int start = nodes;
            roots[trees] = start;
            treeGroup[trees] = group;
            trees++;
            ensureNodes(start + nodeCount);
            for (int i = start; i < start + nodeCount; i++) {
                left[i] = -1;
                right[i] = -1;
                feature[i] = -1;
                decision[i] = LEAF;
                missingType[i] = MISSING_NAN;
            }
            nodes = start + nodeCount;
            return start;
        }

        private void ensureNodes(int size) {
            if (size <= left.length) {
                return;
            }
            int capacity = Math.max(size, 2 * left.length);
            left = Arrays.copyOf(left, capacity);
            right = Arrays.copyOf(right, capacity);
            feature = Arrays.copyOf(feature, capacity);
            decision = Arrays.copyOf(decision, capacity);
            threshold = Arrays.copyOf(threshold, capacity);
            defaultLeft = Arrays.copyOf(defaultLeft, capacity);
            missingType = Arrays.copyOf(missingType, capacity);
            value = Arrays.copyOf(value, capacity);
            cover = Arrays.copyOf(cover, capacity);
            if (categoryStart != null) {
                categoryStart = Arrays.copyOf(categoryStart, capacity);
                categoryLength = Arrays.copyOf(categoryLength, capacity);
            }
            if (vectorStart != null) {
                int old = vectorStart.length;
                vectorStart = Arrays.copyOf(vectorStart, capacity);
                Arrays.fill(vectorStart, old, capacity, -1);
            }
        }

        private void check(int node) {
            if (node < 0 || node >= nodes) {
                throw new IllegalArgumentException("node " + node + " outside the reserved nodes");
            }
        }

        /** A numeric split: {@code kind} one of XGBOOST_LT, LIGHTGBM_LE or the ONNX modes. */
        public Builder split(int node, byte kind, int splitFeature, double splitThreshold, boolean missingLeft,
                             byte missing, int leftChild, int rightChild, double nodeCover) {
            if (kind == LEAF || kind == XGBOOST_CATEGORY || kind == CATEGORY_IN_LEFT || kind > CATEGORY_IN_LEFT) {
                throw new IllegalArgumentException("decision kind " + kind + " is not a numeric split");
            }
            internal(node, kind, splitFeature, missingLeft, missing, leftChild, rightChild, nodeCover);
            threshold[node] = splitThreshold;
            return this;
        }

        /**
         * A categorical split; {@code kind} is {@link #XGBOOST_CATEGORY} (set goes right) or
         * {@link #CATEGORY_IN_LEFT} (set goes left).
         *
         * @param words the category set as a bitset of 32-bit words (see {@link Bitsets#of})
         */
        public Builder categorical(int node, byte kind, int splitFeature, int[] words, boolean missingLeft, byte missing,
                                   int leftChild, int rightChild, double nodeCover) {
            if (kind != XGBOOST_CATEGORY && kind != CATEGORY_IN_LEFT) {
                throw new IllegalArgumentException("decision kind " + kind + " is not categorical");
            }
            internal(node, kind, splitFeature, missingLeft, missing, leftChild, rightChild, nodeCover);
            if (categoryStart == null) {
                categoryStart = new int[left.length];
                categoryLength = new int[left.length];
            }
            if (categoryWordCount + words.length > categoryWords.length) {
                categoryWords = Arrays.copyOf(categoryWords, Math.max(categoryWordCount + words.length, 2 * categoryWords.length));
            }
            System.arraycopy(words, 0, categoryWords, categoryWordCount, words.length);
            categoryStart[node] = categoryWordCount;
            categoryLength[node] = words.length;
            categoryWordCount += words.length;
            return this;
        }

        private void internal(int node, byte kind, int splitFeature, boolean missingLeft, byte missing, int leftChild,
                              int rightChild, double nodeCover) {
            check(node);
            check(leftChild);
            check(rightChild);
            if (leftChild == node || rightChild == node) {
                throw new IllegalArgumentException("node " + node + " has children " + leftChild + ", " + rightChild);
            }
            if (splitFeature < 0 || splitFeature >= features.size()) {
                throw new IllegalArgumentException("node " + node + " splits on feature " + splitFeature + " of "
                        + features.size());
            }
            decision[node] = kind;
            feature[node] = splitFeature;
            defaultLeft[node] = missingLeft;
            missingType[node] = missing;
            left[node] = leftChild;
            right[node] = rightChild;
            cover[node] = nodeCover;
        }

        /** A scalar leaf. */
        public Builder leaf(int node, double leafValue, double nodeCover) {
            check(node);
            decision[node] = LEAF;
            left[node] = -1;
            right[node] = -1;
            feature[node] = -1;
            value[node] = leafValue;
            cover[node] = nodeCover;
            return this;
        }

        /** A leaf holding one value per output group. */
        public Builder vectorLeaf(int node, double[] values, double nodeCover) {
            if (values.length != groups) {
                throw new IllegalArgumentException("a leaf of " + values.length + " values in a model of " + groups + " outputs");
            }
            leaf(node, Double.NaN, nodeCover);
            if (vectorStart == null) {
                vectorStart = new int[left.length];
                Arrays.fill(vectorStart, -1);
            }
            if (vectorCount + groups > vectorValues.length) {
                vectorValues = Arrays.copyOf(vectorValues, Math.max(vectorCount + groups, 2 * vectorValues.length));
            }
            System.arraycopy(values, 0, vectorValues, vectorCount, groups);
            vectorStart[node] = vectorCount;
            vectorCount += groups;
            return this;
        }

        public TreeEnsemble build() {
            int[] treeRoots = Arrays.copyOf(roots, trees);
            int[] groupsOfTrees = Arrays.copyOf(treeGroup, trees);
            for (int t = 0; t < trees; t++) {
                int end = t + 1 < trees ? roots[t + 1] : nodes;
                for (int n = roots[t]; n < end; n++) {
                    boolean vector = vectorStart != null && vectorStart[n] >= 0;
                    if (left[n] < 0 && (groupsOfTrees[t] == ALL_GROUPS) != vector) {
                        throw new IllegalArgumentException("tree " + t + (vector ? " of one output has a vector leaf"
                                : " with vector leaves has a scalar leaf"));
                    }
                    if (left[n] >= 0 && (left[n] < roots[t] || left[n] >= end || right[n] < roots[t] || right[n] >= end)) {
                        throw new IllegalArgumentException("tree " + t + " node " + (n - roots[t]) + " points outside its tree");
                    }
                }
            }
            return new TreeEnsemble(type, features, task, classes, link, linkScale, groups, baseMargin, treeRoots, groupsOfTrees,
                    Arrays.copyOf(left, nodes), Arrays.copyOf(right, nodes), Arrays.copyOf(feature, nodes),
                    Arrays.copyOf(decision, nodes), Arrays.copyOf(threshold, nodes), Arrays.copyOf(defaultLeft, nodes),
                    Arrays.copyOf(missingType, nodes), Arrays.copyOf(value, nodes), Arrays.copyOf(cover, nodes),
                    categoryStart == null ? null : Arrays.copyOf(categoryStart, nodes),
                    categoryLength == null ? null : Arrays.copyOf(categoryLength, nodes),
                    Arrays.copyOf(categoryWords, categoryWordCount),
                    vectorStart == null ? null : Arrays.copyOf(vectorStart, nodes), Arrays.copyOf(vectorValues, vectorCount));
        }
    }
}
