package org.modellens.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a snapshot file of any supported format: by extension ({@code .csv .tsv .txt} as CSV,
 * {@code .parquet}, {@code .xlsx}), otherwise by content (Parquet magic {@code PAR1}, a ZIP container
 * for XLSX, text for CSV).
 */
public final class SnapshotReaders {

    private SnapshotReaders() {
    }

    /**
     * Whether {@link #read} would read the file as CSV: a CSV extension, or no known extension and
     * text content. {@code false} for a file that cannot be opened (reading it reports why).
     */
    static boolean readsAsCsv(Path path) {
        String lower = CsvReader.fileName(path).toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return true;
        }
        if (lower.endsWith(".parquet") || lower.endsWith(".parq") || lower.endsWith(".xlsx") || lower.endsWith(".xlsm")
                || lower.endsWith(".xls") || !Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(64 * 1024);
            return head.length >= 4 && !(head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1')
                    && !(head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) && !CsvReader.looksBinary(head);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The column names {@link #read} would give, read from the header alone (a CSV file's first
     * record, a Parquet footer), so a picker of columns fills in a moment whatever the file's size.
     * An XLSX workbook, bounded in size anyway, is read whole.
     */
    public static List<String> columnNames(Path path) throws UnreadableInputException {
        InputFiles.checkRegularFile(path, "data file", Long.MAX_VALUE);
        String lower = CsvReader.fileName(path).toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet") || lower.endsWith(".parq") || isParquet(path)) {
            return new ParquetReader().columnNames(path);
        }
        if (readsAsCsv(path)) {
            return CsvReader.columnNames(path);
        }
        return read(path).names();
    }

    private static boolean isParquet(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the file with the reader its extension or content calls for. */
    public static RawTable read(Path path) throws UnreadableInputException {
        String file = CsvReader.fileName(path);
        InputFiles.checkRegularFile(path, "data file", Long.MAX_VALUE);
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return new CsvReader().read(path);
        }
        if (lower.endsWith(".parquet") || lower.endsWith(".parq")) {
            return new ParquetReader().read(path);
        }
        if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
            return new XlsxReader().read(path);
        }
        if (lower.endsWith(".xls")) {
            throw new UnreadableInputException(file + " is an old-style .xls workbook; save it as .xlsx or CSV");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(64 * 1024);
        } catch (IOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw new UnreadableInputException(file + " is empty");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            return new ParquetReader().read(path);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return new XlsxReader().read(path);
        }
        if (!CsvReader.looksBinary(head)) {
            return new CsvReader().read(path);
        }
        throw new UnreadableInputException(file + " is not in a supported format (CSV, Parquet or XLSX)");
    }
}
