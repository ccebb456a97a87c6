package org.modellens.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.parquet.schema.MessageType;

/**
 * Hands the rows of a snapshot file to a {@link Sink} one at a time, in file order, without holding
 * the file: CSV (same rules as {@link CsvReader}: header, delimiter detection, UTF-8 or ISO-8859-1,
 * empty cell = missing, every row as wide as the header) and Parquet (cells as text as
 * {@link ParquetReader} writes them) are streamed; XLSX is read whole first (workbooks are small).
 */
public final class RowStream {

    /** Receives the header once, then every data row (the array is the sink's to keep). */
    public interface Sink {
        void header(List<String> names) throws UnreadableInputException;

        void row(String[] cells) throws UnreadableInputException;
    }

    private RowStream() {
    }

    /** Streams the file into the sink; returns the source, with the SHA-256 of the whole file. */
    public static SourceInfo read(Path path, Sink sink) throws UnreadableInputException {
        String file = CsvReader.fileName(path);
        if (Files.isDirectory(path)) {
            throw new UnreadableInputException(file + " is a folder, not a file");
        }
        Head start = head(path, file);
        byte[] head = start.bytes();
        long size = start.size();
        if (head.length == 0) {
            throw new UnreadableInputException(file + " is empty");
        }
        String lower = file.toLowerCase(Locale.ROOT);
        boolean parquet = lower.endsWith(".parquet") || lower.endsWith(".parq")
                || head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
        boolean csv = lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt");
        if (parquet && !csv) {
            return parquet(path, file, sink);
        }
        if (!csv && (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls")
                || head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)) {
            RawTable table = SnapshotReaders.read(path);
            sink.header(table.names());
            for (int r = 0; r < table.rows(); r++) {
                String[] cells = new String[table.names().size()];
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = table.columns().get(c)[r];
                }
                sink.row(cells);
            }
            return table.source();
        }
        if (!csv && CsvReader.looksBinary(head)) {
            throw new UnreadableInputException(file + " is not in a supported format (CSV, Parquet or XLSX)");
        }
        return csv(path, file, size, head, UnaryOperator.identity(), sink);
    }

    /** A file's size and its first 64 KB, which decide its format, encoding and delimiter. */
    record Head(long size, byte[] bytes) {
    }

    /** The size and first 64 KB of the file, or one line saying why it cannot be read. */
    static Head head(Path path, String file) throws UnreadableInputException {
        try (InputStream in = Files.newInputStream(path)) {
            return new Head(Files.size(path), in.readNBytes(64 * 1024));
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": file not found (" + path.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + Reasons.of(e), e);
        }
    }

    /**
     * Streams a CSV file's header and rows into the sink by {@link CsvReader}'s rules, its bytes passing
     * through {@code counting} (a progress count) on their way to the parser; the source carries the
     * SHA-256 of the whole file. The one streamed CSV road: the streamed reader comes here too.
     */
    static SourceInfo csv(Path path, String file, long size, byte[] head, UnaryOperator<InputStream> counting, Sink sink)
            throws UnreadableInputException {
        Charset charset = CsvReader.isValidUtf8Prefix(head) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        char delimiter = CsvReader.delimiter(file, size, head, charset);
        CsvReader.refuseNul(head, delimiter, file);
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(counting.apply(new BufferedInputStream(Files.newInputStream(path), 1 << 16)),
                digest)) {
            if (CsvReader.hasBom(head)) {
                in.readNBytes(3);
            }
            int width = -1;
            long rows = 0;
            try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> reader =
                         CsvReader.builder(delimiter).ofCsvRecord(new InputStreamReader(in, charset))) {
                for (CsvRecord record : reader) {
                    if (width < 0) {
                        List<String> names = CsvReader.header(record, file);
                        width = names.size();
                        sink.header(names);
                        continue;
                    }
                    CsvReader.checkWidth(record, 0, width, file);
                    String[] cells = new String[width];
                    for (int c = 0; c < width; c++) {
                        String cell = record.getField(c);
                        cells[c] = cell.isEmpty() ? null : cell;
                    }
                    sink.row(cells);
                    rows++;
                }
            }
            if (width < 0) {
                throw new UnreadableInputException(file + " is empty");
            }
            if (rows == 0) {
                throw new UnreadableInputException(file + " has a header but no data rows");
            }
        } catch (CsvParseException e) {
            throw new UnreadableInputException(file + ": the CSV structure is broken (" + Reasons.of(e) + ")", e);
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + Reasons.of(e), e);
        }
        return new SourceInfo(path, "csv", HexFormat.of().formatHex(digest.digest()));
    }

    private static SourceInfo parquet(Path path, String file, Sink sink) throws UnreadableInputException {
        File f = path.toFile();
        MessageType schema;
        try {
            schema = blue.strategic.parquet.ParquetReader.readMetadata(f).getFileMetaData().getSchema();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException(file + " is not a readable Parquet file; it is damaged or no Parquet ("
                    + Reasons.of(e) + ")", e);
        }
        ParquetReader.stream(f, file, schema, sink);
        return new SourceInfo(path, "parquet", InputFiles.sha256(path));
    }
}
