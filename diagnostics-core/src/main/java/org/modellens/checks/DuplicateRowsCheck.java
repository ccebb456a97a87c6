package org.modellens.checks;

import org.modellens.text.Numbers;
import org.modellens.settings.Settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.modellens.data.Column;
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
        // A streamed file was checked for repeats row by row in its pass; its columns hold only a sample.
        boolean streamed = snapshot.sampling().isPresent();
        boolean[] duplicate = streamed ? null : markRepeats(columns, snapshot.rows());
        long duplicates = 0;
        if (streamed) {
            duplicates = snapshot.sampling().get().duplicateRows().count();
        } else {
            for (boolean repeat : duplicate) {
                if (repeat) {
                    duplicates++;
                }
            }
        }
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
                        .put("exampleRows", (streamed ? Tallies.rows(snapshot.sampling().get().duplicateRows())
                                : Rows.matching(row -> duplicate[row], snapshot)).examples()).map(),
                !side.equals("production") ? null : streamed ? Tallies.rows(snapshot.sampling().get().duplicateRows())
                        : Rows.matching(row -> duplicate[row], snapshot)));
    }

    /**
     * Marks each row that repeats an earlier row in every cell. A 64-bit hash per row, built column by
     * column, finds candidates in an open-addressing table of row numbers; candidates are confirmed
     * cell by cell, so a hash collision never makes a false duplicate.
     */
    static boolean[] markRepeats(List<Column> columns, int rows) {
        long[] hashes = new long[rows];
        Arrays.fill(hashes, 1125899906842597L);
        for (Column column : columns) {
            for (int row = 0; row < rows; row++) {
                hashes[row] = 31 * hashes[row] + column.cellHash(row);
            }
        }
        int capacity = Integer.highestOneBit(Math.max(2, rows) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] slots = new int[capacity]; // row + 1 of a distinct row, 0 = empty
        boolean[] duplicate = new boolean[rows];
        for (int row = 0; row < rows; row++) {
            long hash = hashes[row];
            int slot = (int) ((hash ^ (hash >>> 29)) * 0xBF58476D1CE4E5B9L >>> 32) & mask;
            while (slots[slot] != 0) {
                int other = slots[slot] - 1;
                if (hashes[other] == hash && sameCells(columns, other, row)) {
                    duplicate[row] = true;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            if (!duplicate[row]) {
                slots[slot] = row + 1;
            }
        }
        return duplicate;
    }

    private static boolean sameCells(List<Column> columns, int a, int b) {
        for (Column column : columns) {
            if (!column.sameCell(a, b)) {
                return false;
            }
        }
        return true;
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
