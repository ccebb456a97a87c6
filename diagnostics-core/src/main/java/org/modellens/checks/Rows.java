package org.modellens.checks;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

import org.modellens.data.RowTally;
import org.modellens.data.Snapshot;

/** Collects the production rows a finding is about, as file rows. */
final class Rows {

    private Rows() {
    }

    /**
     * The held rows of {@code snapshot} that {@code affected} accepts: their count and the first few as
     * file row numbers. On a sampled snapshot the count is the sample's, and the result says so.
     */
    static AffectedRows matching(IntPredicate affected, Snapshot snapshot) {
        long count = 0;
        List<Integer> examples = new ArrayList<>();
        // Every row, not just the examples: the workbench exports them all.
        BitSet all = new BitSet();
        int rows = snapshot.rows();
        for (int row = 0; row < rows; row++) {
            if (affected.test(row)) {
                count++;
                all.set(row);
                if (examples.size() < AffectedRows.MAX_EXAMPLES) {
                    examples.add(Math.toIntExact(snapshot.fileRow(row)));
                }
            }
        }
        return new AffectedRows(count, examples, sample(snapshot), all);
    }

    /** Rows a check counted on the held rows of {@code snapshot}, its examples given as held rows. */
    static AffectedRows of(long count, List<Integer> heldExamples, Snapshot snapshot) {
        List<Integer> examples = heldExamples.stream().map(row -> Math.toIntExact(snapshot.fileRow(row))).toList();
        return new AffectedRows(count, examples, sample(snapshot));
    }

    /** Rows counted over every row of the file (a {@link Snapshot#tally tally}); examples are file rows. */
    static AffectedRows of(RowTally tally) {
        List<Integer> examples = new ArrayList<>();
        for (long row : tally.examples()) {
            examples.add(Math.toIntExact(row));
        }
        return new AffectedRows(tally.count(), examples, null, tally.all());
    }

    private static AffectedRows.Sample sample(Snapshot snapshot) {
        return AffectedRows.Sample.of(snapshot);
    }
}
