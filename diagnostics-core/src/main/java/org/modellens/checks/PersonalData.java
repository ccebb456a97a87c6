package org.modellens.checks;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modellens.data.TypeInference;

/**
 * Recognises personal data in cell text and masks it. Detection works on values; a column name only
 * widens what counts (plain digit strings count as phone numbers in a column named like a phone).
 *
 * <ul>
 *   <li>{@link Kind#EMAIL}: {@code local@domain.tld}.</li>
 *   <li>{@link Kind#CARD}: 13-19 digits (single spaces or dashes allowed between them), first digit
 *       2-6, passing the Luhn checksum.</li>
 *   <li>{@link Kind#IBAN}: two letters, two check digits, 11-30 letters or digits, passing the ISO 13616
 *       mod-97 check.</li>
 *   <li>{@link Kind#IP_ADDRESS}: dotted IPv4 with octets 0-255.</li>
 *   <li>{@link Kind#PHONE}: international {@code +CC ...} with 8-15 digits, or the North-American
 *       {@code (555) 123-4567} / {@code 555-123-4567} / {@code 555.123.4567} forms.</li>
 *   <li>{@link Kind#NATIONAL_ID}: US social security numbers {@code 123-45-6789} (valid area and
 *       group) and UK national insurance numbers {@code AB 12 34 56 C}.</li>
 * </ul>
 * Masks keep the shape and a few characters a person needs to recognise which record it is, never
 * enough to recover the value: e-mail {@code j***@e***.com}, card {@code ************1234}, others
 * keep their separators and last two characters.
 */
public final class PersonalData {

    /** A kind of personal data. */
    public enum Kind {
        EMAIL("e-mail addresses"), CARD("payment card numbers"), IBAN("IBANs"), IP_ADDRESS("IP addresses"),
        PHONE("phone numbers"), NATIONAL_ID("national id numbers");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public String key() {
            return switch (this) {
                case EMAIL -> "email";
                case CARD -> "card";
                case IBAN -> "iban";
                case IP_ADDRESS -> "ipAddress";
                case PHONE -> "phone";
                case NATIONAL_ID -> "nationalId";
            };
        }
    }

