package org.modellens.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.modellens.checks.FeatureDriftCheck;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.FeatureRole;

/**
 * The features whose distribution moved most, for the drift charts of both stakeholder reports: one
 * panel per measure, never two measures on one axis (a PSI of 0.3 and a KS distance of 0.3 are not the
 * same amount of change), each with the warn and fail levels the feature-drift check used.
 */
final class DriftRanking {

    private DriftRanking() {
    }

    /** The measures feature-drift judges, in the order the charts show them. */
    enum Measure {
        KS("KS distance", "numeric columns", "largest gap between the two cumulative distributions, 0 to 1",
                "drift.numeric.ks", d -> d.isNumeric() ? d.ks().statistic() : Double.NaN),
        PSI("PSI", "numeric columns", "population stability index on training deciles",
                "drift.numeric.psi", d -> d.isNumeric() ? d.psi() : Double.NaN),
        TOTAL_VARIATION("Total variation", "categorical columns", "share of rows that would have to change category, 0 to 1",
                "drift.categorical.tvd", d -> d.isNumeric() ? Double.NaN : d.totalVariationPooled());

        final String label;
        final String columns;
        final String meaning;
        final String settingsKey;
        final ToDoubleFunction<DriftStatistics> value;

        Measure(String label, String columns, String meaning, String settingsKey, ToDoubleFunction<DriftStatistics> value) {
            this.label = label;
            this.columns = columns;
            this.meaning = meaning;
            this.settingsKey = settingsKey;
            this.value = value;
        }

        /** The axis title: the measure, what it means, and the columns it is for. */
        String axisTitle() {
            return label + " (" + meaning + ")";
        }
    }

    /**
     * One chart: a measure, its warn and fail levels from the settings in force ({@code NaN} when the report
     * holds none), and the features with the largest values, largest first.
     */
    record Panel(Measure measure, double warn, double fail, List<FeatureDrift> features) {

        String title() {
            return measure.label + " of " + measure.columns
                    + (Double.isFinite(warn) ? ": warn at " + org.modellens.text.Numbers.number(warn) : "")
                    + (Double.isFinite(fail) ? ", fail at " + org.modellens.text.Numbers.number(fail) : "");
        }

        /**
         * The largest value the axis must show: the fail level with a margin and every bar, except a bar so far
         * out (over eight times the next largest value and the fail level: a PSI of 8 beside 0.3) that it would flatten the others;
         * that bar runs off the scale and says its value.
         */
        double axisMax() {
            double level = Double.isFinite(fail) ? fail * 1.1 : 0;
            double largest = features.isEmpty() ? 0 : features.get(0).value();
            double next = features.size() > 1 ? features.get(1).value() : 0;
            return offScale() ? Math.max(level, next * 1.15) : Math.max(level, largest);
        }

        /** Whether the largest bar runs off the scale ({@link #axisMax()}). */
        boolean offScale() {
            double level = Double.isFinite(fail) ? fail * 1.1 : 0;
            double largest = features.isEmpty() ? 0 : features.get(0).value();
            double next = features.size() > 1 ? features.get(1).value() : 0;
            return Math.max(level, next) > 0 && largest > 8 * Math.max(level, next);
        }
    }

    /**
     * One feature's bar. Its severity is the gravest level its value reaches on this measure's own scale,
     * but never above the feature-drift finding (whose significance gate a small sample may fail), so a
     * bar's colour always agrees with the lines it crosses and with the findings.
     */
    record FeatureDrift(String feature, String measure, double value, Severity severity) {
    }

    /** The panels that have at least one feature, each with at most {@code limit} features. */
    static List<Panel> panels(DiagnosticReport report, int limit) {
        Map<String, Severity> found = new HashMap<>();
        for (Finding finding : report.findings()) {
            if (FeatureDriftCheck.ID.equals(finding.check()) && finding.feature() != null) {
                found.merge(finding.feature(), finding.severity(), Severity::max);
            }
        }
        List<Panel> panels = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            double warn = setting(report, measure.settingsKey + ".warn");
            double fail = setting(report, measure.settingsKey + ".fail");
            List<FeatureDrift> drifts = new ArrayList<>();
            for (FeatureComparison feature : report.features()) {
                DriftStatistics drift = feature.drift();
                if (drift == null || feature.role() != FeatureRole.FEATURE) {
                    continue;
                }
                double value = measure.value.applyAsDouble(drift);
                if (Double.isFinite(value)) {
                    Severity reached = value >= fail ? Severity.FAIL : value >= warn ? Severity.WARN : Severity.INFO;
                    Severity finding = found.getOrDefault(feature.name(), Severity.INFO);
                    drifts.add(new FeatureDrift(feature.name(), measure.label, value,
                            reached.compareTo(finding) <= 0 ? reached : finding));
                }
            }
            drifts.sort((a, b) -> Double.compare(b.value(), a.value()));
            if (!drifts.isEmpty()) {
                panels.add(new Panel(measure, warn, fail, List.copyOf(drifts.subList(0, Math.min(limit, drifts.size())))));
            }
        }
        return panels;
    }

    private static double setting(DiagnosticReport report, String key) {
        Double value = report.settings().get(key);
        return value == null ? Double.NaN : value;
    }
}
