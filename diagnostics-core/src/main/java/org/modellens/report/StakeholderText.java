package org.modellens.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The words of the Excel and PDF reports, from {@code stakeholder.properties} beside this class. */
final class StakeholderText {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.modellens.report.stakeholder", Locale.ROOT);

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

    static boolean hasWhatToDo(String check) {
        return BUNDLE.containsKey("todo." + check);
    }
}
