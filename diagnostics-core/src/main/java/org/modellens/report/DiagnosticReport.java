package org.modellens.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.profile.FeatureComparison;

/**
 * Everything one diagnosis found: the single object that the JSON, Excel and PDF writers and the
 * workbench all show, so no figure is computed twice.
 *
 * @param toolVersion ModelLens version
 * @param inputs      what was analysed
 * @param findings    findings, gravest first
 * @param features    one comparison per training column, in file order
 * @param settings    thresholds in force
 * @param model       the model section, or {@code null} when no model was given
 * @param explanations feature attributions, or {@code null} when no model was given
 */
public record DiagnosticReport(String toolVersion, Inputs inputs, List<Finding> findings,
                               List<FeatureComparison> features, Map<String, Double> settings,
                               ModelSection model, Explanations explanations) {

    public DiagnosticReport {
        findings = List.copyOf(findings);
        features = List.copyOf(features);
        settings = Map.copyOf(settings);
    }

    /** The gravest severity among the findings, {@code null} when there are none. */
    public Severity worstSeverity() {
        return findings.stream().map(Finding::severity).max(Enum::compareTo).orElse(null);
    }

    /** pass, warn or fail: the gravest warn/fail finding, pass when there is none. */
    public String verdict() {
        Severity worst = worstSeverity();
        return worst == null || worst == Severity.INFO ? "pass" : worst.jsonName();
    }

    public Map<Severity, Long> counts() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return counts;
    }
}
