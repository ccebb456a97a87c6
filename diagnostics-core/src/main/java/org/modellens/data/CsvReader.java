package org.modellens.data;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Reads a delimited text file into a {@link RawTable}.
 *
 * <ul>
 *   <li>The first record is the header; names must be non-empty and unique.</li>
 *   <li>The delimiter is detected among {@code , ; TAB |} from the first lines (quotes respected).</li>
 *   <li>UTF-8 with or without BOM, or UTF-16 with a BOM; a file that is not valid UTF-8 is decoded as
 *       ISO-8859-1, except cells that are valid multi-byte UTF-8 (a file mixing the two encodings):
 *       those are decoded as UTF-8 and the source carries a note naming the first cell of each kind.</li>
 *   <li>A NUL byte is refused naming its line and column (damage, not data); a quote never closed is
 *       refused naming the line where it opened.</li>
 *   <li>Quoted fields may hold delimiters and line breaks. An empty cell is missing ({@code null});
 *       any other text, {@code "NA"} included, is kept as is.</li>
 *   <li>Every data row must have as many fields as the header.</li>
 * </ul>
 * Problems are reported as {@link UnreadableInputException} naming the file and the file line.
 */
public final class CsvReader {

    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final int SNIFF_LINES = 30;
    /** Files up to this size are read into memory whole and parsed in slices on all cores. */
    private static final long IN_MEMORY_LIMIT = 256L * 1024 * 1024;
    /** Slices are at least this big, so small files are parsed by one thread. */
    private static final int MIN_SLICE_BYTES = 1024 * 1024;
    private static final int SLICES = 2 * Runtime.getRuntime().availableProcessors();

    /** Reads the file; see the class documentation. */
    public RawTable read(Path path) throws UnreadableInputException {
        String file = fileName(path);
        // Streamed beyond the in-memory limit, so any size is fine; a pipe or device is not.
        long size = InputFiles.checkRegularFile(path, "data file", Long.MAX_VALUE);
        return size <= IN_MEMORY_LIMIT ? readInMemory(path, file) : readStreaming(path, file);
    }

