package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The hashed duplicate finder agrees with the obvious set-of-rows definition. */
class DuplicateRowHashingTest {

    @Test
    void marksExactlyTheRowsThatRepeatAnEarlierRow() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int rows = 1 + random.nextInt(3000);
            int width = 1 + random.nextInt(4);
            // Few distinct values per column, missing cells included: many chance repeats and near-misses.
            String[][] cells = new String[width][rows];
            for (int c = 0; c < width; c++) {
                for (int r = 0; r < rows; r++) {
                    int v = random.nextInt(6);
                    cells[c][r] = v == 0 ? null : v == 1 ? "" + c : "v" + v;
                }
            }
            List<Column> columns = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                columns.add(new Column("c" + c, ColumnType.CATEGORICAL, false, cells[c], null, 0));
            }

            boolean[] marked = RowRepeats.mark(columns, rows);

            Set<List<String>> seen = new HashSet<>();
            for (int r = 0; r < rows; r++) {
                String[] row = new String[width];
                for (int c = 0; c < width; c++) {
                    row[c] = cells[c][r];
                }
                boolean repeat = !seen.add(Arrays.asList(row));
                assertThat(marked[r]).as("trial %d row %d", trial, r).isEqualTo(repeat);
            }
        }
    }

    /** The bulk row hash is the cell-by-cell one, for coded and numeric columns (missing, kept text, -0.0). */
    @Test
    void bulkHashingEqualsCellByCell() {
        String[] text = {"1", null, "-0", "0", "N/A", "2.5", "N/A", null, "1,200"};
        double[] numbers = {1, Double.NaN, -0.0, 0.0, Double.NaN, 2.5, Double.NaN, Double.NaN, 1200};
        List<Column> columns = List.of(new Column("n", ColumnType.NUMERIC, false, text, numbers, 3),
                new Column("c", ColumnType.CATEGORICAL, false, text, null, 0));
        for (Column column : columns) {
            long[] bulk = new long[text.length];
            Arrays.fill(bulk, 17);
            column.mixHashes(bulk);
            for (int row = 0; row < text.length; row++) {
                assertThat(bulk[row]).as("%s row %d", column.name(), row).isEqualTo(31 * 17 + column.cellHash(row));
            }
        }
    }

    /** Cells that concatenate alike ("ab","c" vs "a","bc") are different rows. */
    @Test
    void cellBoundariesMatter() {
        List<Column> columns = List.of(
                new Column("a", ColumnType.CATEGORICAL, false, new String[] {"ab", "a", "ab"}, null, 0),
                new Column("b", ColumnType.CATEGORICAL, false, new String[] {"c", "bc", "c"}, null, 0));
        assertThat(RowRepeats.mark(columns, 3)).containsExactly(false, false, true);
    }
}
