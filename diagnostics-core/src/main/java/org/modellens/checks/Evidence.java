package org.modellens.checks;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a finding's evidence map in a fixed order, leaving out values that are not finite. */
final class Evidence {

    private final Map<String, Object> values = new LinkedHashMap<>();

    Evidence put(String name, double value) {
        if (Double.isFinite(value)) {
            values.put(name, value);
        }
        return this;
    }

    Evidence put(String name, long value) {
        values.put(name, value);
        return this;
    }

    Evidence put(String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    Map<String, Object> map() {
        return values;
    }
}
