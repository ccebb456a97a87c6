package org.modellens.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The words of the Excel and PDF reports, from {@code stakeholder.properties} beside this class. */
final class StakeholderText {

    private static final ResourceBundle BUNDLE = org.modellens.TextBundles.load("org.modellens.report.stakeholder");

    private StakeholderText() {
    }

    static String get(String key, Object... arguments) {
        String pattern = BUNDLE.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    /** What a person should do about a finding of this check, naming the column (or "the dataset"). */
    static String whatToDo(String check, String feature) {
        String subject = feature == null ? get("dataset") : feature;
        try {
            return get("todo." + check, subject);
        } catch (MissingResourceException e) {
            return get("todo.default");
        }
    }

    /**
     * As {@link #whatToDo(String, String)}, for a column the model does not read ({@code unused}): the
     * advice is about the data, never "remove it from the model", and says the scores are unaffected.
     */
    static String whatToDo(String check, String feature, boolean unused) {
        if (!unused) {
            return whatToDo(check, feature);
        }
        String key = "todoUnused." + check;
        return (BUNDLE.containsKey(key) ? get(key, feature) : whatToDo(check, feature)) + " " + get("note.unusedColumn", feature);
    }

    static boolean hasWhatToDo(String check) {
        return BUNDLE.containsKey("todo." + check);
    }
}
