package org.modellens.checks;

import java.util.List;

/**
 * Production rows a finding is about.
 *
 * @param count    how many rows are affected: over the whole file, or over the sample when {@code sample} is given
 * @param examples the first few affected rows, 0-based indices of data rows in the production file
 * @param sample   the sample the rows were counted on, or {@code null} when the count is over every row of the file
 */
public record AffectedRows(long count, List<Integer> examples, Sample sample) {

    /** How many example row indices a finding carries at most. */
    public static final int MAX_EXAMPLES = 10;

    public AffectedRows {
        examples = List.copyOf(examples);
    }

    /** Rows counted over the whole file. */
    public AffectedRows(long count, List<Integer> examples) {
        this(count, examples, null);
    }

    /**
     * The uniform sample a count was made on.
     *
     * @param rows     rows in the sample
     * @param fileRows rows in the file
     */
    public record Sample(int rows, long fileRows) {

        /** The sample {@code snapshot} holds, or {@code null} when it holds every row of its file. */
        public static Sample of(org.modellens.data.Snapshot snapshot) {
            return snapshot.sampling().filter(s -> s.sampled()).map(s -> new Sample(snapshot.rows(), s.fileRows())).orElse(null);
        }
    }
}