    /**
     * Small enough to hold the bytes: hash and validate them in memory, then parse slices of the file
     * on all cores when no quote can make a line break part of a field.
     */
    private RawTable readInMemory(Path path, String file) throws UnreadableInputException {
        byte[] raw = readBytes(path, file);
        SourceInfo source = SourceInfo.hashing(path, "csv", raw);
        // Excel's "Unicode text" export: decode it once and read it as UTF-8 (the hash stays the file's).
        byte[] bytes = hasUtf16Bom(raw) ? new String(raw, StandardCharsets.UTF_16).getBytes(StandardCharsets.UTF_8) : raw;
        int nul = firstNulOrInvalidUtf8(bytes);
        boolean utf8 = nul == bytes.length;
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, SNIFF_BYTES));
        Charset charset = utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        char delimiter = delimiter(file, bytes.length, head, charset);
        if (nul < bytes.length) {
            refuseNul(bytes, delimiter, file);
        }
        List<int[]> slices = slices(bytes);
        ReadWatch.Counter progress = ReadWatch.counter(path, raw.length);
        if (slices.size() == 1) {
            Slice whole = parseSlice(bytes, 0, bytes.length, 0, delimiter, charset, null, file, progress);
            progress.finish();
            refuseUnclosedQuote(whole, bytes, file);
            return utf8 ? whole.toTable(source, file) : mixedEncoding(whole, source, file);
        }
        // Slices start after the header line, so all of them are data and parse independently (the
        // calling thread takes part in the parallel stream).
        List<String> names = parseSlice(bytes, 0, slices.get(0)[1], 0, delimiter, charset, null, file, progress).names;
        List<Slice> parsed = inParallel(slices.subList(1, slices.size()),
                slice -> parseSlice(bytes, slice[0], slice[1], slice[2], delimiter, charset, names, file, progress));
        progress.finish();
        Slice all = Slice.concat(parsed);
        return utf8 ? all.toTable(source, file) : mixedEncoding(all, source, file);
    }

    private RawTable readStreaming(Path path, String file) throws UnreadableInputException {
        Scan scan = scan(path, file);
        Charset charset = scan.utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        char delimiter = delimiter(file, scan.size, scan.head, charset);
        SourceInfo source = new SourceInfo(path, "csv", scan.sha256);
        de.siegmar.fastcsv.reader.CsvReader<CsvRecord> reader;
        ReadWatch.Counter progress = ReadWatch.counter(path, scan.size);
        try {
            InputStream counted = progress.counting(new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16));
            // The stream form keeps the builder's BOM detection, as reading from the path does.
            reader = builder(delimiter).ofCsvRecord(counted, charset);
        } catch (IOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + e.getMessage(), e);
        }
        try (reader) {
            return parse(reader, 0, null, file).toTable(source, file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static boolean hasUtf16Bom(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF);
    }

    /**
     * A NUL byte in an otherwise textual file is damage (a crashed writer, a disk error), never data:
     * refused naming its line and column. Files full of NULs are refused earlier as binary.
     */
    static void refuseNul(byte[] bytes, char delimiter, String file) throws UnreadableInputException {
        int at = CsvColumnReader.indexOf(bytes, (byte) 0, 0, bytes.length);
        if (at < 0) {
            return;
        }
        int line = 1;
        int column = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if (bytes[i] == delimiter) {
                column++;
            }
        }
        throw new UnreadableInputException(file + ": line " + line + ", column " + column
                + " holds a NUL byte (0x00): the file is damaged or not plain text");
    }

    /**
     * A quote opened in the last field of the last record and never closed swallows the rest of the
     * file as one cell, which no parser reports: such a field holds a line break while the file does
     * not end with a quote.
     */
    private static void refuseUnclosedQuote(Slice slice, byte[] bytes, String file) throws UnreadableInputException {
        if (slice.rows == 0 || slice.lastRecordLine < 0) {
            return;
        }
        String last = slice.columns[slice.columns.length - 1][slice.rows - 1];
        if (last == null || (last.indexOf('\n') < 0 && last.indexOf('\r') < 0)) {
            return;
        }
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        if (end > 0 && bytes[end - 1] != '"') {
            throw new UnreadableInputException(file + ": line " + slice.lastRecordLine + ", column " + slice.columns.length
                    + ": a quote opened there is never closed, so the rest of the file (" + lineBreaks(last)
                    + " more lines) would be one cell");
        }
    }

    private static long lineBreaks(String text) {
        return text.chars().filter(c -> c == '\n').count();
    }

    /**
     * A file that is not valid UTF-8 was decoded as ISO-8859-1 (Latin-1), which keeps every byte. When
     * some cells are nevertheless valid multi-byte UTF-8 (two exports concatenated, one system writing
     * UTF-8 and another Latin-1), each cell is decoded in its own encoding, and the table carries a
     * note naming the first cell of each kind.
     */
    private static RawTable mixedEncoding(Slice slice, SourceInfo source, String file) throws UnreadableInputException {
        long utf8Cells = 0;
        long latin1Cells = 0;
        String firstUtf8 = null;
        String firstLatin1 = null;
        java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
        for (int r = 0; r < slice.rows; r++) {
            for (int c = 0; c < slice.columns.length; c++) {
                String cell = slice.columns[c][r];
                if (cell == null || cell.chars().allMatch(ch -> ch < 0x80)) {
                    continue;
                }
                try {
                    String decoded = strict.decode(java.nio.ByteBuffer.wrap(cell.getBytes(StandardCharsets.ISO_8859_1))).toString();
                    slice.columns[c][r] = decoded;
                    utf8Cells++;
                    if (firstUtf8 == null) {
                        firstUtf8 = "data row " + (r + 1) + ", column " + (c + 1) + " (" + slice.names.get(c) + ")";
                    }
                } catch (java.nio.charset.CharacterCodingException e) {
                    latin1Cells++;
                    if (firstLatin1 == null) {
                        firstLatin1 = "data row " + (r + 1) + ", column " + (c + 1) + " (" + slice.names.get(c) + ")";
                    }
                }
            }
        }
        RawTable table = slice.toTable(source, file);
        // Names too: a UTF-8 header over Latin-1 rows keeps its names as the header-only read gives them.
        table = new RawTable(table.source(), ownEncoding(table.names()), table.columns(), table.rows());
        if (utf8Cells == 0 || latin1Cells == 0) {
            return table;
        }
        String note = file + " mixes text encodings. " + utf8Cells + " cell" + (utf8Cells == 1 ? " is" : "s are")
                + " UTF-8 (first at " + firstUtf8 + ") and " + latin1Cells + " ISO-8859-1 (first at " + firstLatin1
                + "). Each cell was decoded in its own encoding; the export should be fixed to write one.";
        return new RawTable(table.source().withNotes(List.of(note)), table.names(), table.columns(), table.rows());
    }

    /** Rejects empty and binary files, then detects the delimiter from the first 64 KB. */
    static char delimiter(String file, long size, byte[] head, Charset charset) throws UnreadableInputException {
        if (size == 0) {
            throw new UnreadableInputException(file + " is empty");
        }
        if (looksBinary(head)) {
            throw new UnreadableInputException(file + " does not look like a text/CSV file (it holds binary data)");
        }
        String text = decode(head, charset);
        if (text.isBlank() && size <= head.length) {
            throw new UnreadableInputException(file + " is empty");
        }
        return detectDelimiter(text, size <= head.length);
    }

    /**
     * Byte ranges {from, to, line breaks before from}: the header line, then data ranges that each
     * start at a line start; or the whole file as one range. A file with a quote character stays whole: a quoted field may hold a line break, so a line start is not
     * necessarily a record start there.
     */
    static List<int[]> slices(byte[] bytes) {
        int count = bytes.length < MIN_SLICE_BYTES ? 1 : Math.min(SLICES, (int) (bytes.length / MIN_SLICE_BYTES));
        int headerEnd = CsvColumnReader.indexOf(bytes, (byte) '\n', 0, bytes.length) + 1;
        if (count <= 1 || headerEnd <= 0 || headerEnd >= bytes.length
                || CsvColumnReader.indexOf(bytes, (byte) '"', 0, bytes.length) >= 0) {
            return List.of(new int[] {0, bytes.length, 0});
        }
        // The first range is the header line alone.
        List<int[]> slices = new ArrayList<>();
        slices.add(new int[] {0, headerEnd, 0});
        int from = headerEnd;
        int lines = 1;
        for (int i = 1; i < count; i++) {
            int target = (int) ((long) bytes.length * i / count);
            int newline = CsvColumnReader.indexOf(bytes, (byte) '\n', Math.max(target, from), bytes.length);
            if (newline < 0 || newline + 1 >= bytes.length) {
                break;
            }
            slices.add(new int[] {from, newline + 1, lines});
            lines += CsvColumnReader.countOf(bytes, (byte) '\n', from, newline + 1);
            from = newline + 1;
        }
        slices.add(new int[] {from, bytes.length, lines});
        return slices;
    }

    private static Slice parseSlice(byte[] bytes, int from, int to, int linesBefore, char delimiter, Charset charset,
                                    List<String> names, String file, ReadWatch.Counter progress)
            throws UnreadableInputException {
        if (from == 0 && hasBom(bytes)) {
            progress.add(3);
            from = 3;
        }
        Reader text = new InputStreamReader(progress.counting(new ByteArrayInputStream(bytes, from, to - from)), charset);
        try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> reader = builder(delimiter).ofCsvRecord(text)) {
            return parse(reader, linesBefore, names, file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private record Scan(long size, byte[] head, String sha256, boolean utf8) {
    }

    /** One streaming pass: size, SHA-256, the first 64 KB, and whether all bytes are valid UTF-8. */
    private static Scan scan(Path path, String file) throws UnreadableInputException {
        InputFiles.checkRegularFile(path, "data file", Long.MAX_VALUE);
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[SNIFF_BYTES];
            byte[] head = null;
            long size = 0;
            int pending = 0; // continuation bytes still expected
            boolean utf8 = true;
            int read;
            while ((read = in.readNBytes(buf, 0, buf.length)) > 0) {
                if (head == null) {
                    head = Arrays.copyOf(buf, read);
                }
                digest.update(buf, 0, read);
                size += read;
                if (utf8) {
                    pending = utf8Pending(buf, read, pending);
                    utf8 = pending >= 0;
                }
                if (read < buf.length) {
                    break;
                }
            }
            if (pending != 0) {
                utf8 = false;
            }
            return new Scan(size, head == null ? new byte[0] : head, HexFormat.of().formatHex(digest.digest()), utf8);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": file not found (" + path.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One pass for the two checks every in-memory file needs: the length when the bytes are valid
     * UTF-8 without NUL, otherwise an offset from which a NUL or an invalid sequence was seen (the
     * caller looks for the NUL itself: the rare path).
     */
    static int firstNulOrInvalidUtf8(byte[] bytes) {
        int pending = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i];
            if (b == 0) {
                return i;
            }
            pending = utf8Step(b, pending);
            if (pending < 0) {
                return i;
            }
        }
        return pending == 0 ? bytes.length : bytes.length - 1;
    }

    /** Whether the bytes are valid UTF-8 up to a sequence cut at the end (the head of a longer file). */
    static boolean isValidUtf8Prefix(byte[] bytes) {
        return utf8Pending(bytes, bytes.length, 0) >= 0;
    }

    /**
     * Validates UTF-8 lead and continuation bytes of {@code bytes[0, length)} given the continuation
     * bytes still expected from before; returns those expected after, or -1 on an invalid sequence.
     */
    private static int utf8Pending(byte[] bytes, int length, int pending) {
        for (int i = 0; i < length && pending >= 0; i++) {
            pending = utf8Step(bytes[i], pending);
        }
        return pending;
    }

    /**
     * One byte of UTF-8 validation: given the continuation bytes still expected before {@code b}, those
     * expected after it, or -1 when {@code b} breaks the encoding.
     */
    private static int utf8Step(int b, int pending) {
        if (pending > 0) {
            return (b & 0xC0) == 0x80 ? pending - 1 : -1;
        }
        if (b >= 0) {
            return 0;
        }
        if ((b & 0xE0) == 0xC0 && (b & 0xFF) >= 0xC2) {
            return 1;
        } else if ((b & 0xF0) == 0xE0) {
            return 2;
        } else if ((b & 0xF8) == 0xF0 && (b & 0xFF) <= 0xF4) {
            return 3;
        }
        return -1;
    }

    static de.siegmar.fastcsv.reader.CsvReader.CsvReaderBuilder builder(char delimiter) {
        return de.siegmar.fastcsv.reader.CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .detectBomHeader(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE);
    }

    /**
     * Parses records into columns. With {@code names == null} the first record is the header;
     * otherwise every record is data of that width. {@code linesBefore} shifts reported line numbers.
     */
    private static Slice parse(de.siegmar.fastcsv.reader.CsvReader<CsvRecord> reader, int linesBefore,
                               List<String> names, String file) throws UnreadableInputException {
        int width = names == null ? 0 : names.size();
        String[][] columns = names == null ? null : new String[width][1024];
        int n = 0;
        long lastLine = -1;
        try {
            for (CsvRecord record : reader) {
                if (names == null) {
                    names = header(record, file);
                    width = names.size();
                    columns = new String[width][1024];
                    continue;
                }
                checkWidth(record, linesBefore, width, file);
                lastLine = record.getStartingLineNumber() + linesBefore;
                if (n == columns[0].length) {
                    int grown = n + (n >> 1);
                    for (int c = 0; c < width; c++) {
                        columns[c] = Arrays.copyOf(columns[c], grown);
                    }
                }
                for (int c = 0; c < width; c++) {
                    String cell = record.getField(c);
                    columns[c][n] = cell.isEmpty() ? null : cell;
                }
                n++;
            }
        } catch (CsvParseException e) {
            throw new UnreadableInputException(file + ": the CSV structure is broken (" + e.getMessage() + ")", e);
        }
        return new Slice(names, columns, n, lastLine);
    }

    /** Why a row may have the wrong width: a field running over line breaks is a quote never closed. */
    static String unclosedQuoteHint(CsvRecord record) {
        for (int c = 0; c < record.getFieldCount(); c++) {
            String field = record.getField(c);
            if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                return "; its field " + (c + 1) + " runs over " + Math.max(1, lineBreaks(field))
                        + " line break(s), probably because a quote opened there is never closed";
            }
        }
        return "";
    }

    /** Columns parsed from one slice of a file; {@code names == null} when the slice held nothing. */
    private record Slice(List<String> names, String[][] columns, int rows, long lastRecordLine) {

        static Slice concat(List<Slice> slices) {
            List<String> names = slices.get(0).names;
            int rows = slices.stream().mapToInt(Slice::rows).sum();
            String[][] columns = new String[names.size()][rows];
            int at = 0;
            for (Slice slice : slices) {
                for (int c = 0; c < names.size(); c++) {
                    System.arraycopy(slice.columns[c], 0, columns[c], at, slice.rows);
                }
                at += slice.rows;
            }
            return new Slice(names, columns, rows, -1);
        }

        RawTable toTable(SourceInfo source, String file) throws UnreadableInputException {
            if (names == null) {
                throw new UnreadableInputException(file + " is empty");
            }
            if (rows == 0) {
                throw new UnreadableInputException(file + " has a header but no data rows");
            }
            List<String[]> result = new ArrayList<>(names.size());
            for (String[] column : columns) {
                result.add(column.length == rows ? column : Arrays.copyOf(column, rows));
            }
            return new RawTable(source, names, result, rows);
        }
    }

    /**
     * The header's names, read from the file's first record alone: the names {@link #read} gives, for
     * the same encoding and delimiter rules decided on the first 64 KB.
     */
    static List<String> columnNames(Path path) throws UnreadableInputException {
        String file = fileName(path);
        long size = InputFiles.checkRegularFile(path, "data file", Long.MAX_VALUE);
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": file not found (" + path.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + Reasons.of(e), e);
        }
        boolean utf16 = hasUtf16Bom(head);
        // A UTF-16 head may end inside a character pair: cut it to whole units before decoding.
        byte[] sniff = utf16 ? new String(head, 0, head.length & ~1, StandardCharsets.UTF_16).getBytes(StandardCharsets.UTF_8) : head;
        boolean utf8 = utf16 || isValidUtf8Prefix(head);
        char delimiter = delimiter(file, size, sniff, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Charset charset = utf16 ? StandardCharsets.UTF_16 : utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        try (InputStream in = Files.newInputStream(path);
             de.siegmar.fastcsv.reader.CsvReader<CsvRecord> reader = builder(delimiter).ofCsvRecord(in, charset)) {
            java.util.Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw new UnreadableInputException(file + " is empty");
            }
            List<String> names = header(records.next(), file);
            return utf8 ? names : ownEncoding(names);
        } catch (CsvParseException e) {
            throw new UnreadableInputException(file + ": the CSV structure is broken (" + Reasons.of(e) + ")", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + Reasons.of(e), e);
        }
    }

    /** Names read as ISO-8859-1, each that is valid multi-byte UTF-8 decoded as such (as data cells are). */
    private static List<String> ownEncoding(List<String> latin1) {
        List<String> names = new ArrayList<>(latin1.size());
        java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
        for (String name : latin1) {
            try {
                names.add(name.chars().allMatch(ch -> ch < 0x80) ? name
                        : strict.decode(java.nio.ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1))).toString());
            } catch (java.nio.charset.CharacterCodingException e) {
                names.add(name);
            }
        }
        return names;
    }

    static List<String> header(CsvRecord record, String file) throws UnreadableInputException {
        return header(record.getFields(), record.getStartingLineNumber(), file);
    }

    /**
     * The column names of a header line's fields: stripped, each non-empty and named once, or a
     * message naming the line and column; every CSV reader's header goes through here.
     */
    static List<String> header(List<String> fields, long line, String file) throws UnreadableInputException {
        List<String> names = new ArrayList<>(fields.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < fields.size(); c++) {
            String name = fields.get(c).strip();
            if (name.isEmpty()) {
                throw new UnreadableInputException(file + ": line " + line + " (header), column " + (c + 1) + " has no name");
            }
            Integer previous = seen.putIfAbsent(name, c + 1);
            if (previous != null) {
                throw new UnreadableInputException(file + ": line " + line + " (header) names column \"" + name
                        + "\" twice (columns " + previous + " and " + (c + 1) + ")");
            }
            names.add(name);
        }
        return names;
    }

    /**
     * The message for a data row whose field count is not the header's, naming the file line; every
     * CSV reader's rows are checked against it.
     *
     * @param hint what may have caused it ({@link #unclosedQuoteHint}), or empty
     */
    static UnreadableInputException wrongWidth(String file, long line, int fields, int width, String hint) {
        return new UnreadableInputException(file + ": line " + line + " has " + fields + " field" + (fields == 1 ? "" : "s")
                + ", the header has " + width + hint);
    }

    /** {@link #wrongWidth} for a parsed record that is not {@code width} fields wide, with the quote hint. */
    static void checkWidth(CsvRecord record, long linesBefore, int width, String file) throws UnreadableInputException {
        int count = record.getFieldCount();
        if (count != width) {
            throw wrongWidth(file, record.getStartingLineNumber() + linesBefore, count, width, unclosedQuoteHint(record));
        }
    }

    /** A step of reading that may find the input unreadable. */
    interface ReadStep<T, R> {
        R apply(T item) throws UnreadableInputException;
    }

    /**
     * {@code step} applied to each item on all cores (the calling thread's pool), results in order; the
     * first unreadable item's exception is thrown as itself, however the pool wrapped it.
     */
    static <T, R> List<R> inParallel(List<T> items, ReadStep<T, R> step) throws UnreadableInputException {
        try {
            return items.parallelStream().map(item -> {
                try {
                    return step.apply(item);
                } catch (UnreadableInputException e) {
                    throw new CompletionException(e);
                }
            }).toList();
        } catch (CompletionException e) {
            // The pool may wrap the worker's exception once more: find the reason among the causes.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof UnreadableInputException unreadable) {
                    throw unreadable;
                }
            }
            throw e;
        }
    }

    static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    static byte[] readBytes(Path path, String file) throws UnreadableInputException {
        return InputFiles.readAll(path, "data file", InputFiles.MAX_WHOLE_READ_BYTES);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * More than 10% control characters (NUL included) in the first 64 KB. A few NULs in text are
     * damage, reported with their line and column by the reader instead.
     */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
                control++;
            }
        }
        return control > 0.10 * n;
    }

    static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    }

    static String decode(byte[] bytes, Charset charset) {
        int offset = hasBom(bytes) ? 3 : 0;
        return new String(bytes, offset, bytes.length - offset, charset);
    }

    /**
     * Counts each candidate outside quotes on the first lines; the candidate found on the header line
     * whose count repeats on most lines wins (ties: the higher count, then the order {@code , ; TAB |}).
     */
    static char detectDelimiter(String text, boolean complete) {
        List<int[]> lines = new ArrayList<>();
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        boolean content = false;
        int limit = text.length();
        for (int i = 0; i < limit && lines.size() < SNIFF_LINES; i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
                content = true;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                if (content) {
                    lines.add(counts);
                    counts = new int[CANDIDATES.length];
                    content = false;
                }
            } else {
                content = true;
                if (!quoted) {
                    for (int k = 0; k < CANDIDATES.length; k++) {
                        if (ch == CANDIDATES[k]) {
                            counts[k]++;
                        }
                    }
                }
            }
        }
        if (content && lines.size() < SNIFF_LINES && (complete || lines.isEmpty())) {
            lines.add(counts);
        }
        if (lines.isEmpty()) {
            return ',';
        }
        int[] headerCounts = lines.get(0);
        int best = -1;
        int bestAgree = -1;
        for (int k = 0; k < CANDIDATES.length; k++) {
            if (headerCounts[k] == 0) {
                continue;
            }
            int agree = 0;
            for (int[] line : lines) {
                if (line[k] == headerCounts[k]) {
                    agree++;
                }
            }
            if (agree > bestAgree || (agree == bestAgree && headerCounts[k] > headerCounts[best])) {
                best = k;
                bestAgree = agree;
            }
        }
        return best < 0 ? ',' : CANDIDATES[best];
    }
}
