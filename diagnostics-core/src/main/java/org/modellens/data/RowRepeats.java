package org.modellens.data;

import java.util.Arrays;
import java.util.List;

/** Rows of a snapshot held whole that repeat an earlier row in every cell (the streamed pass counts them with {@link RowHashSet}). */
final class RowRepeats {

    private RowRepeats() {
    }

    /**
     * Marks each row that repeats an earlier row in every cell. A 64-bit hash per row, built column by
     * column, finds candidates in an open-addressing table of row numbers; candidates are confirmed
     * cell by cell, so a hash collision never makes a false duplicate.
     */
    static boolean[] mark(List<Column> columns, int rows) {
        long[] hashes = new long[rows];
        Arrays.fill(hashes, 1125899906842597L);
        for (Column column : columns) {
            column.mixHashes(hashes);
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
}
