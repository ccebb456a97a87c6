package org.modellens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modellens.checks.FeatureDriftCheck;
import org.modellens.checks.Finding;
import org.modellens.checks.LabelDriftCheck;
import org.modellens.data.Sampling;
import org.modellens.data.Snapshot;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.StatisticAccuracy;

/**
 * Says on each finding what its figures were computed on when a snapshot holds a sample of its file
 * (a streamed file or a profile): a drift finding on a numeric column gets the KS error bound, and a
 * finding whose affected rows were counted on the production sample says so. Counts over the whole
 * file need no word: they are what a finding means by default.
 */
final class SampleEvidence {

    private SampleEvidence() {
    }

    static List<Finding> annotate(List<Finding> findings, List<FeatureComparison> comparisons, Snapshot train, Snapshot prod) {
        Map<String, FeatureComparison> byName = new LinkedHashMap<>();
        comparisons.forEach(c -> byName.put(c.name(), c));
        Sampling trainSampling = train.sampling().orElse(null);
        Sampling prodSampling = prod.sampling().orElse(null);
        List<Finding> annotated = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Map<String, Object> evidence = new LinkedHashMap<>(finding.evidence());
            if (finding.rows() != null && finding.rows().sample() != null) {
                evidence.put("rowsCountedOn", "the sample of " + rows(finding.rows().sample().rows(),
                        finding.rows().sample().fileRows()) + " production rows");
            }
            FeatureComparison feature = finding.feature() == null ? null : byName.get(finding.feature());
            boolean drift = finding.check().equals(FeatureDriftCheck.ID) || finding.check().equals(LabelDriftCheck.ID);
            Map<String, Object> accuracy = feature == null || !drift || feature.drift() == null || !feature.drift().isNumeric()
                    ? Map.of() : StatisticAccuracy.of(feature, trainSampling, prodSampling);
            if (!accuracy.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> approximate = (Map<String, Object>) accuracy.get("approximate");
                @SuppressWarnings("unchecked")
                Map<String, Object> ks = (Map<String, Object>) approximate.get("ks.statistic");
                evidence.put("ksErrorBound", ks.get("errorBound"));
                evidence.put("computedOn", "uniform samples of " + rows(train.rows(), train.fileRows()) + " training and "
                        + rows(prod.rows(), prod.fileRows()) + " production rows; bounds at 95% in features[].accuracy");
            }
            annotated.add(evidence.equals(finding.evidence()) ? finding : new Finding(finding.check(), finding.feature(),
                    finding.severity(), finding.title(), finding.detail(), evidence, finding.rows()));
        }
        return annotated;
    }

    private static String rows(long held, long file) {
        return String.format(Locale.ROOT, "%,d of %,d", held, file);
    }
}
