package org.modellens.checks;

import java.util.List;

/**
 * Production rows a finding is about.
 *
 * @param count    how many rows are affected
 * @param examples the first few affected rows, 0-based indices of data rows in the production file
 */
public record AffectedRows(long count, List<Integer> examples) {

    /** How many example row indices a finding carries at most. */
    public static final int MAX_EXAMPLES = 10;

    public AffectedRows {
        examples = List.copyOf(examples);
    }
}
