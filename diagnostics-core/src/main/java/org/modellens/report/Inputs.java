package org.modellens.report;

import org.modellens.data.Snapshot;

/**
 * What a diagnosis analysed.
 *
 * @param train  the training snapshot
 * @param prod   the production snapshot
 * @param target the target column, or {@code null}
 * @param task   binary, multiclass or regression, or {@code null} without a target
 */
public record Inputs(Snapshot train, Snapshot prod, String target, String task) {
}
