package org.modellens.checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One thing a check found, in words a stakeholder understands and with the numbers behind it.
 *
 * @param check    the check id (DESIGN.md section 4)
 * @param feature  the column concerned, or {@code null} for a dataset-level finding
 * @param severity how much it matters
 * @param title    one line a stakeholder understands
 * @param detail   what was measured and why it matters
 * @param evidence named statistics, in insertion order (alphabetical when given as {@code Map.of}, which has
 *                 none); values are numbers or short strings
 * @param rows     affected production rows, or {@code null} where rows do not apply
 */
public record Finding(String check, String feature, Severity severity, String title, String detail,
                      Map<String, Object> evidence, AffectedRows rows) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(unordered(evidence) ? new TreeMap<>(evidence) : evidence));
    }

    /**
     * {@code Map.of} and {@code Map.copyOf} iterate in an order that changes from run to run (a per-process
     * salt), which made the same inputs give JSON reports that differ in key order.
     */
    private static boolean unordered(Map<String, Object> evidence) {
        return evidence.getClass().getName().startsWith("java.util.ImmutableCollections$Map");
    }
}