    // Bounded parts (RFC 5321 lengths) and a start only at the beginning of a run keep the search linear
    // on long cells: an unbounded [..]+ retried from every position is quadratic on a megabyte of text.
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}(?![A-Za-z])");
    private static final Pattern CARD = Pattern.compile("(?<![\\d.,])[2-6](?:[ -]?\\d){12,18}(?![\\d.,])");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b");
    private static final Pattern IP = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.])");
    private static final Pattern PHONE = Pattern.compile(
            "\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,5}\\)?){2,6}|(?<![\\d-])\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}(?![\\d-])");
    private static final Pattern PLAIN_PHONE = Pattern.compile("\\+?\\d{9,15}");
    private static final Pattern NATIONAL_ID = Pattern.compile(
            "(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])"
                    + "|\\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b");
    private static final Pattern PHONE_NAME = Pattern.compile("(?i)phone|mobile|cell|tel(?:ephone)?\\b|msisdn");

    private PersonalData() {
    }

    /** Whether a column name suggests phone numbers (which lets plain digit strings count as phones). */
    public static boolean phoneName(String columnName) {
        return columnName != null && PHONE_NAME.matcher(columnName).find();
    }

    /**
     * Whether a number held as a value (not as text) can be personal data: only an integer of 9 to 15
     * digits can, as a card or phone number. Its text is then its digits; every other value is written
     * with a decimal point or an exponent ({@code Column#text}), which neither pattern lets through.
     * Lets a scan skip formatting a numeric cell to text just to find nothing in it.
     */
    public static boolean numberMayBe(double value) {
        double magnitude = Math.abs(value);
        return magnitude >= 1e8 && magnitude < 1e15 && value == Math.rint(value);
    }

    /** The first kind of personal data found in {@code text}, or {@code null}. */
    public static Kind find(String text, boolean phoneColumn) {
        if (text == null || text.length() < 7) {
            return null;
        }
        int digits = digits(text);
        if (digits < 4 && text.indexOf('@') < 0) {
            return null;
        }
        boolean plainNumber = !Double.isNaN(TypeInference.parseNumber(text));
        if (plainNumber) {
            // Plain numbers are card numbers or (in a phone column) phone numbers, nothing else.
            if (digits < 9 || digits < 13 && !phoneColumn) {
                return null;
            }
            String t = text.trim();
            if (find(CARD, t) != null) {
                return Kind.CARD;
            }
            return phoneColumn && PLAIN_PHONE.matcher(t).matches() ? Kind.PHONE : null;
        }
        if (text.indexOf('@') >= 0 && EMAIL.matcher(text).find()) {
            return Kind.EMAIL;
        }
        if (digits < 4) {
            return null;
        }
        for (Kind kind : new Kind[] {Kind.CARD, Kind.IBAN, Kind.NATIONAL_ID, Kind.PHONE, Kind.IP_ADDRESS}) {
            if (find(pattern(kind), text) != null) {
                return kind;
            }
        }
        return phoneColumn && PLAIN_PHONE.matcher(text.trim()).matches() ? Kind.PHONE : null;
    }

    /**
     * {@code text} with every match of a kind replaced by its mask. With {@code all} false only the
     * high-precision kinds (e-mail, Luhn-valid card, checksum-valid IBAN) are masked, for text from
     * columns not known to hold personal data.
     */
    public static String maskMatches(String text, boolean all) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Kind kind : Kind.values()) {
            if (!all && kind != Kind.EMAIL && kind != Kind.CARD && kind != Kind.IBAN) {
                continue;
            }
            // Cheap pre-tests: every e-mail has an @, every other kind at least two digits.
            if (kind == Kind.EMAIL ? out.indexOf('@') < 0 : digits(out) < 2) {
                continue;
            }
            Matcher m = pattern(kind).matcher(out);
            StringBuilder masked = new StringBuilder();
            int last = 0;
            while (m.find()) {
                if (valid(kind, m.group())) {
                    masked.append(out, last, m.start()).append(mask(kind, m.group()));
                    last = m.end();
                }
            }
            masked.append(out.substring(last));
            out = masked.toString();
        }
        return out;
    }

    /** A value of a personal-data column for display: its matches masked, or the whole value when nothing matched. */
    public static String maskValue(String value) {
        if (value == null || value.contains("***")) {
            return value == null ? null : maskMatches(value, true);
        }
        String masked = maskMatches(value, true);
        if (!masked.equals(value)) {
            return masked;
        }
        if (PLAIN_PHONE.matcher(value.trim()).matches()) {
            return generic(value.trim());
        }
        return generic(value);
    }

    static String mask(Kind kind, String value) {
        return switch (kind) {
            case EMAIL -> {
                int at = value.indexOf('@');
                String domain = value.substring(at + 1);
                int dot = domain.lastIndexOf('.');
                yield value.charAt(0) + "***@" + domain.charAt(0) + "***" + domain.substring(dot);
            }
            case CARD -> {
                String digits = value.replaceAll("\\D", "");
                yield "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
            }
            default -> generic(value);
        };
    }

    /** Letters and digits replaced by {@code *} except the last two; separators kept. */
    private static String generic(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int keepFrom = value.length() - 2;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(i < keepFrom && Character.isLetterOrDigit(c) ? '*' : c);
        }
        return out.toString();
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            Kind kind = pattern == CARD ? Kind.CARD : pattern == IBAN ? Kind.IBAN : null;
            if (kind == null || valid(kind, m.group())) {
                return m.group();
            }
        }
        return null;
    }

    private static Pattern pattern(Kind kind) {
        return switch (kind) {
            case EMAIL -> EMAIL;
            case CARD -> CARD;
            case IBAN -> IBAN;
            case IP_ADDRESS -> IP;
            case PHONE -> PHONE;
            case NATIONAL_ID -> NATIONAL_ID;
        };
    }

    private static boolean valid(Kind kind, String match) {
        return switch (kind) {
            case CARD -> luhn(match.replaceAll("\\D", ""));
            case IBAN -> ibanChecksum(match.replace(" ", ""));
            case PHONE -> {
                int d = digits(match);
                yield d >= 8 && d <= 15 || !match.startsWith("+") && d == 10;
            }
            default -> true;
        };
    }

    private static int digits(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return count;
    }

    /** Luhn checksum (ISO/IEC 7812-1) of a digit string of card length. */
    static boolean luhn(String digits) {
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616 check: move the first four characters to the end, letters to 10..35, the number mod 97 is 1. */
    static boolean ibanChecksum(String iban) {
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = (iban.substring(4) + iban.substring(0, 4)).toUpperCase(Locale.ROOT);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : Character.isLetter(c) ? c - 'A' + 10 : -1;
            if (value < 0 || value > 35) {
                return false;
            }
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder == 1;
    }
}
