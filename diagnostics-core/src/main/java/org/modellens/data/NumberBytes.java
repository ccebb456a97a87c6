package org.modellens.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * {@link TypeInference#parseNumber(String)} on UTF-8 bytes, without making a String: the same value
 * for the same text, bit for bit. The rule is TypeInference's (its class documentation, "Numbers"),
 * and so is the fast path: plain decimals within {@link TypeInference#FAST_DIGITS} significant and
 * {@link TypeInference#FAST_FRACTION} fraction digits take {@link TypeInference#exactDecimal};
 * everything else goes to fastdoubleparser, which equals {@link Double#parseDouble} by design. Only
 * the scan is written twice, once over chars and once over bytes: Java has no loop generic over
 * both that costs nothing per character. A property test holds the two scans to Double.parseDouble's
 * bits ({@code NumberParsersPropertiesTest}).
 */
final class NumberBytes {

    private NumberBytes() {
    }

    /** The number in {@code bytes[from, to)}, or NaN when the text is no number by {@link TypeInference}'s rules. */
    static double parse(byte[] bytes, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && (bytes[start] & 0xff) <= ' ') {
            start++;
        }
        while (end > start && (bytes[end - 1] & 0xff) <= ' ') {
            end--;
        }
        if (start == end) {
            return Double.NaN;
        }
        int i = start;
        boolean negative = false;
        byte c = bytes[i];
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
            c = bytes[i];
            if (c >= '0' && c <= '9') {
                sawDigit = true;
                if (digits > 0 || c != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (dot) {
                    fraction++;
                }
                if (digits > TypeInference.FAST_DIGITS || fraction > TypeInference.FAST_FRACTION) {
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
            return sawDigit ? TypeInference.exactDecimal(mantissa, fraction, negative) : Double.NaN;
        }
        // Slow path as parseNumber: letters other than e/E (and any non-ASCII byte, which the JDK's
        // grammar refuses too) are no number; the rest is Java's floating-point literal syntax.
        for (int k = start; k < end; k++) {
            int b = bytes[k];
            if (b < 0 || (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z') && b != 'e' && b != 'E') {
                return Double.NaN;
            }
        }
        try {
            double v = JavaDoubleParser.parseDouble(bytes, start, end - start);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The number in {@code bytes[from, to)} when it is a plain number ({@link Column#isPlainNumber}),
     * else NaN: one scan for the common cell, which {@link #parse} followed by a plainness test would
     * read twice. A plain number has at most 15 significant digits, so the value is {@link #parse}'s
     * fast path's, bit for bit (its slow path's when the digits run past 10^-22).
     */
    static double parsePlain(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = i < to && bytes[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        long mantissa = 0;
        int significant = 0;
        for (; i < to; i++) {
            int c = bytes[i] - '0';
            if (c < 0 || c > 9) {
                break;
            }
            mantissa = mantissa * 10 + c;
            if (significant > 0 || c != 0) {
                significant++;
            }
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || intDigits > 1 && bytes[intStart] == '0') {
            return Double.NaN;
        }
        int fraction = 0;
        if (i < to) {
            if (bytes[i] != '.' || i + 1 == to) {
                return Double.NaN;
            }
            for (i++; i < to; i++) {
                int c = bytes[i] - '0';
                if (c < 0 || c > 9) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + c;
                if (significant > 0 || c != 0) {
                    significant++;
                }
                fraction++;
            }
        }
        if (significant > TypeInference.FAST_DIGITS) {
            return Double.NaN;
        }
        if (fraction > TypeInference.FAST_FRACTION) {
            return parse(bytes, from, to); // plain, but beyond the exact powers of ten: the full rules
        }
        return TypeInference.exactDecimal(mantissa, fraction, negative);
    }
}
