package org.modellens;

import java.util.Locale;
import java.util.ResourceBundle;

/** ModelLens's text bundles: one {@code .properties} file each, in English. */
public final class TextBundles {

    private TextBundles() {
    }

    /**
     * The bundle {@code baseName} from its {@code .properties} file alone. The default lookup also asks the class
     * path for a bundle class and, through a service loader, for control providers: a scan of every jar that
     * cost the command line about 8 ms before its first line of work, for files that do not exist.
     */
    public static ResourceBundle load(String baseName) {
        return ResourceBundle.getBundle(baseName, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
