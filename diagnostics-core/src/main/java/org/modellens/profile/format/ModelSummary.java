package org.modellens.profile.format;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.modellens.data.InputFiles;
import org.modellens.data.RunningMoments;

/**
 * What a model made of every row of a snapshot, summed so it merges exactly: the prediction's
 * moments and KLL quantile sketch (in the model's output space, the margin for tree ensembles), and
 * per model feature the sum of its attributions (TreeSHAP contributions) and of their absolute values,
 * so mean contribution and mean |contribution| (the global importance) are exact for all rows.
 * The base value is the model's, the same for every part.
 *
 * <p>Since format version 2 also the score the prediction-drift check compares (the probability of the
 * positive class, the prediction of a regression, the confidence of a multiclass model: what
 * {@code Model.predict} gives), with its moments and KLL sketch, and for multiclass models the count of
 * rows predicted as each class. Version 1 summaries have none ({@link #hasScores()} is false).
 */
public final class ModelSummary {

    private final String model;
    private final List<String> features;
    private final double baseValue;
    private final RunningMoments prediction = new RunningMoments();
    private double predictionMin = Double.POSITIVE_INFINITY;
    private double predictionMax = Double.NEGATIVE_INFINITY;
    private KllDoublesSketch predictions;
    private final double[] contributionSum;
    private final double[] absContributionSum;
    private boolean hasScores = true;
    private final RunningMoments score = new RunningMoments();
    private KllDoublesSketch scores;
    private long[] classCounts = new long[0];

    /**
     * @param model    the model file's name and digest, so summaries of different models never merge
     * @param features the model's features, in its input order
     */
    public ModelSummary(String model, List<String> features, double baseValue, int kllK) {
        this.model = model;
        this.features = List.copyOf(features);
        this.baseValue = baseValue;
        this.predictions = KllDoublesSketch.newHeapInstance(kllK);
        this.scores = KllDoublesSketch.newHeapInstance(kllK);
        this.contributionSum = new double[features.size()];
        this.absContributionSum = new double[features.size()];
    }

    /** Adds one scored row: its margin and its contributions in feature order ({@code null} when not explained). */
    public void add(double margin, double[] contributions) {
        prediction.add(margin);
        predictionMin = Math.min(predictionMin, margin);
        predictionMax = Math.max(predictionMax, margin);
        predictions.update(margin);
        if (contributions != null) {
            for (int f = 0; f < contributionSum.length; f++) {
                contributionSum[f] += contributions[f];
                absContributionSum[f] += Math.abs(contributions[f]);
            }
        }
    }

    /**
     * Adds one row's score (finite scores only, as the prediction-drift check reads them).
     *
     * @param predictedClass multiclass: the class the model predicts for the row (argmax), else -1
     */
    public void addScore(double score, int predictedClass) {
        if (!Double.isFinite(score)) {
            return;
        }
        this.score.add(score);
        scores.update(score);
        if (predictedClass >= 0) {
            if (predictedClass >= classCounts.length) {
                classCounts = java.util.Arrays.copyOf(classCounts, predictedClass + 1);
            }
            classCounts[predictedClass]++;
        }
    }

    public void merge(ModelSummary other) {
        if (!model.equals(other.model) || !features.equals(other.features)) {
            throw new IllegalArgumentException("model summaries of different models do not merge: " + model
                    + " and " + other.model);
        }
        if (other.rows() == 0) {
            return;
        }
        prediction.merge(other.prediction);
        predictionMin = Math.min(predictionMin, other.predictionMin);
        predictionMax = Math.max(predictionMax, other.predictionMax);
        predictions.merge(other.predictions);
        for (int f = 0; f < contributionSum.length; f++) {
            contributionSum[f] += other.contributionSum[f];
            absContributionSum[f] += other.absContributionSum[f];
        }
        mergeScores(other);
    }

    private void mergeScores(ModelSummary other) {
        hasScores &= other.hasScores;
        if (other.scoreRows() > 0) {
            score.merge(other.score);
            scores.merge(other.scores);
        }
        if (other.classCounts.length > classCounts.length) {
            classCounts = java.util.Arrays.copyOf(classCounts, other.classCounts.length);
        }
        for (int c = 0; c < other.classCounts.length; c++) {
            classCounts[c] += other.classCounts[c];
        }
    }

    public String model() {
        return model;
    }

