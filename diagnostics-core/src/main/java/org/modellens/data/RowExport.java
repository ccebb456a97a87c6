package org.modellens.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Writes chosen rows of a snapshot back out as CSV, read from the snapshot itself: the rows a finding
 * is about, every one of them, for a person to open in a spreadsheet or join back to their systems.
 *
 * <p>Columns: the row identifiers first (columns the loader took for ids), then {@code row}, the
 * 0-based data row of the file (as in the report's row examples), then the finding's column, then the
 * rest in file order. Cells are the snapshot's text: as in the file for text and for numbers that are
 * not plain, a plain number written back from its value ("1.50" gives "1.5"); a missing cell is empty.
 * Fields holding a comma, quote, line break or edge spaces are quoted (RFC 4180). UTF-8, {@code \n}.
 */
public final class RowExport {

    /** The header of the file-row column; another name if the snapshot has a column of that name. */
    static final String ROW = "row";

    private RowExport() {
    }

    /**
     * Writes {@code heldRows} (rows of the snapshot, ascending) of {@code snapshot}.
     *
     * @param feature the column to put right after the row number, or {@code null}
     * @return the number of rows written
     */
    public static long write(Snapshot snapshot, BitSet heldRows, String feature, OutputStream out) throws IOException {
        List<Column> columns = order(snapshot, feature);
        String rowHeader = snapshot.hasColumn(ROW) ? "modellens_" + ROW : ROW;
        int ids = (int) columns.stream().filter(Column::identifier).count();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        List<String> header = new ArrayList<>();
        columns.forEach(c -> header.add(c.name()));
        header.add(ids, rowHeader);
        line(writer, header);
        long written = 0;
        List<String> cells = new ArrayList<>(columns.size() + 1);
        for (int row = heldRows.nextSetBit(0); row >= 0 && row < snapshot.rows(); row = heldRows.nextSetBit(row + 1)) {
            cells.clear();
            for (Column column : columns) {
                cells.add(column.text(row));
            }
            cells.add(ids, Long.toString(snapshot.fileRow(row)));
            line(writer, cells);
            written++;
        }
        writer.flush();
        return written;
    }

    /** Identifiers, then the finding's column, then the others, each group in file order. */
    static List<Column> order(Snapshot snapshot, String feature) {
        List<Column> ordered = new ArrayList<>();
        snapshot.columns().stream().filter(Column::identifier).forEach(ordered::add);
        snapshot.columns().stream().filter(c -> !c.identifier() && c.name().equals(feature)).forEach(ordered::add);
        snapshot.columns().stream().filter(c -> !c.identifier() && !c.name().equals(feature)).forEach(ordered::add);
        return ordered;
    }

    private static void line(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(field(cells.get(i)));
        }
        writer.write('\n');
    }

    /** One CSV field: empty for missing, quoted where the text needs it. */
    static String field(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
