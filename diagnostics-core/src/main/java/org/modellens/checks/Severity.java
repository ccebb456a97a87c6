package org.modellens.checks;

import java.util.Locale;

/** How much a finding matters; ordered from least to most serious. */
public enum Severity {
    /** Measured, below alarm level. */
    INFO,
    /** Material: a person should look. */
    WARN,
    /** The model's output is unreliable or the pipeline is broken. */
    FAIL;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
