package org.modellens.data;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers the number inside display text that is not a plain number: {@code "1,200"}, {@code "$95"},
 * {@code "250 USD"}, {@code "0,15"}, {@code "12kg"}, {@code "1.234,5"}, and recognises
 * {@code "N/A"}-style tokens that stand for a missing value.
 *
 * <h2>Rules, applied to the trimmed text</h2>
 * <ol>
 *   <li>A missing-value token (case-insensitive: n/a, #n/a, na, nan, null, none, nil, missing, unknown,
 *       -, --, ?) is {@link Kind#MISSING_TOKEN} with value NaN.</li>
 *   <li>A currency symbol ($ € £ ¥ ₹) or ISO code (USD EUR GBP CHF JPY CAD AUD) before or after the
 *       number is removed: {@link Kind#CURRENCY}.</li>
 *   <li>Otherwise a unit of letters, {@code %}, {@code °} or {@code /} glued to or after the number is
 *       removed: {@link Kind#UNIT} (the number is kept as written: {@code "15%"} is 15). An exponent
 *       ({@code "1e400"}) or a literal's type suffix ({@code "1d"}, {@code "2f"}) is no unit; a
 *       column's cells are recovered with their unit only when the whole column carries that one unit
 *       ({@link #recoverColumn}).</li>
 *   <li>The rest must be a number with separators: groups of three digits separated by {@code ,}
 *       (decimal point {@code .}), by {@code .} (decimal comma) or by a space or apostrophe:
 *       {@link Kind#THOUSANDS_SEPARATOR}; digits with one comma not followed by exactly three digits:
 *       {@link Kind#DECIMAL_COMMA} ({@code "1,200"} is twelve hundred, {@code "1,25"} is 1.25).</li>
 * </ol>
 * The kind reported is the first that applied in the order above. Text that still is no finite number
 * is not recovered ({@link #recover(String)} returns {@code null}).
 */
public final class FormattedNumber {

    /** Why a cell was not a plain number. */
    public enum Kind {
        THOUSANDS_SEPARATOR("thousands separator"),
        DECIMAL_COMMA("decimal comma"),
        CURRENCY("currency symbol"),
        UNIT("unit glued to the number"),
        MISSING_TOKEN("missing-value token"),
        OTHER("other text");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** A few words for reports. */
        public String description() {
            return description;
        }

        /** Name used as evidence key. */
        public String key() {
            String[] parts = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder key = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                key.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return key.toString();
        }
    }

    /**
     * A recovered cell.
     *
     * @param value the number, NaN for a missing-value token
     * @param kind  what made the text not a plain number
     */
    public record Recovered(double value, Kind kind, String unit) {

        /** A cell recovered without a unit. */
        public Recovered(double value, Kind kind) {
            this(value, kind, null);
        }
    }

    /**
     * Suffixes that are no unit: an exponent ({@code "1e400"} is an overflowing number, not 1 with a
     * unit "e400") and the type suffixes of program literals ({@code "1d"}, {@code "2f"}, {@code "3L"}).
     */
    private static final Pattern NOT_A_UNIT = Pattern.compile("(?i)e[-+]?\\d*|[dfl]");

    private static final Set<String> MISSING_TOKENS = Set.of("n/a", "#n/a", "na", "nan", "null", "none", "nil",
            "missing", "unknown", "-", "--", "?");
    private static final Pattern CURRENCY = Pattern.compile(
            "^(?:[$€£¥₹]|(?:USD|EUR|GBP|CHF|JPY|CAD|AUD)\\s)\\s*(.+)$|^(.+?)\\s*(?:[$€£¥₹]|\\s(?:USD|EUR|GBP|CHF|JPY|CAD|AUD))$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNIT = Pattern.compile("^([-+]?[0-9][0-9.,' ]*)\\s*([\\p{L}%°µ/][\\p{L}0-9%°/.²³]*)$");
    private static final Pattern COMMA_GROUPS = Pattern.compile("^[-+]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?$");
    private static final Pattern DOT_GROUPS = Pattern.compile("^[-+]?\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?$");
    private static final Pattern SPACE_GROUPS = Pattern.compile("^[-+]?\\d{1,3}(?:['  ]\\d{3})+(?:[.,]\\d+)?$");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("^[-+]?\\d*,\\d+$");

    private FormattedNumber() {
    }

    /** The number in {@code text}, or {@code null} when the text is no formatted number (see the class rules). */
    public static Recovered recover(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (!Double.isNaN(TypeInference.parseNumber(t)) || TypeInference.isNonFiniteWord(t)) {
            return null;
        }
        if (MISSING_TOKENS.contains(t.toLowerCase(Locale.ROOT))) {
            return new Recovered(Double.NaN, Kind.MISSING_TOKEN);
        }
        Kind kind = null;
        String unitText = null;
        Matcher currency = CURRENCY.matcher(t);
        if (currency.matches()) {
            t = (currency.group(1) != null ? currency.group(1) : currency.group(2)).trim();
            kind = Kind.CURRENCY;
        } else {
            Matcher unit = UNIT.matcher(t);
            if (unit.matches() && !NOT_A_UNIT.matcher(unit.group(2)).matches()) {
                t = unit.group(1).trim();
                kind = Kind.UNIT;
                unitText = unit.group(2);
            }
        }
        double plain = TypeInference.parseNumber(t);
        if (!Double.isNaN(plain)) {
            return kind == null ? null : new Recovered(plain, kind, unitText);
        }
        String normalised;
        Kind separator;
        if (COMMA_GROUPS.matcher(t).matches()) {
            normalised = t.replace(",", "");
            separator = Kind.THOUSANDS_SEPARATOR;
        } else if (DOT_GROUPS.matcher(t).matches()) {
            normalised = t.replace(".", "").replace(',', '.');
            separator = Kind.THOUSANDS_SEPARATOR;
        } else if (SPACE_GROUPS.matcher(t).matches()) {
            normalised = t.replaceAll("['  ]", "").replace(',', '.');
            separator = Kind.THOUSANDS_SEPARATOR;
        } else if (DECIMAL_COMMA.matcher(t).matches()) {
            normalised = t.replace(',', '.');
            separator = Kind.DECIMAL_COMMA;
        } else {
            return null;
        }
        double value = TypeInference.parseNumber(normalised);
        if (Double.isNaN(value)) {
            return null;
        }
        return new Recovered(value, kind == null ? separator : kind, unitText);
    }

    /**
     * Recovers the formatted cells of one column into {@code numbers} (where they are NaN), taking a
     * number with a unit only when every unit in the column is the same one: a column of "12 kg" is
     * in kilograms, but "12 kg" beside "26 lb" are no quantities of one scale, and are left as text.
     */
    public static void recoverColumn(String[] cells, double[] numbers) {
        int[] rows = null;
        String[] texts = null;
        int n = 0;
        for (int r = 0; r < cells.length; r++) {
            if (cells[r] != null && Double.isNaN(numbers[r])) {
                if (rows == null) {
                    rows = new int[16]; // only columns with text pay for it
                    texts = new String[16];
                } else if (n == rows.length) {
                    rows = java.util.Arrays.copyOf(rows, 2 * n);
                    texts = java.util.Arrays.copyOf(texts, 2 * n);
                }
                rows[n] = r;
                texts[n++] = cells[r];
            }
        }
        double[] values = n == 0 ? null : recoverAll(texts, n);
        for (int i = 0; i < n; i++) {
            numbers[rows[i]] = values[i];
        }
    }

    /**
     * The numbers of the first {@code n} texts, the unparsable cells of one column (each at least
     * once: the readers that hold a column as distinct texts pass those), by the rule of
     * {@link #recoverColumn}; NaN where a text gives none. Every reader of a whole column comes here,
     * so the same cell gets the same value whichever reader read it.
     */
    static double[] recoverAll(String[] texts, int n) {
        Recovered[] recovered = new Recovered[n];
        String oneUnit = null;
        boolean mixedUnits = false;
        for (int i = 0; i < n; i++) {
            recovered[i] = recover(texts[i]);
            if (recovered[i] != null && recovered[i].unit() != null) {
                if (oneUnit == null) {
                    oneUnit = recovered[i].unit();
                } else if (!oneUnit.equals(recovered[i].unit())) {
                    mixedUnits = true;
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = recovered[i] == null || mixedUnits && recovered[i].unit() != null ? Double.NaN : recovered[i].value();
        }
        return values;
    }
}
