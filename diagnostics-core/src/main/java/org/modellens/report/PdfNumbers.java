package org.modellens.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the PDF prints numbers: four significant digits, thousands separated by commas, ASCII minus,
 * scientific notation outside 0.001..10^9, an en dash for a value that does not exist. A reader can
 * parse every printed number back (the tests do, to check each equals the report's).
 */
final class PdfNumbers {

    /** Significant digits printed; the tests compare within half a unit of the last one. */
    static final int SIGNIFICANT = 4;
    static final String NONE = "–";

    private PdfNumbers() {
    }

    static String number(double value) {
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
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e9)) {
            return String.format(Locale.ROOT, "%." + (SIGNIFICANT - 1) + "e", value);
        }
        double rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT)).doubleValue();
        return grouped("#,##0.##########").format(rounded);
    }

    static String count(long value) {
        return grouped("#,##0").format(value);
    }

    /** A share as a percentage with one decimal: 0.2463 prints as 24.6%. */
    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : NONE;
    }

    private static DecimalFormat grouped(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
