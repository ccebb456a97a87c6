package org.modellens.stats;

import java.util.Arrays;

/**
 * The scores of a binary classifier split by true class, each side sorted ascending, with the
 * "placements" that both the AUC and DeLong's variance are built from (DeLong, DeLong and
 * Clarke-Pearson, Biometrics 44, 1988): for a positive row, the share of negatives scored below it
 * (ties count one half); for a negative row, the share of positives scored above it.
 *
 * @param positives scores of the positive rows, ascending
 * @param negatives scores of the negative rows, ascending
 */
record ScoresByClass(double[] positives, double[] negatives) {

    static ScoresByClass of(double[] score, boolean[] positive) {
        int count = 0;
        for (boolean p : positive) {
            if (p) {
                count++;
            }
        }
        double[] pos = new double[count];
        double[] neg = new double[score.length - count];
        int i = 0;
        int j = 0;
        for (int r = 0; r < score.length; r++) {
            if (positive[r]) {
                pos[i++] = score[r];
            } else {
                neg[j++] = score[r];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        return new ScoresByClass(pos, neg);
    }

    /** Per positive row (ascending), the share of negatives below it plus half the share tied with it. */
    double[] positivePlacements() {
        return placements(positives, negatives);
    }

    /** Per negative row (ascending), the share of positives above it plus half the share tied with it. */
    double[] negativePlacements() {
        double[] below = placements(negatives, positives);
        double[] above = new double[below.length];
        for (int k = 0; k < below.length; k++) {
            above[k] = 1 - below[k];
        }
        return above;
    }

    /** For each of {@code sorted} (ascending), the share of {@code others} below it plus half the share equal. */
    private static double[] placements(double[] sorted, double[] others) {
        double[] out = new double[sorted.length];
        int less = 0;
        int lessOrEqual = 0;
        for (int k = 0; k < sorted.length; k++) {
            double v = sorted[k];
            while (less < others.length && others[less] < v) {
                less++;
            }
            if (lessOrEqual < less) {
                lessOrEqual = less;
            }
            while (lessOrEqual < others.length && others[lessOrEqual] <= v) {
                lessOrEqual++;
            }
            out[k] = (less + 0.5 * (lessOrEqual - less)) / others.length;
        }
        return out;
    }
}
