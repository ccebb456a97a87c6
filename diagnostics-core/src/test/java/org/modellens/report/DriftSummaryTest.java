package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modellens.checks.Severity;
import org.modellens.profile.FeatureComparison;
import org.modellens.stats.DecileJensenShannon;

/**
 * The drift summary of the sample case: a line per column, categorical lines carrying the report's
 * own Jensen-Shannon distance, numeric ones the decile distance of the report's sorted values, and the
 * columns the sample case plants drift in ranking above those it leaves alone.
 */
class DriftSummaryTest {

    @Test
    void everyColumnHasALineOnTheSharedScale() {
        DiagnosticReport report = ReportFixtures.sample();
        List<DriftSummary> lines = DriftSummary.of(report);
        assertThat(lines).extracting(DriftSummary::feature)
                .containsExactlyElementsOf(report.features().stream().map(FeatureComparison::name).toList());
        for (int i = 0; i < lines.size(); i++) {
            DriftSummary line = lines.get(i);
            FeatureComparison feature = report.features().get(i);
            if (feature.drift() == null) {
                assertThat(line.jensenShannon()).isNaN();
                continue;
            }
            assertThat(line.jensenShannon()).as(line.feature()).isBetween(0.0, 1.0);
            if (feature.drift().isNumeric()) {
                assertThat(line.jensenShannon()).isCloseTo(
                        DecileJensenShannon.distance(feature.trainSorted(), feature.prodSorted()), within(1e-15));
                assertThat(line.statistic()).isEqualTo("ks");
                assertThat(line.statisticValue()).isEqualTo(feature.drift().ks().statistic());
                assertThat(line.psi()).isEqualTo(feature.drift().psi());
            } else {
                assertThat(line.jensenShannon()).isEqualTo(feature.drift().jensenShannon());
                assertThat(line.statistic()).isEqualTo("totalVariationPooled");
                assertThat(line.psi()).isNaN();
            }
        }
        // Every column feature-drift alarms on moved more than every column it passed as unmoved.
        double alarmedLeast = lines.stream().filter(l -> l.severity() == Severity.WARN || l.severity() == Severity.FAIL)
                .mapToDouble(DriftSummary::jensenShannon).min().orElseThrow();
        List<DriftSummary> quiet = lines.stream().filter(l -> l.severity() == null && Double.isFinite(l.jensenShannon()))
                .sorted(Comparator.comparingDouble(DriftSummary::jensenShannon)).toList();
        assertThat(quiet).isNotEmpty();
        assertThat(quiet.get(quiet.size() - 1).jensenShannon()).isLessThan(alarmedLeast);
    }
}
