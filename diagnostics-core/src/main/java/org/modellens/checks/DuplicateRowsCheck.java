package org.modellens.checks;

import org.modellens.settings.Settings;
import org.modellens.text.Numbers;

import java.util.ArrayList;
import java.util.List;

import org.modellens.data.Column;
import org.modellens.data.RowTally;
import org.modellens.data.Snapshot;

/**
 * duplicate-rows: rows that repeat an earlier row exactly, in either snapshot (a batch loaded twice).
 * The evidence names the first repeating rows (0-based data rows of that snapshot's file).
 * When the columns allow few distinct rows (product of distinct counts under 10 x rows) repeats
 * happen by chance and the finding stays {@code info}.
 */
public final class DuplicateRowsCheck implements Check {

    public static final String ID = "duplicate-rows";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        check(context.train(), "training", context.settings(), findings);
        check(context.prod(), "production", context.settings(), findings);
        return findings;
    }

    private void check(Snapshot snapshot, String side, Settings s, List<Finding> findings) {
        List<Column> columns = snapshot.columns();
        // Counted over every row of the file, whether it was held whole or streamed.
        RowTally repeats = snapshot.duplicateRows();
        long duplicates = repeats.count();
        if (duplicates == 0) {
            return;
        }
        long rows = snapshot.fileRows();
        double share = (double) duplicates / rows;
        boolean chanceRepeats = possibleDistinctRows(columns) < 10.0 * rows;
        Severity level = chanceRepeats ? Severity.INFO
                : share >= s.get("duplicates.share.fail") ? Severity.FAIL
                : share >= s.get("duplicates.share.warn") ? Severity.WARN : Severity.INFO;
        findings.add(new Finding(ID, null, level,
                Judgement.percent(share) + " of " + side + " rows are exact duplicates",
                Numbers.count(duplicates) + " of " + Numbers.count(rows) + " " + side + " rows repeat an earlier row in every column"
                        + (chanceRepeats ? "; with so few distinct possible rows, repeats are expected by chance."
                                         : ". A batch was probably loaded twice: duplicates over-weight those cases"
                                           + (side.equals("training") ? " and leak between train and test splits." : " in every metric.")),
                new Evidence().put("snapshot", side).put("duplicateRows", duplicates).put("share", share)
                        .put("exampleRows", Rows.of(repeats).examples()).map(),
                !side.equals("production") ? null : Rows.of(repeats)));
    }

    private static double possibleDistinctRows(List<Column> columns) {
        double product = 1;
        for (Column column : columns) {
            product *= Math.max(1, column.distinctCells(1_000_001));
            if (product > 1e15) {
                return product;
            }
        }
        return product;
    }
}
