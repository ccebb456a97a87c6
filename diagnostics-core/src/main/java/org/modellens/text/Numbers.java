package org.modellens.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How ModelLens prints a number for a person, in check text, the PDF, the workbook's text and the
 * workbench alike: commas between thousands, ASCII minus, an en dash for a value that does not exist.
 * Statistics go to scientific notation only outside 0.001..10^9; money and counts never do; a
 * p-value too small for a double reads "< 1e-300", not 0.
 */
public final class Numbers {

    /** Printed where a value does not exist (not measured, not a number). */
    public static final String NONE = "\u2013";
    /** The smallest p-value quoted; scipy's p-values underflow to 0 below about 1e-308. */
    private static final double SMALLEST_P = 1e-300;

    private Numbers() {
    }

    /** A statistic to four significant digits. */
    public static String number(double value) {
        return number(value, 4);
    }

    /** A statistic to {@code significant} digits; whole numbers below 10^12 in full. */
    public static String number(double value, int significant) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e12) {
            return grouped("#,##0").format(value);
        }
        if (magnitude < 1e-3 || magnitude >= 1e9) {
            return String.format(Locale.ROOT, "%." + (significant - 1) + "e", value);
        }
        double rounded = new BigDecimal(value).round(new MathContext(significant)).doubleValue();
        return grouped("#,##0.##########").format(rounded);
    }

    /** A count: every digit, thousands separated. */
    public static String count(long value) {
        return grouped("#,##0").format(value);
    }

    /** A share as a percentage with one decimal: 0.2463 prints as 24.6%. */
    public static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : NONE;
    }

    /** A p-value: four significant digits like every statistic, and "< 1e-300" where the double underflowed to 0. */
    public static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return NONE;
        }
        if (p < SMALLEST_P) {
            return "< 1e-300";
        }
        return number(p);
    }

    /**
     * An amount of money, never in scientific notation: whole units from 1,000 up, cents from 1, and
     * four significant digits below 1 (an expected cost per decision of 0.07253 is not "0.07").
     *
     * @param currency the currency's code or sign as the user set it; empty for none
     */
    public static String money(double amount, String currency) {
        if (!Double.isFinite(amount)) {
            return NONE;
        }
        double magnitude = Math.abs(amount);
        String digits = magnitude >= 1 || magnitude < 1e-12
                ? grouped(magnitude >= 1000 ? "#,##0" : "#,##0.00")
                        .format(new BigDecimal(amount).setScale(magnitude >= 1000 ? 0 : 2, RoundingMode.HALF_EVEN))
                : decimal(amount, 4);
        return currency == null || currency.isBlank() ? digits : digits + " " + currency.strip();
    }

    /** A number to {@code significant} digits in plain decimal notation, however small: 0.000630, never 6.30e-04. */
    public static String decimal(double value, int significant) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(significant, RoundingMode.HALF_EVEN));
        if (Math.abs(value) >= 1000) {
            return grouped("#,##0.##########").format(rounded);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** An identifier-like number (a seed, a year): digits only, no separators. */
    public static String plain(long value) {
        return Long.toString(value);
    }

    private static DecimalFormat grouped(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