    /**
     * Whether this summary was made with this very model file: the model id the Spark job writes is the
     * file's name and the SHA-256 of its bytes ({@code model.json@<hex>}).
     */
    public boolean madeWith(java.nio.file.Path modelFile) throws org.modellens.data.UnreadableInputException {
        return model.equals(InputFiles.name(modelFile) + "@" + InputFiles.sha256(modelFile));
    }

    public List<String> features() {
        return features;
    }

    public double baseValue() {
        return baseValue;
    }

    public long rows() {
        return prediction.count();
    }

    public double predictionMean() {
        return prediction.mean();
    }

    public double predictionStd() {
        return prediction.std();
    }

    public double predictionMin() {
        return rows() == 0 ? Double.NaN : predictionMin;
    }

    public double predictionMax() {
        return rows() == 0 ? Double.NaN : predictionMax;
    }

    public KllDoublesSketch predictions() {
        return predictions;
    }

    /** Mean contribution of each feature over all rows (their sum plus the base value is the mean margin). */
    public double[] meanContributions() {
        return perRow(contributionSum);
    }

    /** Mean |contribution| of each feature over all rows: the global importance. */
    public double[] meanAbsContributions() {
        return perRow(absContributionSum);
    }

    private double[] perRow(double[] sums) {
        double[] mean = new double[sums.length];
        long rows = rows();
        for (int f = 0; f < mean.length; f++) {
            mean[f] = rows == 0 ? Double.NaN : sums[f] / rows;
        }
        return mean;
    }

    /** Whether the scores were summarised (profiles of format version 2 on). */
    public boolean hasScores() {
        return hasScores;
    }

    /** Rows with a finite score. */
    public long scoreRows() {
        return score.count();
    }

    public double scoreMean() {
        return score.mean();
    }

    public double scoreStd() {
        return score.std();
    }

    /** The scores' KLL sketch (normalized rank error {@code getNormalizedRankError(false)}). */
    public KllDoublesSketch scores() {
        return scores;
    }

    /** Multiclass: rows predicted as each class, in the model's class order; empty otherwise. */
    public long[] classCounts() {
        return classCounts.clone();
    }

    void write(DataOutput out) throws IOException {
        ProfileFormat.writeString(out, model);
        out.writeInt(features.size());
        for (String f : features) {
            ProfileFormat.writeString(out, f);
        }
        out.writeDouble(baseValue);
        out.writeLong(prediction.count());
        out.writeDouble(prediction.storedMean());
        out.writeDouble(prediction.storedM2());
        out.writeDouble(predictionMin);
        out.writeDouble(predictionMax);
        ProfileFormat.writeBytes(out, predictions.toByteArray());
        for (int f = 0; f < features.size(); f++) {
            out.writeDouble(contributionSum[f]);
            out.writeDouble(absContributionSum[f]);
        }
        // Version 2: the scores.
        out.writeBoolean(hasScores);
        out.writeLong(score.count());
        out.writeDouble(score.storedMean());
        out.writeDouble(score.storedM2());
        ProfileFormat.writeBytes(out, scores.toByteArray());
        out.writeInt(classCounts.length);
        for (long c : classCounts) {
            out.writeLong(c);
        }
    }

    static ModelSummary read(DataInput in, int kllK, int version) throws IOException {
        String model = ProfileFormat.readString(in);
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) {
            throw new IOException("bad model feature count " + n);
        }
        String[] features = new String[n];
        for (int f = 0; f < n; f++) {
            features[f] = ProfileFormat.readString(in);
        }
        ModelSummary s = new ModelSummary(model, List.of(features), in.readDouble(), kllK);
        s.prediction.restore(in.readLong(), in.readDouble(), in.readDouble());
        s.predictionMin = in.readDouble();
        s.predictionMax = in.readDouble();
        s.predictions = KllDoublesSketch.heapify(Memory.wrap(ProfileFormat.readBytes(in)));
        for (int f = 0; f < n; f++) {
            s.contributionSum[f] = in.readDouble();
            s.absContributionSum[f] = in.readDouble();
        }
        if (version < 2) {
            s.hasScores = false;
            return s;
        }
        s.hasScores = in.readBoolean();
        s.score.restore(in.readLong(), in.readDouble(), in.readDouble());
        s.scores = KllDoublesSketch.heapify(Memory.wrap(ProfileFormat.readBytes(in)));
        int classes = in.readInt();
        if (classes < 0 || classes > 1_000_000) {
            throw new IOException("bad class count " + classes);
        }
        s.classCounts = new long[classes];
        for (int c = 0; c < classes; c++) {
            s.classCounts[c] = in.readLong();
        }
        return s;
    }
}
