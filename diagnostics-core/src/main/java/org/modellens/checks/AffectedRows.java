package org.modellens.checks;

import java.util.BitSet;
import java.util.List;

/**
 * Production rows a finding is about.
 *
 * @param count    how many rows are affected: over the whole file, or over the sample when {@code sample} is given
 * @param examples the first few affected rows, 0-based indices of data rows in the production file
 * @param sample   the sample the rows were counted on, or {@code null} when the count is over every row of the file
 * @param heldRows every affected row as a row of the production snapshot (a held row, see
 *                 {@link org.modellens.data.Snapshot#fileRow}), or {@code null} where the check kept only the
 *                 count and examples; not written to the JSON report, it lets the workbench export them all
 */
public record AffectedRows(long count, List<Integer> examples, Sample sample, BitSet heldRows) {

    /** How many example row indices a finding carries at most. */
    public static final int MAX_EXAMPLES = 10;

    public AffectedRows {
        examples = List.copyOf(examples);
        heldRows = heldRows == null ? null : (BitSet) heldRows.clone();
    }

    /** Rows counted on {@code sample} (or the whole file), only the examples kept. */
    public AffectedRows(long count, List<Integer> examples, Sample sample) {
        this(count, examples, sample, null);
    }

    /** Rows counted over the whole file, only the examples kept. */
    public AffectedRows(long count, List<Integer> examples) {
        this(count, examples, null, null);
    }

    /**
     * Equal when the report would say the same: count, examples and sample. The full set rides along
     * for export and does not change what a finding is.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof AffectedRows that && count == that.count && examples.equals(that.examples)
                && java.util.Objects.equals(sample, that.sample);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(count, examples, sample);
    }

    /** A copy: the set stays the finding's. */
    @Override
    public BitSet heldRows() {
        return heldRows == null ? null : (BitSet) heldRows.clone();
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
