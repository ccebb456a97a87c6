package org.modellens.app.ui;

import java.util.Locale;

/** How numbers read in the workbench: shares as percentages, statistics to three significant digits. */
public final class Formats {

    private Formats() {
    }

    /** A share 0..1 as a percentage with one decimal; an en dash when not a number. */
    public static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : "\u2013";
    }

    /** A statistic to three significant digits (p-values below 1e-4 in scientific notation). */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return "\u2013";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e7)) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
    }

    /** An evidence value: numbers by {@link #number(double)}, anything else as text. */
    public static String evidence(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return number(number.doubleValue());
        }
        return String.valueOf(value);
    }
}
