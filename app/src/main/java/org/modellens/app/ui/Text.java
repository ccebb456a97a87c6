package org.modellens.app.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The workbench's user-facing text, from the ui-resources bundle shared with the command line. */
public final class Text {

    private static final ResourceBundle BUNDLE = org.modellens.TextBundles.load("org.modellens.ui.messages");

    private Text() {
    }

    /**
     * The text for {@code key}, always through {@link MessageFormat} (so every workbench text writes an
     * apostrophe as two), with {@code args} put in.
     */
    public static String get(String key, Object... args) {
        return new MessageFormat(BUNDLE.getString(key), Locale.ROOT).format(args);
    }

    /** The text for {@code key}, or {@code null} when the bundle has none. */
    public static String find(String key, Object... args) {
        try {
            return get(key, args);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    public static ResourceBundle bundle() {
        return BUNDLE;
    }
}
