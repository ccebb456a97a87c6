package org.modellens.causes;

import java.util.List;

import org.modellens.checks.LabelEncoding;
import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.data.TypeInference;

/**
 * The true outcome of each row of a snapshot, matched to the model's classes as the model checks match
 * them ({@link LabelEncoding}): binary, 1/0 for positive/negative; multiclass, the class index;
 * regression, the value. Rows without a (matching) label are unlabelled.
 *
 * @param positive   binary: 1 or 0, NaN where unlabelled; {@code null} otherwise
 * @param classIndex multiclass: the class, -1 where unlabelled; {@code null} otherwise
 * @param actual     regression: the value, NaN where unlabelled; {@code null} otherwise
 * @param labelled   rows with a label, ascending
 */
record Outcomes(double[] positive, int[] classIndex, double[] actual, int[] labelled) {

    static final String BINARY = "binary";
    static final String REGRESSION = "regression";

    static Outcomes of(Snapshot snapshot, String target, String task, List<String> classes) {
        int n = snapshot.rows();
        Column label = snapshot.column(target).orElse(null);
        boolean regression = REGRESSION.equals(task);
        boolean binary = BINARY.equals(task);
        double[] positive = binary ? new double[n] : null;
        int[] classIndex = !binary && !regression ? new int[n] : null;
        double[] actual = regression ? new double[n] : null;
        LabelEncoding encoding = regression ? null : new LabelEncoding(classes);
        int[] labelled = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            String cell = label == null ? null : label.text(i);
            boolean known;
            if (regression) {
                actual[i] = cell == null ? Double.NaN : TypeInference.parseNumber(cell);
                known = Double.isFinite(actual[i]);
            } else {
                int k = cell == null ? -1 : encoding.classIndex(cell);
                known = k >= 0;
                if (binary) {
                    positive[i] = known ? k : Double.NaN;
                } else {
                    classIndex[i] = k;
                }
            }
            if (known) {
                labelled[m++] = i;
            }
        }
        return new Outcomes(positive, classIndex, actual, java.util.Arrays.copyOf(labelled, m));
    }

    /** The rows {@code rows} (with repeats), in that order, as a snapshot of their own. */
    Outcomes select(int[] rows) {
        double[] pos = positive == null ? null : new double[rows.length];
        int[] cls = classIndex == null ? null : new int[rows.length];
        double[] act = actual == null ? null : new double[rows.length];
        int[] known = new int[rows.length];
        int m = 0;
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            if (pos != null) {
                pos[k] = positive[i];
            }
            if (cls != null) {
                cls[k] = classIndex[i];
            }
            if (act != null) {
                act[k] = actual[i];
            }
            if (isLabelled(i)) {
                known[m++] = k;
            }
        }
        return new Outcomes(pos, cls, act, java.util.Arrays.copyOf(known, m));
    }

    /** Snapshot rows. */
    int size() {
        return positive != null ? positive.length : classIndex != null ? classIndex.length : actual.length;
    }

    boolean isLabelled(int row) {
        if (positive != null) {
            return !Double.isNaN(positive[row]);
        }
        if (classIndex != null) {
            return classIndex[row] >= 0;
        }
        return Double.isFinite(actual[row]);
    }

    /** The class of a labelled row: binary 1/0, multiclass the index. */
    int classOf(int row) {
        return positive != null ? (int) positive[row] : classIndex[row];
    }

    boolean hasLabels() {
        return labelled.length > 0;
    }
}
