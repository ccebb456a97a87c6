package org.modellens.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One column of a snapshot, held column-wise without a String per cell.
 *
 * <ul>
 *   <li>{@link ColumnType#NUMERIC}: the parsed values as a {@code double[]} (NaN where missing or
 *       unparsable); the raw text is kept only for the cells that are not plain numbers ("1,200",
 *       "N/A", "NaN"), sparsely, so type-mismatch and non-finite-values can still name them.</li>
 *   <li>{@link ColumnType#CATEGORICAL}, {@link ColumnType#BOOLEAN}, {@link ColumnType#TEXT}: dictionary
 *       encoded, an {@code int} code per cell ({@link #MISSING} where missing) into one table of the
 *       distinct labels.</li>
 *   <li>{@link ColumnType#DATETIME}: both, epoch seconds as numbers and the cell text as codes.</li>
 * </ul>
 * A missing value is an empty cell in a CSV; any other text is data.
 */
public final class Column {

    /** The code of a missing cell. */
    public static final int MISSING = -1;

    private static final int[] NO_ROWS = new int[0];
    private static final String[] NO_TEXT = new String[0];

    private final String name;
    private final ColumnType type;
    private final boolean identifier;
    private final int size;
    private final double[] numbers;
    private final int[] codes;
    private final String[] dictionary;
    private final int[] textRows;
    private final String[] texts;
    private final int unparsableCount;
    private final int missingCount;
    /** Computed on first use; volatile so that a thread that sees the array sees its elements (weakly ordered CPUs). */
    private volatile long[] codeHashes;

    private Column(String name, ColumnType type, boolean identifier, int size, double[] numbers, int[] codes,
                   String[] dictionary, int[] textRows, String[] texts, int unparsableCount) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.identifier = identifier;
        this.size = size;
        this.numbers = numbers;
        this.codes = codes;
        this.dictionary = dictionary;
        this.textRows = textRows;
        this.texts = texts;
        this.unparsableCount = unparsableCount;
        if ((type == ColumnType.NUMERIC || type == ColumnType.DATETIME) != (numbers != null)) {
            throw new IllegalArgumentException("numbers must be present exactly for numeric and datetime columns: " + name);
        }
        if ((type != ColumnType.NUMERIC) != (codes != null)) {
            throw new IllegalArgumentException("codes must be present exactly for non-numeric columns: " + name);
        }
        if (numbers != null && numbers.length != size || codes != null && codes.length != size) {
            throw new IllegalArgumentException("column " + name + " has arrays of different lengths");
        }
        this.missingCount = countMissing();
    }

    /**
     * A column from cell text ({@code null} = missing), for tests and readers that hold text: encoded
     * as described in the class documentation. {@code numbers} as {@link SnapshotBuilder} parses them,
     * for numeric and datetime columns only.
     */
    public Column(String name, ColumnType type, boolean identifier, String[] text, double[] numbers, int unparsableCount) {
        this(name, type, identifier, from(name, type, text, numbers), unparsableCount);
    }

    private Column(String name, ColumnType type, boolean identifier, Column encoded, int unparsableCount) {
        this(name, type, identifier, encoded.size, encoded.numbers, encoded.codes, encoded.dictionary, encoded.textRows,
                encoded.texts, unparsableCount);
    }

    private static Column from(String name, ColumnType type, String[] text, double[] numbers) {
        Objects.requireNonNull(text, "text");
        if (numbers != null && numbers.length != text.length) {
            throw new IllegalArgumentException("numbers and text differ in length: " + name);
        }
        if (type == ColumnType.NUMERIC) {
            if (numbers == null) {
                throw new IllegalArgumentException("numbers must be present exactly for numeric and datetime columns: " + name);
            }
            int kept = 0;
            for (int r = 0; r < text.length; r++) {
                if (keepText(text[r], numbers[r])) {
                    kept++;
                }
            }
            int[] rows = new int[kept];
            String[] cells = new String[kept];
            int k = 0;
            for (int r = 0; r < text.length; r++) {
                if (keepText(text[r], numbers[r])) {
                    rows[k] = r;
                    cells[k++] = text[r];
                }
            }
            return new Column(name, type, false, text.length, numbers, null, null, rows, cells, 0);
        }
        Dictionary dictionary = new Dictionary();
        int[] codes = new int[text.length];
        for (int r = 0; r < text.length; r++) {
            codes[r] = text[r] == null ? MISSING : dictionary.code(text[r]);
        }
        return new Column(name, type, false, text.length, numbers, codes, dictionary.labels(), NO_ROWS, NO_TEXT, 0);
    }

    /** The text of a present numeric cell is kept unless it is a plain number giving exactly that value. */
    private static boolean keepText(String cell, double value) {
        if (cell == null) {
            return false;
        }
        if (Double.isNaN(value) || !isPlainNumber(cell)) {
            return true;
        }
        return Double.doubleToLongBits(TypeInference.parseNumber(cell)) != Double.doubleToLongBits(value);
    }

    /**
     * Whether numeric cell text can go without being kept: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} with at
     * most 15 significant digits. Such text is written back as the same digits for integers and as an
     * equal number otherwise; leading zeros, long digit strings (card numbers, codes), signs, exponents
     * and blanks are kept as written.
     */
    public static boolean isPlainNumber(CharSequence text) {
        int n = text.length();
        int i = 0;
        if (n > 0 && text.charAt(0) == '-') {
            i++;
        }
        int intStart = i;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || intDigits > 1 && text.charAt(intStart) == '0') {
            return false;
        }
        int significant = intDigits == 1 && text.charAt(intStart) == '0' ? 0 : intDigits;
        if (i < n) {
            if (text.charAt(i) != '.' || i + 1 == n) {
                return false;
            }
            i++;
            boolean leading = significant == 0;
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
                if (!leading || c != '0') {
                    leading = false;
                    significant++;
                }
            }
        }
        return significant <= 15;
    }

    /**
     * A numeric column.
     *
     * @param numbers  parsed values, NaN where missing or unparsable
     * @param textRows ascending rows whose cell text is kept: present cells that are not plain numbers
     * @param texts    their text, parallel to {@code textRows}
     */
    public static Column numeric(String name, boolean identifier, double[] numbers, int[] textRows, String[] texts,
                                 int unparsableCount) {
        if (textRows.length != texts.length) {
            throw new IllegalArgumentException("text rows and texts differ in length: " + name);
        }
        return new Column(name, ColumnType.NUMERIC, identifier, numbers.length, numbers, null, null, textRows, texts,
                unparsableCount);
    }

    /**
     * A dictionary-encoded column (categorical, boolean, text, or datetime with its parsed numbers).
     *
     * @param codes      per row an index into {@code dictionary}, {@link #MISSING} where missing
     * @param dictionary the distinct labels
     * @param numbers    epoch seconds for a datetime column, otherwise {@code null}
     */
    public static Column coded(String name, ColumnType type, boolean identifier, int[] codes, String[] dictionary,
                               double[] numbers, int unparsableCount) {
        return new Column(name, type, identifier, codes.length, numbers, codes, dictionary, NO_ROWS, NO_TEXT, unparsableCount);
    }

    /** The same column, marked as a row identifier or not. */
    public Column withIdentifier(boolean isIdentifier) {
        return isIdentifier == identifier ? this : new Column(name, type, isIdentifier, size, numbers, codes, dictionary,
                textRows, texts, unparsableCount);
    }

    public String name() {
        return name;
    }

    /** The type the column is analysed as. */
    public ColumnType type() {
        return type;
    }

    /** Whether the column identifies rows (all distinct keys) and is no feature. */
    public boolean identifier() {
        return identifier;
    }

    /** Non-missing cells whose text is not a plain value of the column's type (recovered or not). */
    public int unparsableCount() {
        return unparsableCount;
    }

    public int size() {
        return size;
    }

    /**
     * Parsed values for {@link ColumnType#NUMERIC} and {@link ColumnType#DATETIME} (epoch seconds), NaN
     * where missing or unparsable; {@code null} for other types. Numeric cells in display format
     * ("1,200", "$95") hold the number {@link FormattedNumber} recovers from them. Shared, not copied:
     * do not write to it.
     */
    public double[] numbers() {
        return numbers;
    }

    /**
     * Per row the index of its label in {@link #category(int)}, {@link #MISSING} where missing; {@code null}
     * for numeric columns. Shared, not copied: do not write to it.
     */
    public int[] codes() {
        return codes;
    }

    /** The label of a dictionary code. */
    public String category(int code) {
        return dictionary[code];
    }

    /** Number of distinct labels in the dictionary (0 for numeric columns). */
    public int categoryCount() {
        return dictionary == null ? 0 : dictionary.length;
    }

    public boolean isMissing(int row) {
        if (codes != null) {
            return codes[row] == MISSING;
        }
        return Double.isNaN(numbers[row]) && keptText(row) == null;
    }

    public int missingCount() {
        return missingCount;
    }

    private int countMissing() {
        int missing = 0;
        if (codes != null) {
            for (int code : codes) {
                if (code == MISSING) {
                    missing++;
                }
            }
            return missing;
        }
        for (double v : numbers) {
            if (Double.isNaN(v)) {
                missing++;
            }
        }
        for (int row : textRows) {
            if (Double.isNaN(numbers[row])) {
                missing--;
            }
        }
        return missing;
    }

    /**
     * The cell's text, {@code null} where missing. Dictionary-encoded columns and the kept text of
     * numeric cells give it as in the file; a plain number is written back from its value (integers
     * without a fraction, others as {@link Double#toString(double)}), which may differ in form
     * ("1.50" gives "1.5").
     */
    public String text(int row) {
        if (codes != null) {
            int code = codes[row];
            return code == MISSING ? null : dictionary[code];
        }
        String kept = keptText(row);
        if (kept != null) {
            return kept;
        }
        double v = numbers[row];
        return Double.isNaN(v) ? null : format(v);
    }

    /**
     * The text kept for a numeric cell that is not a plain number, or {@code null}; for dictionary-encoded
     * columns the same as {@link #text(int)}.
     */
    public String keptText(int row) {
        if (codes != null) {
            return text(row);
        }
        if (textRows.length == 0) {
            return null;
        }
        int at = Arrays.binarySearch(textRows, row);
        return at < 0 ? null : texts[at];
    }

    /** Rows of a numeric column whose text is kept (ascending); empty for other columns. */
    public int[] keptTextRows() {
        return textRows.clone();
    }

    /**
     * A hash of the cell's value, equal for cells {@link #sameCell equal} in this column: the label's
     * hash for dictionary-encoded columns, the value's bits (or the kept text's hash) for numbers.
     */
    public long cellHash(int row) {
        if (codes != null) {
            int code = codes[row];
            return code == MISSING ? MISSING_HASH : codeHashes()[code];
        }
        double v = numbers[row];
        if (Double.isNaN(v)) {
            String kept = keptText(row);
            return kept == null ? MISSING_HASH : kept.hashCode() * HASH_FACTOR + kept.length();
        }
        return Double.doubleToLongBits(v + 0.0) * HASH_FACTOR;
    }

    /**
     * Folds every cell's {@link #cellHash} into its row's hash: {@code hashes[row] = 31 * hashes[row] +
     * cellHash(row)} for the first {@code hashes.length} rows. One loop over the primitive arrays: hashing
     * a row of hundreds of columns cell by cell through {@link #cellHash} costs a call and a type test per cell.
     */
    public void mixHashes(long[] hashes) {
        int rows = hashes.length;
        if (codes != null) {
            long[] byCode = codeHashes();
            for (int row = 0; row < rows; row++) {
                int code = codes[row];
                hashes[row] = 31 * hashes[row] + (code == MISSING ? MISSING_HASH : byCode[code]);
            }
            return;
        }
        double[] values = numbers;
        for (int row = 0; row < rows; row++) {
            double v = values[row];
            // v != v: NaN, a missing or unparsable cell, hashed by its kept text
            hashes[row] = 31 * hashes[row] + (v != v ? cellHash(row) : Double.doubleToRawLongBits(v + 0.0) * HASH_FACTOR);
        }
    }

    private static final long MISSING_HASH = 0x9E3779B97F4A7C15L;
    private static final long HASH_FACTOR = 0xC2B2AE3D27D4EB4FL;

    private long[] codeHashes() {
        long[] hashes = codeHashes;
        if (hashes == null) {
            hashes = new long[dictionary.length];
            for (int k = 0; k < hashes.length; k++) {
                hashes[k] = dictionary[k].hashCode() * HASH_FACTOR + dictionary[k].length();
            }
            codeHashes = hashes; // racy but idempotent: every thread computes the same array, published whole
        }
        return hashes;
    }

    /**
     * Whether two cells of this column hold the same value: the same label, both missing, or the same
     * number (numbers compare by value: "1.0" and "1" are the same; unparsable text compares as text).
     */
    public boolean sameCell(int a, int b) {
        if (codes != null) {
            return codes[a] == codes[b];
        }
        double x = numbers[a];
        double y = numbers[b];
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) && Double.isNaN(y) && Objects.equals(keptText(a), keptText(b));
        }
        return x == y;
    }

    /** Distinct cell values (missing counting as one value), counted up to {@code limit}. */
    public int distinctCells(int limit) {
        if (codes != null) {
            return Math.min(limit, dictionary.length + (missingCount > 0 ? 1 : 0));
        }
        double[] sorted = numbers.clone();
        Arrays.sort(sorted); // NaN last, -0.0 before 0.0
        int distinct = 0;
        for (int i = 0; i < sorted.length && distinct < limit; i++) {
            if (Double.isNaN(sorted[i])) {
                break;
            }
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        if (distinct < limit && sorted.length > 0 && Double.isNaN(sorted[sorted.length - 1])) {
            java.util.Set<String> others = new java.util.HashSet<>();
            for (int row = 0; row < size && distinct + others.size() < limit; row++) {
                if (Double.isNaN(numbers[row])) {
                    String kept = keptText(row);
                    others.add(kept == null ? "" : kept);
                }
            }
            distinct += others.size();
        }
        return Math.min(limit, distinct);
    }

    /** A plain number as text: integers without a fraction, others as {@link Double#toString(double)}. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Whether statistics treat this column's values as numbers. */
    public boolean isNumeric() {
        return type == ColumnType.NUMERIC;
    }

    /** Whether statistics treat this column's values as category labels. */
    public boolean isCategorical() {
        return type == ColumnType.CATEGORICAL || type == ColumnType.BOOLEAN;
    }

    /** The parsed values in row order, missing and unparsable cells (NaN) left out; infinite values stay. */
    public double[] presentNumbers() {
        if (numbers == null) {
            throw new IllegalStateException("column " + name + " is " + type.jsonName() + ", not numeric");
        }
        int count = 0;
        for (double v : numbers) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        double[] present = new double[count];
        int i = 0;
        for (double v : numbers) {
            if (!Double.isNaN(v)) {
                present[i++] = v;
            }
        }
        return present;
    }

    @Override
    public String toString() {
        return "Column[" + name + ", " + type.jsonName() + ", " + size + " rows]";
    }

    /** Assigns codes to labels in order of first appearance. */
    static final class Dictionary {
        private final java.util.HashMap<String, Integer> codes = new java.util.HashMap<>();
        private final java.util.ArrayList<String> labels = new java.util.ArrayList<>();

        int code(String label) {
            Integer code = codes.get(label);
            if (code == null) {
                code = labels.size();
                codes.put(label, code);
                labels.add(label);
            }
            return code;
        }

        String[] labels() {
            return labels.toArray(new String[0]);
        }
    }
}
