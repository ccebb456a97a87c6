package org.modellens.timeline;

/**
 * When a cause began: the first chunk of its sustained change.
 *
 * @param cause      the cause's rank (1-based), or 0 when the change belongs to no cause
 * @param feature    the column, or {@code null} for a dataset-level change (the model's performance)
 * @param chunkIndex the first chunk of the change
 * @param start      that chunk's start
 * @param sentence   in plain words ("months_employed started arriving empty in the week of 27 October")
 * @param signal     what changed: missingRate, unseenShare, outOfRangeShare, ks, psi, totalVariation or performance
 */
public record ChangePoint(int cause, String feature, int chunkIndex, String start, String sentence, String signal) {

    public ChangePoint(int cause, String feature, int chunkIndex, String start, String sentence) {
        this(cause, feature, chunkIndex, start, sentence, null);
    }
}
