package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Collects the production rows a finding is about. */
final class Rows {

    private Rows() {
    }

    static AffectedRows matching(IntPredicate affected, long rows) {
        long count = 0;
        List<Integer> examples = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            if (affected.test(row)) {
                count++;
                if (examples.size() < AffectedRows.MAX_EXAMPLES) {
                    examples.add(row);
                }
            }
        }
        return new AffectedRows(count, examples);
    }
}
