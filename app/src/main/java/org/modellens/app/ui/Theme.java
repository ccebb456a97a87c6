package org.modellens.app.ui;

import java.util.List;

/** The light and dark themes: a token file each, and the shared component stylesheet over them. */
public enum Theme {
    LIGHT("tokens.css"), DARK("tokens-dark.css");

    private static final String FOLDER = "/org/modellens/ui/theme/";
    private final String tokens;

    Theme(String tokens) {
        this.tokens = tokens;
    }

    /** Stylesheets in the order they apply: tokens first, then components that use only the tokens. */
    public List<String> stylesheets() {
        return List.of(url(tokens), url("app.css"));
    }

    private static String url(String name) {
        java.net.URL resource = Theme.class.getResource(FOLDER + name);
        if (resource == null) {
            throw new IllegalStateException("missing stylesheet " + FOLDER + name);
        }
        return resource.toExternalForm();
    }
}
