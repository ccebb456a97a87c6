package org.modellens.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what the values of a column are from its cell text ({@code null} = missing).
 *
 * <h2>Type rules, applied to the non-missing cells, in this order</h2>
 * <ol>
 *   <li>No non-missing cell: {@link ColumnType#CATEGORICAL}.</li>
 *   <li>Every cell is one of {@code true/false/yes/no} (case-insensitive): {@link ColumnType#BOOLEAN}.</li>
 *   <li>Every cell parses as a number (see {@link #parseNumber(String)}): {@link ColumnType#BOOLEAN} when
 *       all values are 0 or 1, otherwise {@link ColumnType#NUMERIC}.</li>
 *   <li>At least 95% of the cells parse as numbers or are the non-finite words {@code NaN}, {@code Inf},
 *       {@code Infinity} (any case, optional sign; see {@link #isNonFiniteWord(String)}), with at least
 *       one real number: {@link ColumnType#NUMERIC}; the other cells stay as text and are counted as
 *       unparsable when the snapshot is built (the non-finite words are reported by the
 *       non-finite-values check, never used as values).</li>
 *   <li>Every cell is an ISO date or date-time ({@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm[:ss]},
 *       {@code yyyy-MM-ddTHH:mm[:ss][.fff][Z]}): {@link ColumnType#DATETIME}.</li>
 *   <li>Mean text length above 30 characters and more than half of the cells distinct:
 *       {@link ColumnType#TEXT}; otherwise {@link ColumnType#CATEGORICAL}.</li>
 * </ol>
 *
 * <h2>Numbers</h2>
 * A cell is a number when its trimmed text is accepted by {@link Double#parseDouble(String)}, gives a
 * finite value and contains no letter other than {@code e}/{@code E}: {@code "NaN"}, {@code "Infinity"},
 * {@code "0x1p3"} and {@code "12d"} are not numbers, {@code "1,200"} is not either.
 *
 * <h2>Identifiers</h2>
 * See {@link #looksLikeIdentifier(String, String[], ColumnType)}.
 */
public final class TypeInference {

    /** Share of cells that must parse as numbers for a column to be numeric despite some junk. */
    public static final double NUMERIC_SHARE = 0.95;
    /** Minimum number of non-missing values before a column can be taken for an identifier. */
    public static final int MIN_IDENTIFIER_VALUES = 20;

    private static final Pattern ID_NAME = Pattern.compile("(?i)(^id$|_id$|^id_|uuid|guid|_key$|^key$)");

    /**
     * Significant digits a decimal may have to take the fast path ({@link #exactDecimal}) of
     * {@link #parseNumber(String)} and of its twin on bytes ({@link NumberBytes}).
     */
    static final int FAST_DIGITS = 15;
    /** Digits after the point a decimal may have to take the fast path (10^22 is the largest exact power of ten). */
    static final int FAST_FRACTION = 22;
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private TypeInference() {
    }

    /** Infers the type of a column from its cells; see the class documentation for the rules. */
    public static ColumnType infer(String[] cells) {
        return infer(cells, parseNumbers(cells));
    }

    /**
     * Infers the type of a column whose cells were already parsed by {@link #parseNumbers(String[])},
     * so a numeric column is parsed once for inference and for the snapshot.
     */
    public static ColumnType infer(String[] cells, double[] parsed) {
        int present = 0;
        int numeric = 0;
        int booleanWords = 0;
        int nonFinite = 0;
        boolean zeroOne = true;
        long totalLength = 0;
        for (int r = 0; r < cells.length; r++) {
            String cell = cells[r];
            if (cell == null) {
                continue;
            }
            present++;
            totalLength += cell.length();
            double v = parsed[r];
            if (!Double.isNaN(v)) {
                numeric++;
                if (v != 0.0 && v != 1.0) {
                    zeroOne = false;
                }
            } else if (isBooleanWord(cell)) {
                booleanWords++;
            } else if (isNonFiniteWord(cell)) {
                nonFinite++;
            }
        }
        return infer(new Counts(present, numeric, booleanWords, nonFinite, zeroOne, totalLength), () -> allDateTimes(cells),
                () -> {
                    Set<String> distinct = new HashSet<>();
                    for (String cell : cells) {
                        if (cell != null) {
                            distinct.add(cell);
                        }
                    }
                    return distinct.size();
                });
    }

    /**
     * What the type rules need to know of a column's non-missing cells, however the cells are held.
     *
     * @param present      non-missing cells
     * @param numeric      cells that parse as numbers
     * @param booleanWords cells that are true/false/yes/no
     * @param nonFinite    cells that are NaN/Inf/Infinity words
     * @param zeroOne      whether every number is 0 or 1
     * @param totalLength  characters in all non-missing cells
     */
    record Counts(long present, long numeric, long booleanWords, long nonFinite, boolean zeroOne, long totalLength) {
    }

    /**
     * The rules of the class documentation on counts; {@code allDateTimes} (every present cell is a
     * date) and {@code distinct} (distinct present cells) are asked only when the rules need them.
     */
    static ColumnType infer(Counts counts, java.util.function.BooleanSupplier allDateTimes,
                            java.util.function.LongSupplier distinct) {
        long present = counts.present();
        long numeric = counts.numeric();
        if (present == 0) {
            return ColumnType.CATEGORICAL;
        }
        if (counts.booleanWords() == present) {
            return ColumnType.BOOLEAN;
        }
        if (numeric == present) {
            return counts.zeroOne() ? ColumnType.BOOLEAN : ColumnType.NUMERIC;
        }
        if (numeric > 0 && numeric + counts.nonFinite() >= NUMERIC_SHARE * present) {
            return ColumnType.NUMERIC;
        }
        if (numeric == 0 && allDateTimes.getAsBoolean()) {
            return ColumnType.DATETIME;
        }
        double meanLength = (double) counts.totalLength() / present;
        if (meanLength > 30 && distinct.getAsLong() > 0.5 * present) {
            return ColumnType.TEXT;
        }
        return ColumnType.CATEGORICAL;
    }

    /** Whether a name reads like a row key: {@code (?i)(^id$|_id$|^id_|uuid|guid|_key$|^key$)}. */
    static boolean identifierName(String name) {
        return name != null && ID_NAME.matcher(name).find();
    }

    /**
     * Whether a column identifies rows rather than describing them. It must have at least
     * {@value #MIN_IDENTIFIER_VALUES} non-missing values, all distinct, and either
     * <ul>
     *   <li>be {@link ColumnType#CATEGORICAL} (non-numeric strings), or</li>
     *   <li>be {@link ColumnType#NUMERIC} with only integer values and a name matching
     *       {@code (?i)(^id$|_id$|^id_|uuid|guid|_key$|^key$)}, or</li>
     *   <li>be {@link ColumnType#TEXT} with such a name (long keys such as UUIDs are typed as text).</li>
     * </ul>
     */
    public static boolean looksLikeIdentifier(String name, String[] cells, ColumnType type) {
        boolean idName = name != null && ID_NAME.matcher(name).find();
        boolean eligible = switch (type) {
            case CATEGORICAL -> true;
            case NUMERIC, TEXT -> idName;
            default -> false;
        };
        if (!eligible) {
            return false;
        }
        Set<String> seen = new HashSet<>(Math.max(16, cells.length * 2));
        int present = 0;
        for (String cell : cells) {
            if (cell == null) {
                continue;
            }
            present++;
            if (type == ColumnType.NUMERIC) {
                double v = parseNumber(cell);
                if (Double.isNaN(v) || v != Math.rint(v)) {
                    return false;
                }
                if (!seen.add(Double.toString(v))) {
                    return false;
                }
            } else if (!seen.add(cell)) {
                return false;
            }
        }
        return present >= MIN_IDENTIFIER_VALUES;
    }

    /**
     * {@link #looksLikeIdentifier(String, String[], ColumnType)} on a column already built: the same
     * rules, decided on its codes or numbers.
     */
    public static boolean looksLikeIdentifier(Column column) {
        ColumnType type = column.type();
        boolean idName = identifierName(column.name());
        boolean eligible = switch (type) {
            case CATEGORICAL -> true;
            case NUMERIC, TEXT -> idName;
            default -> false;
        };
        int present = column.size() - column.missingCount();
        if (!eligible || present < MIN_IDENTIFIER_VALUES) {
            return false;
        }
        if (type != ColumnType.NUMERIC) {
            // every label of the dictionary occurs at least once: all distinct iff as many labels as cells
            return column.categoryCount() == present;
        }
        if (column.unparsableCount() > 0) {
            return false;
        }
        double[] values = column.presentNumbers();
        if (values.length != present) {
            return false;
        }
        for (double v : values) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text is one of true/false/yes/no, ignoring case and surrounding blanks. */
    public static boolean isBooleanWord(String text) {
        String t = text.trim();
        int n = t.length();
        if (n < 2 || n > 5) {
            return false;
        }
        return t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false") || t.equalsIgnoreCase("yes")
                || t.equalsIgnoreCase("no");
    }

    /**
     * Whether the text is a non-finite value as numeric software writes it: the words {@code NaN},
     * {@code Inf} or {@code Infinity} (any case, optional sign), or a number literal beyond the range
     * of a double such as {@code 1e400} or {@code -1e400} (an overflow, i.e. infinite), ignoring
     * surrounding blanks.
     */
    public static boolean isNonFiniteWord(String text) {
        if (text.length() <= 12) {
            String t = text.strip();
            if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
                t = t.substring(1);
            }
            if (t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
                return true;
            }
        }
        return overflows(text);
    }

    /** A plain number literal (digits, sign, point, exponent) whose value is beyond a double's range. */
    private static boolean overflows(String text) {
        int first = 0;
        while (first < text.length() && text.charAt(first) <= ' ') {
            first++;
        }
        if (first == text.length() || !(Character.isDigit(text.charAt(first)) || "+-.".indexOf(text.charAt(first)) >= 0)) {
            return false; // text ("cat3", "yes"): the common case stays one comparison
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > 1000) {
            return false;
        }
        boolean exponent = false;
        for (int k = 0; k < t.length(); k++) {
            char ch = t.charAt(k);
            if (ch == 'e' || ch == 'E') {
                exponent = true;
            } else if (!(ch >= '0' && ch <= '9') && ch != '.' && ch != '+' && ch != '-') {
                return false;
            }
        }
        if (!exponent && t.length() < 300) {
            return false; // without an exponent only 309+ digits overflow
        }
        try {
            return Double.isInfinite(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether a cell is a value a boolean column can hold (0/1/true/false/yes/no). */
    public static boolean isBooleanValue(String text) {
        if (isBooleanWord(text)) {
            return true;
        }
        double v = parseNumber(text);
        return v == 0.0 || v == 1.0;
    }

    /** {@link #parseNumber(String)} of every cell: NaN where missing or not a number. */
    public static double[] parseNumbers(String[] cells) {
        double[] numbers = new double[cells.length];
        for (int r = 0; r < cells.length; r++) {
            numbers[r] = parseNumber(cells[r]);
        }
        return numbers;
    }

    /**
     * Parses a cell as a number: the finite value, or NaN when the text is no number by the rules in
     * the class documentation. Plain decimals take a fast path without {@link Double#parseDouble}.
     */
    public static double parseNumber(String text) {
        if (text == null) {
            return Double.NaN;
        }
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        if (start == end) {
            return Double.NaN;
        }
        // fast path: [+-]?digits[.digits] with at most 15 significant digits
        int i = start;
        boolean negative = false;
        char c = text.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean dot = false;
        boolean sawDigit = false;
        boolean fast = i < end;
        for (; i < end; i++) {
            c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                sawDigit = true;
                if (digits > 0 || c != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (dot) {
                    fraction++;
                }
                if (digits > FAST_DIGITS || fraction > FAST_FRACTION) {
                    fast = false;
                    break;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                fast = false;
                break;
            }
        }
        if (fast) {
            return sawDigit ? exactDecimal(mantissa, fraction, negative) : Double.NaN;
        }
        // slow path: reject letters other than e/E, then let the JDK decide
        for (int k = start; k < end; k++) {
            char ch = text.charAt(k);
            if (Character.isLetter(ch) && ch != 'e' && ch != 'E') {
                return Double.NaN;
            }
        }
        try {
            double v = Double.parseDouble(text.substring(start, end));
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * {@code ±mantissa / 10^fraction}, the value of a decimal's digits {@code mantissa} with
     * {@code fraction} of them after the point. With at most {@link #FAST_DIGITS} significant digits the
     * mantissa is an exact double and so is 10^fraction up to 10^{@link #FAST_FRACTION}, so the one
     * division is correctly rounded: the value {@link Double#parseDouble} gives (Clinger's fast path,
     * W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990). The one fast path of
     * both number parsers, on chars here and on bytes in {@link NumberBytes}.
     */
    static double exactDecimal(long mantissa, int fraction, boolean negative) {
        double v = fraction == 0 ? (double) mantissa : mantissa / POW10[fraction];
        return negative ? -v : v;
    }

    private static boolean allDateTimes(String[] cells) {
        boolean any = false;
        for (String cell : cells) {
            if (cell == null) {
                continue;
            }
            any = true;
            if (Double.isNaN(parseDateTime(cell))) {
                return false;
            }
        }
        return any;
    }

    /**
     * Parses an ISO date or date-time ({@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm[:ss[.fff]]},
     * {@code yyyy-MM-ddTHH:mm[:ss[.fff]][Z]}) as epoch seconds UTC (times without zone are taken as UTC),
     * or NaN when the text is none of these.
     */
    public static double parseDateTime(String text) {
        if (text == null) {
            return Double.NaN;
        }
        String t = text.trim();
        int n = t.length();
        if (n < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return Double.NaN;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return Double.NaN;
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            if (n == 10) {
                return date.toEpochDay() * 86400.0;
            }
            char sep = t.charAt(10);
            if (sep != ' ' && sep != 'T') {
                return Double.NaN;
            }
            int end = n;
            if (t.charAt(end - 1) == 'Z') {
                if (sep != 'T') {
                    return Double.NaN;
                }
                end--;
            }
            if (end < 16 || t.charAt(13) != ':') {
                return Double.NaN;
            }
            int hour = digits(t, 11, 2);
            int minute = digits(t, 14, 2);
            int second = 0;
            double nanos = 0;
            if (end > 16) {
                if (end < 19 || t.charAt(16) != ':') {
                    return Double.NaN;
                }
                second = digits(t, 17, 2);
                if (end > 19) {
                    if (t.charAt(19) != '.' || end == 20) {
                        return Double.NaN;
                    }
                    for (int k = 20; k < end; k++) {
                        if (t.charAt(k) < '0' || t.charAt(k) > '9') {
                            return Double.NaN;
                        }
                    }
                    nanos = Double.parseDouble("0" + t.substring(19, end));
                }
            }
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return Double.NaN;
            }
            LocalDateTime dt = date.atTime(hour, minute, second);
            return dt.toEpochSecond(ZoneOffset.UTC) + nanos;
        } catch (java.time.DateTimeException e) {
            return Double.NaN;
        }
    }

    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
