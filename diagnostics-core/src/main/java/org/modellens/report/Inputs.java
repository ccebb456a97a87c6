package org.modellens.report;

import org.modellens.data.Snapshot;

/**
 * What a diagnosis analysed.
 *
 * @param train  the training snapshot
 * @param prod   the production snapshot
 * @param target the target column, or {@code null}
 * @param task   binary, multiclass or regression, or {@code null} without a target
 * @param reference held-out labelled data the model never trained on ({@code --reference}), or {@code null}
 */
public record Inputs(Snapshot train, Snapshot prod, String target, String task, Snapshot reference) {

    /** Inputs without a reference snapshot. */
    public Inputs(Snapshot train, Snapshot prod, String target, String task) {
        this(train, prod, target, task, null);
    }
}
