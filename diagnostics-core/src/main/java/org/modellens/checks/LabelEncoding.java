package org.modellens.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches the values of the target column to the model's classes. A value matches a class when it is
 * the same text; else the same number ("1" and "1.0"); else, for a two-class model, the same truth
 * value (1/true/yes/y/t and 0/false/no/n/f, any case); else the same text ignoring case. A value that
 * matches no class is reported, never guessed.
 */
public final class LabelEncoding {

    private static final Set<String> TRUE_WORDS = Set.of("1", "true", "yes", "y", "t");
    private static final Set<String> FALSE_WORDS = Set.of("0", "false", "no", "n", "f");

    private final List<String> classes;
    private final Map<String, Integer> cache = new HashMap<>();

    public LabelEncoding(List<String> classes) {
        this.classes = List.copyOf(classes);
    }

    /** The index of the class {@code value} stands for, or -1 when it matches none. */
    public int classIndex(String value) {
        return cache.computeIfAbsent(value, this::match);
    }

    private int match(String value) {
        String trimmed = value.trim();
        for (int k = 0; k < classes.size(); k++) {
            if (classes.get(k).equals(value) || classes.get(k).trim().equals(trimmed)) {
                return k;
            }
        }
        Double number = number(trimmed);
        if (number != null) {
            for (int k = 0; k < classes.size(); k++) {
                Double classNumber = number(classes.get(k).trim());
                if (number.equals(classNumber)) {
                    return k;
                }
            }
        }
        Boolean truth = truth(trimmed);
        if (truth != null && classes.size() == 2) {
            List<Integer> same = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                if (truth.equals(truth(classes.get(k).trim()))) {
                    same.add(k);
                }
            }
            if (same.size() == 1) {
                return same.get(0);
            }
        }
        for (int k = 0; k < classes.size(); k++) {
            if (classes.get(k).trim().equalsIgnoreCase(trimmed)) {
                return k;
            }
        }
        return -1;
    }

    private static Double number(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v + 0.0 : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean truth(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Double number = number(lower);
        if (number != null) {
            return number == 1.0 ? Boolean.TRUE : number == 0.0 ? Boolean.FALSE : null;
        }
        return TRUE_WORDS.contains(lower) ? Boolean.TRUE : FALSE_WORDS.contains(lower) ? Boolean.FALSE : null;
    }
}
