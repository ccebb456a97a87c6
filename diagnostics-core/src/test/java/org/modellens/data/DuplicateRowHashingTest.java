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

    /** Cells that concatenate alike ("ab","c" vs "a","bc") are different rows. */
    @Test
    void cellBoundariesMatter() {
        List<Column> columns = List.of(
                new Column("a", ColumnType.CATEGORICAL, false, new String[] {"ab", "a", "ab"}, null, 0),
                new Column("b", ColumnType.CATEGORICAL, false, new String[] {"c", "bc", "c"}, null, 0));
        assertThat(RowRepeats.mark(columns, 3)).containsExactly(false, false, true);
    }
}
