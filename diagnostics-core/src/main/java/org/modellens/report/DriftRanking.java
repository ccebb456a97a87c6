package org.modellens.report;

import java.util.ArrayList;
import java.util.List;

import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.FeatureRole;

/** The features whose distribution moved most, for the drift charts of both stakeholder reports. */
final class DriftRanking {

    private DriftRanking() {
    }

    /**
     * The drift of each feature on one scale from 0 to 1, largest first: the KS distance for numeric
     * columns, the pooled total variation (the one feature-drift judges) for categorical ones.
     * Both read as "the share of rows that differ".
     */
    static List<FeatureDrift> top(DiagnosticReport report, int limit) {
        List<FeatureDrift> drifts = new ArrayList<>();
        for (FeatureComparison feature : report.features()) {
            DriftStatistics drift = feature.drift();
            if (drift == null || feature.role() != FeatureRole.FEATURE) {
                continue;
            }
            if (drift.isNumeric()) {
                drifts.add(new FeatureDrift(feature.name(), "KS distance", drift.ks().statistic()));
            } else if (Double.isFinite(drift.totalVariationPooled())) {
                drifts.add(new FeatureDrift(feature.name(), "total variation", drift.totalVariationPooled()));
            }
        }
        drifts.sort((a, b) -> Double.compare(b.value(), a.value()));
        return drifts.subList(0, Math.min(limit, drifts.size()));
    }

    /** One feature's drift on the 0..1 scale the charts share. */
    record FeatureDrift(String feature, String measure, double value) {
    }

}
