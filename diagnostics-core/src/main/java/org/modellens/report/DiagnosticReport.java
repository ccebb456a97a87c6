package org.modellens.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.modellens.causes.Cause;
import org.modellens.causes.PerformanceSection;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.profile.FeatureComparison;
import org.modellens.timeline.Timeline;

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
 * @param causes      findings grouped into causes, the one costing the model most first (DESIGN.md section 5)
 * @param performance the model's performance against its baseline, or {@code null} without a model and labels
 * @param timeline    production chunk by chunk, or {@code null} without a time column (DESIGN.md section 6)
 * @param comparison  what is new, gone, worse or better since a previous report ({@code --compare-to}), or {@code null}
 * @param identity    the report's id and the model's name, owner and intended use, or {@code null} when not made by a diagnosis
 */
public record DiagnosticReport(String toolVersion, Inputs inputs, List<Finding> findings,
                               List<FeatureComparison> features, Map<String, Double> settings,
                               ModelSection model, Explanations explanations, List<Cause> causes,
                               PerformanceSection performance, Timeline timeline, ReportComparison comparison,
                               ReportIdentity identity) {

    public DiagnosticReport {
        findings = List.copyOf(findings);
        features = List.copyOf(features);
        settings = Map.copyOf(settings);
        causes = causes == null ? List.of() : List.copyOf(causes);
    }

    /** A report without causes, performance section or timeline. */
    public DiagnosticReport(String toolVersion, Inputs inputs, List<Finding> findings,
                            List<FeatureComparison> features, Map<String, Double> settings,
                            ModelSection model, Explanations explanations) {
        this(toolVersion, inputs, findings, features, settings, model, explanations, List.of(), null, null, null, null);
    }

    /** A report with causes, performance and timeline, not compared with a previous one. */
    public DiagnosticReport(String toolVersion, Inputs inputs, List<Finding> findings,
                            List<FeatureComparison> features, Map<String, Double> settings,
                            ModelSection model, Explanations explanations, List<Cause> causes,
                            PerformanceSection performance, Timeline timeline) {
        this(toolVersion, inputs, findings, features, settings, model, explanations, causes, performance, timeline, null, null);
    }

    /** The same report with its causes and performance section. */
    public DiagnosticReport withCauses(List<Cause> newCauses, PerformanceSection newPerformance) {
        return new DiagnosticReport(toolVersion, inputs, findings, features, settings, model, explanations,
                newCauses, newPerformance, timeline, comparison, identity);
    }

    /** The same report with its timeline. */
    public DiagnosticReport withTimeline(Timeline newTimeline) {
        return new DiagnosticReport(toolVersion, inputs, findings, features, settings, model, explanations,
                causes, performance, newTimeline, comparison, identity);
    }

    /** The same report compared with a previous one. */
    public DiagnosticReport withComparison(ReportComparison newComparison) {
        return new DiagnosticReport(toolVersion, inputs, findings, features, settings, model, explanations,
                causes, performance, timeline, newComparison, identity);
    }

    /** The same report with its identity. */
    public DiagnosticReport withIdentity(ReportIdentity newIdentity) {
        return new DiagnosticReport(toolVersion, inputs, findings, features, settings, model, explanations,
                causes, performance, timeline, comparison, newIdentity);
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
