package org.modellens.report;

import java.util.ArrayList;
import java.util.List;

import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.data.ColumnType;
import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.FeatureRole;
import org.modellens.stats.DecileJensenShannon;

/**
 * One line per column of how far its distribution moved, on a scale every type shares: the
 * Jensen-Shannon distance (base 2, 0 = the same, 1 = no overlap) between training and production
 * shares, of the categories for a categorical column (the report's {@code jensenShannon}) and of the
 * training deciles for a numeric one ({@link DecileJensenShannon}). Beside it, the statistic the
 * feature-drift check judges for that type (KS distance or pooled total variation), PSI where it
 * exists, and the check's verdict. Columns without both sides' values (an id, a column production
 * lacks, dates) keep their line with {@code NaN}.
 *
 * @param feature        the column
 * @param role           feature, target or id
 * @param type           the column's type
 * @param jensenShannon  the shared-scale distance, {@code NaN} where not measured
 * @param statistic      "ks" or "totalVariationPooled", {@code null} where not measured
 * @param statisticValue its value, {@code NaN} where not measured
 * @param psi            population stability index (numeric columns), else {@code NaN}
 * @param severity       the feature-drift finding's severity on the column, {@code null} without one
 */
public record DriftSummary(String feature, FeatureRole role, ColumnType type, double jensenShannon, String statistic,
                           double statisticValue, double psi, Severity severity) {

    /** Every column of the report, in report order. */
    public static List<DriftSummary> of(DiagnosticReport report) {
        List<DriftSummary> lines = new ArrayList<>(report.features().size());
        for (FeatureComparison feature : report.features()) {
            lines.add(of(feature, report.findings()));
        }
        return lines;
    }

    static DriftSummary of(FeatureComparison feature, List<Finding> findings) {
        Severity severity = findings.stream()
                .filter(f -> "feature-drift".equals(f.check()) && feature.name().equals(f.feature()))
                .map(Finding::severity).max(Enum::compareTo).orElse(null);
        DriftStatistics drift = feature.drift();
        if (drift == null) {
            return new DriftSummary(feature.name(), feature.role(), feature.type(), Double.NaN, null, Double.NaN, Double.NaN, severity);
        }
        if (drift.isNumeric()) {
            double js = feature.trainSorted() != null && feature.prodSorted() != null
                    && feature.trainSorted().length > 0 && feature.prodSorted().length > 0
                    ? DecileJensenShannon.distance(feature.trainSorted(), feature.prodSorted()) : Double.NaN;
            return new DriftSummary(feature.name(), feature.role(), feature.type(), js, "ks", drift.ks().statistic(),
                    drift.psi(), severity);
        }
        return new DriftSummary(feature.name(), feature.role(), feature.type(), drift.jensenShannon(), "totalVariationPooled",
                drift.totalVariationPooled(), Double.NaN, severity);
    }
}
