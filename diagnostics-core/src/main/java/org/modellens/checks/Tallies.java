package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.modellens.data.ColumnTally;
import org.modellens.data.RowTally;
import org.modellens.data.Snapshot;

/**
 * The exact figures of a streamed snapshot (see {@link org.modellens.data.Sampling}), for the checks
 * that count rows: they use these instead of counting on the sample, so counts, shares and example
 * row indices refer to the whole file.
 */
final class Tallies {

    private Tallies() {
    }

    static Optional<ColumnTally> of(Snapshot snapshot, String column) {
        return snapshot.sampling().map(s -> s.tally(column));
    }

    static AffectedRows rows(RowTally tally) {
        List<Integer> examples = new ArrayList<>();
        for (long row : tally.examples()) {
            examples.add(Math.toIntExact(row));
        }
        return new AffectedRows(tally.count(), examples);
    }
}
