package org.modellens.profile;

import java.util.Locale;

/** What a column is for in the analysis. */
public enum FeatureRole {
    FEATURE, TARGET, ID;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
