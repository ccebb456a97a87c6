package org.modellens.data;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * Reads a delimited text file into a {@link RawTable}.
 *
 * <ul>
 *   <li>The first record is the header; names must be non-empty and unique.</li>
 *   <li>The delimiter is detected among {@code , ; TAB |} from the first lines (quotes respected).</li>
 *   <li>UTF-8 with or without BOM; bytes that are not valid UTF-8 are decoded as ISO-8859-1.</li>
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

    /** Reads the file; see the class documentation. */
    public RawTable read(Path path) throws UnreadableInputException {
        String file = fileName(path);
        Scan scan = scan(path, file);
        if (scan.size == 0) {
            throw new UnreadableInputException(file + " is empty");
        }
        if (looksBinary(scan.head)) {
            throw new UnreadableInputException(file + " does not look like a text/CSV file (it holds binary data)");
        }
        SourceInfo source = new SourceInfo(path, "csv", scan.sha256);
        Charset charset = scan.utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String head = decode(scan.head, charset);
        if (head.isBlank() && scan.size <= scan.head.length) {
            throw new UnreadableInputException(file + " is empty");
        }
        char delimiter = detectDelimiter(head, scan.size <= scan.head.length);
        de.siegmar.fastcsv.reader.CsvReader<CsvRecord> reader;
        try {
            reader = builder(delimiter).ofCsvRecord(path, charset);
        } catch (IOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + e.getMessage(), e);
        }
        try (reader) {
            return parse(reader, source, file);
        } catch (IOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private record Scan(long size, byte[] head, String sha256, boolean utf8) {
    }

    /** One streaming pass: size, SHA-256, the first 64 KB, and whether all bytes are valid UTF-8. */
    private static Scan scan(Path path, String file) throws UnreadableInputException {
        if (Files.isDirectory(path)) {
            throw new UnreadableInputException(file + " is a folder, not a file");
        }
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
                    for (int i = 0; i < read; i++) {
                        int b = buf[i];
                        if (pending > 0) {
                            if ((b & 0xC0) != 0x80) {
                                utf8 = false;
                                break;
                            }
                            pending--;
                        } else if (b < 0) {
                            if ((b & 0xE0) == 0xC0 && (b & 0xFF) >= 0xC2) {
                                pending = 1;
                            } else if ((b & 0xF0) == 0xE0) {
                                pending = 2;
                            } else if ((b & 0xF8) == 0xF0 && (b & 0xFF) <= 0xF4) {
                                pending = 3;
                            } else {
                                utf8 = false;
                                break;
                            }
                        }
                    }
                }
                if (read < buf.length) {
                    break;
                }
            }
            if (pending > 0) {
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

    private static de.siegmar.fastcsv.reader.CsvReader.CsvReaderBuilder builder(char delimiter) {
        return de.siegmar.fastcsv.reader.CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .detectBomHeader(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE);
    }

    private static RawTable parse(de.siegmar.fastcsv.reader.CsvReader<CsvRecord> reader, SourceInfo source, String file)
            throws UnreadableInputException {
        List<String> names = null;
        int width = 0;
        String[][] columns = null;
        int n = 0;
        try {
            for (CsvRecord record : reader) {
                int count = record.getFieldCount();
                if (names == null) {
                    names = header(record, file);
                    width = names.size();
                    columns = new String[width][1024];
                    continue;
                }
                if (count != width) {
                    throw new UnreadableInputException(file + ": line " + record.getStartingLineNumber()
                            + " has " + count + " field" + (count == 1 ? "" : "s") + ", the header has " + width);
                }
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
        if (names == null) {
            throw new UnreadableInputException(file + " is empty");
        }
        if (n == 0) {
            throw new UnreadableInputException(file + " has a header but no data rows");
        }
        List<String[]> result = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            result.add(columns[c].length == n ? columns[c] : Arrays.copyOf(columns[c], n));
        }
        return new RawTable(source, names, result, n);
    }

    private static List<String> header(CsvRecord record, String file) throws UnreadableInputException {
        List<String> names = new ArrayList<>(record.getFields());
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c).strip();
            if (name.isEmpty()) {
                throw new UnreadableInputException(file + ": line " + record.getStartingLineNumber()
                        + " (header), column " + (c + 1) + " has no name");
            }
            Integer previous = seen.putIfAbsent(name, c + 1);
            if (previous != null) {
                throw new UnreadableInputException(file + ": line " + record.getStartingLineNumber()
                        + " (header) names column \"" + name + "\" twice (columns " + previous + " and " + (c + 1) + ")");
            }
            names.set(c, name);
        }
        return names;
    }

    static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    static byte[] readBytes(Path path, String file) throws UnreadableInputException {
        try {
            if (Files.isDirectory(path)) {
                throw new UnreadableInputException(file + " is a folder, not a file");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": file not found (" + path.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** NUL bytes, or more than 10% control characters, in the first 64 KB. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
                control++;
            }
        }
        return control > 0.10 * n;
    }

    static String decode(byte[] bytes, Charset charset) {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
        }
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
