package org.modellens.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads a CSV file from its bytes straight into columns: numbers parsed from the bytes into
 * {@code double[]}, labels dictionary-encoded with one String per distinct label, no String per cell.
 *
 * <p>It takes the common file: UTF-8 (BOM or not), no NUL byte, no quote character, at most
 * {@link #LIMIT} bytes. Anything else returns {@code null} and is read by {@link CsvReader}, which
 * handles quoting, mixed encodings and damage, and gives the same snapshot. The rules are those of
 * {@link CsvReader}: the first non-empty line is the header, empty lines are skipped, every data row
 * has as many fields as the header, an empty cell is missing and any other text is data.
 *
 * <p>The file is cut into slices at line breaks and each slice is parsed on its own core. Each column
 * of a slice starts as numbers unless its type is known to be another: cells that are no plain
 * number keep their text (as codes into a byte-keyed dictionary), and a training column whose first
 * cells are all text turns into a dictionary-encoded one. Type inference then decides on counts,
 * exactly as {@link TypeInference#infer(String[])} does on the cell text; the rare column that mixes
 * numbers and text into another type is read again from the bytes.
 */
final class CsvColumnReader {

    /** Files above this size go to {@link CsvReader}, which streams them. */
    static final long LIMIT = 256L * 1024 * 1024;
    private static final int MIN_SLICE_BYTES = 1024 * 1024;
    /** A training column whose first this many present cells are all text is dictionary-encoded from there on. */
    private static final int TEXT_AFTER = 32;

    private final String file;
    private final byte[] bytes;
    private final byte delimiter;
    private final ReadWatch.Counter progress;

    private CsvColumnReader(String file, byte[] bytes, byte delimiter, ReadWatch.Counter progress) {
        this.file = file;
        this.bytes = bytes;
        this.delimiter = delimiter;
        this.progress = progress;
    }

    /**
     * What is known of the columns before reading.
     *
     * @param types             the type of each named column (production and reference take training's);
     *                          columns not named have theirs inferred
     * @param forcedCategorical training columns to read as categorical
     * @param forcedNumeric     training columns to read as numeric
     */
    record Plan(Map<String, ColumnType> types, Set<String> forcedCategorical, Set<String> forcedNumeric) {

        ColumnType fixed(String name) {
            if (types != null && types.containsKey(name)) {
                return types.get(name);
            }
            if (forcedCategorical != null && forcedCategorical.contains(name)) {
                return ColumnType.CATEGORICAL;
            }
            if (forcedNumeric != null && forcedNumeric.contains(name)) {
                return ColumnType.NUMERIC;
            }
            return null;
        }
    }

    /** The file's columns, or {@code null} when {@link CsvReader} must read it (see the class documentation). */
    static Table read(Path path, Plan plan) throws UnreadableInputException {
        String file = CsvReader.fileName(path);
        try {
            if (Files.isDirectory(path) || !Files.isRegularFile(path) || Files.size(path) > LIMIT) {
                return null;
            }
        } catch (java.io.IOException e) {
            return null;
        }
        byte[] bytes = CsvReader.readBytes(path, file);
        if (CsvReader.hasUtf16Bom(bytes)) {
            return null;
        }
        // The slices the parsers share are fixed first, so the one pass that checks the encoding also counts
        // each slice's line breaks (a second pass for them cost the small benchmark case 13 ms on both cores).
        List<int[]> ranges = slices(bytes, dataStart(bytes));
        int[] lineBreaks = plainUtf8Lines(bytes, ranges);
        if (lineBreaks == null) {
            return null;
        }
        SourceInfo source = SourceInfo.hashing(path, "csv", bytes);
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, 64 * 1024));
        char delimiter = CsvReader.delimiter(file, bytes.length, head, StandardCharsets.UTF_8);
        Table table = new CsvColumnReader(file, bytes, (byte) delimiter, ReadWatch.counter(path, bytes.length))
                .parse(plan, ranges, lineBreaks);
        return table.withSource(source);
    }

    /** Columns read from a file, in file order. */
    record Table(SourceInfo source, List<Column> columns, int rows) {
        Table withSource(SourceInfo info) {
            return new Table(info, columns, rows);
        }
    }

    /**
     * Parses the file's data {@code ranges} ({@link #slices}, from {@link #dataStart}), whose line breaks
     * {@code lineBreaks} counts.
     */
    private Table parse(Plan plan, List<int[]> ranges, int[] lineBreaks) throws UnreadableInputException {
        int from = headerStart(bytes);
        if (from >= bytes.length) {
            throw new UnreadableInputException(file + " is empty");
        }
        int headerEnd = lineEnd(bytes, from);
        List<String> names = header(from, headerEnd);
        int dataStart = nextLine(bytes, headerEnd);
        int width = names.size();
        ColumnType[] fixed = new ColumnType[width];
        for (int c = 0; c < width; c++) {
            fixed[c] = plan.fixed(names.get(c));
        }
        progress.add(dataStart);
        Shares shares = shares(ranges, lineBreaks, width, fixed);
        List<Slice> slices = CsvReader.inParallel(ranges, range -> parseSlice(range[0], range[1], range[2], width, fixed, shares));
        progress.finish();
        int rows = slices.stream().mapToInt(s -> s.rows).sum();
        if (rows == 0) {
            throw new UnreadableInputException(file + " has a header but no data rows");
        }
        // Columns are independent: finish them on all cores, keep file order. Those that turn out to need
        // the dictionary path and mixed numbers with text are read again, all in one pass per slice.
        Column[] columns = new Column[width];
        IntStream.range(0, width).parallel().forEach(c -> {
            if (slices.stream().noneMatch(s -> s.chunks[c].dictionaryMode)) {
                columns[c] = finishNumbers(names.get(c), c, fixed[c], slices, rows);
            }
        });
        boolean[] reread = new boolean[width];
        for (int c = 0; c < width; c++) {
            if (columns[c] == null) {
                for (Slice slice : slices) {
                    Chunk chunk = slice.chunks[c];
                    if (!chunk.dictionaryMode && chunk.numeric == 0) {
                        chunk.toDictionary(slice.rows); // every present cell is text, already in the dictionary
                    } else if (!chunk.dictionaryMode) {
                        reread[c] = true;
                    }
                }
            }
        }
        slices.parallelStream().forEach(slice -> rescan(slice, reread));
        IntStream.range(0, width).parallel().forEach(c -> {
            if (columns[c] == null) {
                columns[c] = finishDictionary(names.get(c), c, fixed[c], slices, rows);
            }
        });
        return new Table(null, List.of(columns), rows);
    }

    private List<String> header(int from, int to) throws UnreadableInputException {
        List<String> raw = new ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || bytes[i] == delimiter) {
                raw.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return CsvReader.header(raw, lineNumber(from), file);
    }

    /** Where the header starts: the first non-empty line, after a byte-order mark. */
    private static int headerStart(byte[] bytes) {
        int from = CsvReader.hasBom(bytes) ? 3 : 0;
        while (from < bytes.length && (bytes[from] == '\n' || bytes[from] == '\r')) {
            from++;
        }
        return from;
    }

    /** Where the data starts: the line after the header (the end of the file when it has no header). */
    static int dataStart(byte[] bytes) {
        int from = headerStart(bytes);
        return from >= bytes.length ? bytes.length : nextLine(bytes, lineEnd(bytes, from));
    }

    /** Data ranges {from, to, index}, each starting at a line start. */
    static List<int[]> slices(byte[] bytes, int dataStart) {
        int length = bytes.length - dataStart;
        int count = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), length / MIN_SLICE_BYTES));
        List<int[]> ranges = new ArrayList<>();
        int from = dataStart;
        for (int i = 1; i < count; i++) {
            int target = dataStart + (int) ((long) length * i / count);
            int newline = indexOf(bytes, (byte) '\n', Math.max(target, from), bytes.length);
            if (newline < 0 || newline + 1 >= bytes.length) {
                break;
            }
            ranges.add(new int[] {from, newline + 1, ranges.size()});
            from = newline + 1;
        }
        ranges.add(new int[] {from, bytes.length, ranges.size()});
        return ranges;
    }

    /**
     * Where each slice writes its numbers: every column that may be numeric gets its final array before the
     * slices are parsed, and slice {@code i} writes its rows from {@code offsets[i]} on. A slice's rows are
     * its line breaks (the last one more when the file does not end with one), so when no line is blank the
     * array is the column's, never copied. Arrays of each slice's own, copied into the column afterwards, cost
     * the wide benchmark case 0.25 s CPU (4.12-4.26 s against 3.87-3.93 s).
     */
    private record Shares(double[][] arrays, int[] offsets, int[] capacities) {
    }

    private Shares shares(List<int[]> ranges, int[] lineBreaks, int width, ColumnType[] fixed) {
        int count = ranges.size();
        int[] capacities = lineBreaks.clone();
        int last = bytes.length - 1;
        if (last >= 0 && bytes[last] != '\n' && bytes[last] != '\r') {
            capacities[count - 1]++; // the last line has no break
        }
        int[] offsets = new int[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            offsets[i] = (int) total;
            total += capacities[i];
        }
        double[][] arrays = new double[width][];
        for (int c = 0; c < width; c++) {
            if (fixed[c] == null || fixed[c] == ColumnType.NUMERIC) {
                arrays[c] = new double[(int) total];
            }
        }
        return new Shares(arrays, offsets, capacities);
    }

    /** The rows of one slice: where each starts, and per column the cells read so far. */
    private final class Slice {
        int rows;
        int[] rowStarts;
        Chunk[] chunks;
    }

    private Slice parseSlice(int from, int to, int index, int width, ColumnType[] fixed, Shares shares)
            throws UnreadableInputException {
        int capacity = shares.capacities()[index];
        Slice slice = new Slice();
        slice.rowStarts = new int[Math.max(16, capacity)];
        slice.chunks = new Chunk[width];
        for (int c = 0; c < width; c++) {
            slice.chunks[c] = new Chunk(fixed[c], capacity, shares.arrays()[c], shares.offsets()[index]);
        }
        Chunk[] chunks = slice.chunks;
        byte[] b = bytes;
        byte delim = delimiter;
        int p = from;
        int row = 0;
        int reported = from;
        while (p < to) {
            if (p - reported >= ReadWatch.STEP) {
                progress.add(p - reported);
                reported = p;
            }
            byte first = b[p];
            if (first == '\n' || first == '\r') {
                p++; // empty line: skipped
                continue;
            }
            int lineStart = p;
            int field = 0;
            int start = p;
            while (true) {
                byte x = p < to ? b[p] : (byte) '\n';
                if (x == delim || x == '\n' || x == '\r') {
                    if (field < width) {
                        chunks[field].add(b, start, p, row);
                    }
                    field++;
                    if (x != delim) {
                        break;
                    }
                    start = p + 1;
                }
                p++;
            }
            if (field != width) {
                throw CsvReader.wrongWidth(file, lineNumber(lineStart), field, width, ""); // no quotes here: no hint
            }
            if (row == slice.rowStarts.length) {
                slice.rowStarts = Arrays.copyOf(slice.rowStarts, row * 2);
            }
            slice.rowStarts[row++] = lineStart;
            p = p < to ? nextLine(b, p) : to;
        }
        slice.rows = row;
        progress.add(to - reported);
        return slice;
    }

    /** The end of the line starting at {@code from}: the index of its line break or the end of the file. */
    private static int lineEnd(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] != '\n' && bytes[i] != '\r') {
            i++;
        }
        return i;
    }

    /** The start of the line after a line break at {@code at} (CR LF is one break). */
    private static int nextLine(byte[] bytes, int at) {
        if (at >= bytes.length) {
            return bytes.length;
        }
        if (bytes[at] == '\r' && at + 1 < bytes.length && bytes[at + 1] == '\n') {
            return at + 2;
        }
        return at + 1;
    }

    /** The 1-based line of a byte offset, counting CR LF, LF and lone CR as line breaks; for messages only. */
    private int lineNumber(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }

    /** The cells of one column in one slice. */
    private static final class Chunk {
        final ColumnType fixed;
        boolean dictionaryMode;
        // numbers mode: this slice's cells are values[offset + row], for row < capacity (then an array of its own)
        double[] values;
        int offset;
        int capacity;
        int numeric;
        int failures;
        boolean zeroOne = true;
        boolean zeroOneText = true;
        long numericBytes;
        int[] keptRows;
        int[] keptCodes;
        int kept;
        // dictionary mode
        int[] codes;
        ByteDictionary dictionary;

        /** Cells of {@code capacity} rows expected; numbers written into {@code shared} from {@code offset} when given. */
        Chunk(ColumnType fixed, int capacity, double[] shared, int offset) {
            this.fixed = fixed;
            this.capacity = Math.max(1, capacity);
            dictionaryMode = fixed != null && fixed != ColumnType.NUMERIC;
            if (dictionaryMode) {
                codes = new int[this.capacity];
            } else {
                values = shared != null && capacity > 0 ? shared : new double[this.capacity];
                this.offset = values == shared ? offset : 0;
                keptRows = new int[16];
                keptCodes = new int[16];
            }
        }

        /** More rows than line breaks (lone CR line ends): an array of its own, twice as long. */
        private void grow() {
            double[] own = new double[capacity * 2];
            System.arraycopy(values, offset, own, 0, capacity);
            values = own;
            offset = 0;
            capacity *= 2;
        }

        void add(byte[] b, int start, int end, int row) {
            if (dictionaryMode) {
                if (row == codes.length) {
                    codes = Arrays.copyOf(codes, row * 2);
                }
                codes[row] = start == end ? Column.MISSING : dictionary(b).code(start, end);
                return;
            }
            if (row == capacity) {
                grow();
            }
            if (start == end) {
                values[offset + row] = Double.NaN;
                return;
            }
            // Most cells are plain numbers: one scan; the others are parsed by the full rules and kept.
            double v = NumberBytes.parsePlain(b, start, end);
            boolean plain = !Double.isNaN(v);
            if (!plain) {
                v = NumberBytes.parse(b, start, end);
            }
            values[offset + row] = v;
            if (Double.isNaN(v)) {
                failures++;
                keep(b, start, end, row);
                if (numeric == 0 && failures >= TEXT_AFTER && fixed == null) {
                    toDictionary(row + 1);
                }
                return;
            }
            numeric++;
            numericBytes += end - start;
            if (v != 0.0 && v != 1.0) {
                zeroOne = false;
                zeroOneText = false;
            } else if (end - start != 1) {
                zeroOneText = false;
            }
            if (!plain) {
                keep(b, start, end, row);
            }
        }

        private ByteDictionary dictionary(byte[] b) {
            if (dictionary == null) {
                dictionary = new ByteDictionary(b);
            }
            return dictionary;
        }

        private void keep(byte[] b, int start, int end, int row) {
            if (kept == keptRows.length) {
                keptRows = Arrays.copyOf(keptRows, kept * 2);
                keptCodes = Arrays.copyOf(keptCodes, kept * 2);
            }
            keptRows[kept] = row;
            keptCodes[kept++] = dictionary(b).code(start, end);
        }

        /** No number so far, only text: every present cell is in the dictionary already. */
        void toDictionary(int rows) {
            codes = new int[Math.max(capacity, rows)];
            Arrays.fill(codes, 0, rows, Column.MISSING);
            for (int k = 0; k < kept; k++) {
                codes[keptRows[k]] = keptCodes[k];
            }
            values = null;
            keptRows = null;
            keptCodes = null;
            dictionaryMode = true;
        }
    }

    /** Reads the marked columns of a slice again, dictionary-encoding every cell; one pass over its rows. */
    private void rescan(Slice slice, boolean[] columns) {
        int width = columns.length;
        boolean[] mine = new boolean[width];
        int last = -1;
        for (int c = 0; c < width; c++) {
            if (columns[c] && !slice.chunks[c].dictionaryMode) {
                mine[c] = true;
                last = c;
                Chunk chunk = slice.chunks[c];
                chunk.dictionary = new ByteDictionary(bytes);
                chunk.codes = new int[Math.max(1, slice.rows)];
            }
        }
        for (int r = 0; r < slice.rows && last >= 0; r++) {
            int p = slice.rowStarts[r];
            for (int c = 0; c <= last; c++) {
                int end = p;
                while (end < bytes.length && bytes[end] != delimiter && bytes[end] != '\n' && bytes[end] != '\r') {
                    end++;
                }
                if (mine[c]) {
                    Chunk chunk = slice.chunks[c];
                    chunk.codes[r] = end == p ? Column.MISSING : chunk.dictionary.code(p, end);
                }
                p = end + 1;
            }
        }
        for (int c = 0; c <= last; c++) {
            if (mine[c]) {
                Chunk chunk = slice.chunks[c];
                chunk.values = null;
                chunk.keptRows = null;
                chunk.keptCodes = null;
                chunk.dictionaryMode = true;
            }
        }
    }

    /** A column read as numbers in every slice; {@code null} when its type calls for the dictionary path. */
    private Column finishNumbers(String name, int c, ColumnType fixed, List<Slice> slices, int rows) {
        long numeric = 0;
        long failures = 0;
        long numericBytes = 0;
        boolean zeroOne = true;
        boolean zeroOneText = true;
        int kept = 0;
        for (Slice slice : slices) {
            Chunk chunk = slice.chunks[c];
            numeric += chunk.numeric;
            failures += chunk.failures;
            numericBytes += chunk.numericBytes;
            zeroOne &= chunk.zeroOne;
            zeroOneText &= chunk.zeroOneText;
            kept += chunk.kept;
        }
        // The kept text of every slice, one String per distinct text per slice.
        int[] keptRows = new int[kept];
        String[] keptText = new String[kept];
        int k = 0;
        int offset = 0;
        for (Slice slice : slices) {
            Chunk chunk = slice.chunks[c];
            String[] labels = chunk.dictionary == null ? new String[0] : chunk.dictionary.labels();
            for (int i = 0; i < chunk.kept; i++) {
                keptRows[k] = offset + chunk.keptRows[i];
                keptText[k++] = labels[chunk.keptCodes[i]];
            }
            offset += slice.rows;
        }
        double[] values = concatValues(c, slices, rows);
        ColumnType type = fixed;
        if (type == null) {
            long booleanWords = 0;
            long nonFinite = 0;
            long textLength = 0;
            for (int i = 0; i < kept; i++) {
                if (Double.isNaN(values[keptRows[i]])) {
                    String cell = keptText[i];
                    textLength += cell.length();
                    if (TypeInference.isBooleanWord(cell)) {
                        booleanWords++;
                    } else if (TypeInference.isNonFiniteWord(cell)) {
                        nonFinite++;
                    }
                }
            }
            TypeInference.Counts counts = new TypeInference.Counts(numeric + failures, numeric, booleanWords, nonFinite,
                    zeroOne, numericBytes + textLength);
            if (numeric > 0 && failures > 0 && (double) counts.totalLength() / counts.present() > 30) {
                return null; // TEXT needs the distinct cells, numbers included: the dictionary path counts them
            }
            boolean noNumbers = numeric == 0;
            type = TypeInference.infer(counts, () -> noNumbers && allDates(keptText),
                    () -> Arrays.stream(keptText).distinct().count());
        }
        if (type == ColumnType.NUMERIC) {
            // The distinct unparsable texts, recovered together by the text road's column rule.
            int unparsable = 0;
            int[] textOf = new int[kept];
            Map<String, Integer> distinct = new HashMap<>();
            String[] texts = new String[Math.max(1, kept)];
            for (int i = 0; i < kept; i++) {
                if (Double.isNaN(values[keptRows[i]])) {
                    unparsable++;
                    Integer at = distinct.putIfAbsent(keptText[i], distinct.size());
                    textOf[i] = at == null ? distinct.size() - 1 : at;
                    texts[textOf[i]] = keptText[i];
                }
            }
            if (unparsable > 0) {
                double[] recovered = FormattedNumber.recoverAll(texts, distinct.size());
                for (int i = 0; i < kept; i++) {
                    if (Double.isNaN(values[keptRows[i]])) {
                        values[keptRows[i]] = recovered[textOf[i]];
                    }
                }
            }
            return Column.numeric(name, false, values, keptRows, keptText, unparsable);
        }
        if (type == ColumnType.BOOLEAN && failures == 0 && zeroOneText) {
            // Every present cell is the text "0" or "1".
            int[] codes = new int[rows];
            String[] labels = new String[2];
            int used = 0;
            int[] codeOf = {-1, -1};
            for (int r = 0; r < rows; r++) {
                double v = values[r];
                if (Double.isNaN(v)) {
                    codes[r] = Column.MISSING;
                    continue;
                }
                int digit = v == 0.0 ? 0 : 1;
                if (codeOf[digit] < 0) {
                    codeOf[digit] = used;
                    labels[used++] = digit == 0 ? "0" : "1";
                }
                codes[r] = codeOf[digit];
            }
            return Column.coded(name, ColumnType.BOOLEAN, false, codes, Arrays.copyOf(labels, used), null, 0);
        }
        return null;
    }

    private static boolean allDates(String[] cells) {
        if (cells.length == 0) {
            return false;
        }
        for (String cell : cells) {
            if (Double.isNaN(TypeInference.parseDateTime(cell))) {
                return false;
            }
        }
        return true;
    }

    /** The column's numbers: the array its slices wrote into when they filled it without gaps, else a copy. */
    private static double[] concatValues(int c, List<Slice> slices, int rows) {
        double[] first = slices.get(0).chunks[c].values;
        boolean inPlace = first.length == rows;
        int at = 0;
        for (Slice slice : slices) {
            Chunk chunk = slice.chunks[c];
            inPlace &= chunk.values == first && chunk.offset == at;
            at += slice.rows;
        }
        if (inPlace) {
            return first;
        }
        double[] values = new double[rows];
        at = 0;
        for (Slice slice : slices) {
            Chunk chunk = slice.chunks[c];
            System.arraycopy(chunk.values, chunk.offset, values, at, slice.rows);
            at += slice.rows;
        }
        return values;
    }

    /** A column whose every cell is dictionary-encoded: one dictionary over the slices, then the type. */
    private Column finishDictionary(String name, int c, ColumnType fixed, List<Slice> slices, int rows) {
        Map<String, Integer> global = new HashMap<>();
        List<String> labels = new ArrayList<>();
        int[] codes = new int[rows];
        int at = 0;
        for (Slice slice : slices) {
            Chunk chunk = slice.chunks[c];
            String[] local = chunk.dictionary == null ? new String[0] : chunk.dictionary.labels();
            int[] remap = new int[local.length];
            for (int k = 0; k < local.length; k++) {
                String label = local[k];
                Integer code = global.get(label);
                if (code == null) {
                    code = labels.size();
                    global.put(label, code);
                    labels.add(label);
                }
                remap[k] = code;
            }
            for (int r = 0; r < slice.rows; r++) {
                int code = chunk.codes[r];
                codes[at + r] = code == Column.MISSING ? Column.MISSING : remap[code];
            }
            at += slice.rows;
        }
        String[] dictionary = labels.toArray(new String[0]);
        long[] counts = new long[dictionary.length];
        for (int code : codes) {
            if (code != Column.MISSING) {
                counts[code]++;
            }
        }
        double[] parsed = new double[dictionary.length];
        ColumnType type = fixed;
        if (type == null) {
            long present = 0;
            long numeric = 0;
            long booleanWords = 0;
            long nonFinite = 0;
            long totalLength = 0;
            boolean zeroOne = true;
            for (int k = 0; k < dictionary.length; k++) {
                String label = dictionary[k];
                long n = counts[k];
                present += n;
                totalLength += n * label.length();
                parsed[k] = TypeInference.parseNumber(label);
                if (!Double.isNaN(parsed[k])) {
                    numeric += n;
                    zeroOne &= parsed[k] == 0.0 || parsed[k] == 1.0;
                } else if (TypeInference.isBooleanWord(label)) {
                    booleanWords += n;
                } else if (TypeInference.isNonFiniteWord(label)) {
                    nonFinite += n;
                }
            }
            type = TypeInference.infer(new TypeInference.Counts(present, numeric, booleanWords, nonFinite, zeroOne, totalLength),
                    () -> allDates(dictionary), () -> dictionary.length);
        } else {
            for (int k = 0; k < dictionary.length; k++) {
                parsed[k] = type == ColumnType.NUMERIC || type == ColumnType.BOOLEAN ? TypeInference.parseNumber(dictionary[k]) : 0;
            }
        }
        switch (type) {
            case NUMERIC -> {
                double[] byCode = new double[dictionary.length];
                boolean[] keep = new boolean[dictionary.length];
                int unparsable = 0;
                int[] textCodes = new int[dictionary.length];
                String[] texts = new String[dictionary.length];
                int n = 0;
                for (int k = 0; k < dictionary.length; k++) {
                    keep[k] = Double.isNaN(parsed[k]) || !Column.isPlainNumber(dictionary[k]);
                    byCode[k] = parsed[k];
                    if (Double.isNaN(parsed[k]) && counts[k] > 0) {
                        unparsable += (int) counts[k];
                        textCodes[n] = k;
                        texts[n++] = dictionary[k];
                    }
                }
                // The unparsable labels, recovered together by the text road's column rule.
                double[] recovered = FormattedNumber.recoverAll(texts, n);
                for (int i = 0; i < n; i++) {
                    byCode[textCodes[i]] = recovered[i];
                }
                double[] values = new double[rows];
                int kept = 0;
                for (int r = 0; r < rows; r++) {
                    int code = codes[r];
                    values[r] = code == Column.MISSING ? Double.NaN : byCode[code];
                    if (code != Column.MISSING && keep[code]) {
                        kept++;
                    }
                }
                int[] keptRows = new int[kept];
                String[] keptText = new String[kept];
                int k = 0;
                for (int r = 0; r < rows; r++) {
                    int code = codes[r];
                    if (code != Column.MISSING && keep[code]) {
                        keptRows[k] = r;
                        keptText[k++] = dictionary[code];
                    }
                }
                return Column.numeric(name, false, values, keptRows, keptText, unparsable);
            }
            case DATETIME -> {
                double[] byCode = new double[dictionary.length];
                int unparsable = 0;
                for (int k = 0; k < dictionary.length; k++) {
                    byCode[k] = TypeInference.parseDateTime(dictionary[k]);
                    if (Double.isNaN(byCode[k])) {
                        unparsable += (int) counts[k];
                    }
                }
                double[] values = new double[rows];
                for (int r = 0; r < rows; r++) {
                    values[r] = codes[r] == Column.MISSING ? Double.NaN : byCode[codes[r]];
                }
                return Column.coded(name, type, false, codes, dictionary, values, unparsable);
            }
            case BOOLEAN -> {
                int unparsable = 0;
                for (int k = 0; k < dictionary.length; k++) {
                    if (!TypeInference.isBooleanValue(dictionary[k])) {
                        unparsable += (int) counts[k];
                    }
                }
                return Column.coded(name, type, false, codes, dictionary, null, unparsable);
            }
            default -> {
                return Column.coded(name, type, false, codes, dictionary, null, 0);
            }
        }
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    /** 0x80 in each byte of {@code word} that is zero, 0 elsewhere (exact, no borrow between bytes). */
    private static long zeroBytes(long word) {
        return ~((word & LOWS) + LOWS | word | LOWS);
    }

    /**
     * The line breaks ({@code \n}) in each of {@code ranges} (contiguous, the last ending at the end of the bytes),
     * counted while checking that all the bytes are valid UTF-8 without NUL and without a quote character (eight
     * bytes at a time while they are ASCII); {@code null} where they are not. Bytes before the first range are
     * checked, not counted.
     */
    static int[] plainUtf8Lines(byte[] bytes, List<int[]> ranges) {
        int[] lineBreaks = new int[ranges.size()];
        int i = 0;
        int pending = 0;
        for (int r = -1; r < ranges.size(); r++) {
            int end = r + 1 < ranges.size() ? ranges.get(r + 1)[0] : bytes.length;
            int count = 0;
            while (i < end) {
                if (pending == 0 && i + 8 <= end) {
                    long word = (long) LONGS.get(bytes, i);
                    if ((word & HIGHS | zeroBytes(word) | zeroBytes(word ^ QUOTES)) == 0) {
                        count += Long.bitCount(zeroBytes(word ^ NEWLINES));
                        i += 8;
                        continue;
                    }
                }
                int b = bytes[i++];
                if (b == 0 || b == '"') {
                    return null;
                }
                if (pending > 0) {
                    if ((b & 0xC0) != 0x80) {
                        return null;
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
                        return null;
                    }
                } else if (b == '\n') {
                    count++;
                }
            }
            if (r >= 0) {
                lineBreaks[r] = count;
            }
        }
        return pending == 0 ? lineBreaks : null;
    }

    /** The first index of {@code b} in {@code bytes[from, to)}, or -1; both CSV readers' byte scans. */
    static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** How often {@code b} occurs in {@code bytes[from, to)}, eight bytes at a time. */
    static int countOf(byte[] bytes, byte b, int from, int to) {
        int count = 0;
        long pattern = (b & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            count += Long.bitCount(zeroBytes((long) LONGS.get(bytes, i) ^ pattern));
        }
        for (; i < to; i++) {
            if (bytes[i] == b) {
                count++;
            }
        }
        return count;
    }

    /**
     * Distinct byte strings of one file, each given a code in order of first appearance; a String is
     * made once per distinct label, when the labels are asked for.
     */
    static final class ByteDictionary {
        private final byte[] bytes;
        private int[] starts = new int[16];
        private int[] lengths = new int[16];
        private int[] hashes = new int[16];
        private int size;
        private int[] table = new int[32]; // code + 1, 0 = empty
        private String[] labels;

        ByteDictionary(byte[] bytes) {
            this.bytes = bytes;
        }

        int code(int start, int end) {
            int hash = 1;
            for (int i = start; i < end; i++) {
                hash = 31 * hash + bytes[i];
            }
            int length = end - start;
            int mask = table.length - 1;
            int slot = (hash ^ (hash >>> 16)) * 0x9E3779B1 >>> 7 & mask;
            while (true) {
                int entry = table[slot] - 1;
                if (entry < 0) {
                    break;
                }
                if (hashes[entry] == hash && lengths[entry] == length
                        && Arrays.equals(bytes, starts[entry], starts[entry] + length, bytes, start, end)) {
                    return entry;
                }
                slot = slot + 1 & mask;
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                lengths = Arrays.copyOf(lengths, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            int code = size++;
            starts[code] = start;
            lengths[code] = length;
            hashes[code] = hash;
            table[slot] = code + 1;
            labels = null;
            if (size * 2 > table.length) {
                grow();
            }
            return code;
        }

        private void grow() {
            int[] grown = new int[table.length * 2];
            int mask = grown.length - 1;
            for (int code = 0; code < size; code++) {
                int hash = hashes[code];
                int slot = (hash ^ (hash >>> 16)) * 0x9E3779B1 >>> 7 & mask;
                while (grown[slot] != 0) {
                    slot = slot + 1 & mask;
                }
                grown[slot] = code + 1;
            }
            table = grown;
        }

        int size() {
            return size;
        }

        String[] labels() {
            if (labels == null) {
                labels = new String[size];
                for (int code = 0; code < size; code++) {
                    labels[code] = new String(bytes, starts[code], lengths[code], StandardCharsets.UTF_8);
                }
            }
            return labels;
        }
    }
}
