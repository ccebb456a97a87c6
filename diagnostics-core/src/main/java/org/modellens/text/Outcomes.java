package org.modellens.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Outcome classes named as a reader finds them in the data, for every sentence, header and chart of the
 * reports: a number or a truth value is named with its column ({@code defaulted = 1}, {@code churned =
 * true}), a text label by itself ({@code default}). Never "class 1" or "the positive class".
 */
public final class Outcomes {

    private static final Set<String> TRUTH_WORDS = Set.of("true", "false", "yes", "no", "y", "n", "t", "f");

    private Outcomes() {
    }

    /**
     * @param target the target column, or {@code null} when unknown
     * @param label  the class's label as it is written in the data
     */
    public static String name(String target, String label) {
        if (label == null) {
            return target == null ? "the outcome" : target;
        }
        String trimmed = label.trim();
        boolean bare = isNumber(trimmed) || TRUTH_WORDS.contains(trimmed.toLowerCase(Locale.ROOT)) || trimmed.isEmpty();
        return bare && target != null ? target + " = " + label : label;
    }

    /** A binary target's positive class (the model's second class), by its label in the data. */
    public static String positive(String target, List<String> labels) {
        return name(target, labels != null && labels.size() > 1 ? labels.get(1) : "1");
    }

    /** A binary target's negative class (the model's first class), by its label in the data. */
    public static String negative(String target, List<String> labels) {
        return name(target, labels != null && labels.size() > 1 ? labels.get(0) : "0");
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
