package org.modellens.app.ui;

import java.util.Locale;

import org.modellens.text.Numbers;

/** How numbers read in the workbench: shares as percentages, statistics to three significant digits. */
public final class Formats {

    private Formats() {
    }

    /** A share 0..1 as a percentage with one decimal; an en dash when not a number. */
    public static String percent(double share) {
        return Numbers.percent(share);
    }

    /** A statistic to three significant digits. */
    public static String number(double value) {
        return Numbers.number(value, 3);
    }

    /** A p-value: "< 1e-300" where it underflows, else to three significant digits. */
    public static String pValue(double p) {
        return Numbers.pValue(p);
    }

    /** An evidence value: numbers by {@link #number(double)}, anything else as text. */
    public static String evidence(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return Numbers.count(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return number(number.doubleValue());
        }
        return String.valueOf(value);
    }
}
