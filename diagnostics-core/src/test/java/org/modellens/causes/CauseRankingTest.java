package org.modellens.causes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * Ranking by performance on every metric, on a planted label shift ({@code make_label_shift_fixture.py} beside the
 * fixture: the inputs of prod_shift.csv, a seeded 15% of outcomes set to 1). AUC cannot see a class mix; log-loss,
 * Brier, accuracy and the expected cost pay for it, and the oracle (XGBoost and scikit-learn) says it costs more
 * than the planted tenure drift and the drift of a column the model does not read.
 */
class CauseRankingTest {

    private static final Path FIXTURE = Path.of("src/test/resources/org/modellens/causes");
    private static final List<String> LOSSES = List.of("logLoss", "brier", "accuracy", "expectedCost");

    private static JsonNode oracle;
    private static DiagnosticReport report;

    @BeforeAll
    static void diagnose() throws Exception {
        oracle = new ObjectMapper().readTree(FIXTURE.resolve("oracle_label.json").toFile());
        report = Diagnosis.run(new DiagnosisRequest(FIXTURE.resolve("train.csv"), FIXTURE.resolve("prod_label.csv"), "label",
                "auto", Set.of(), Set.of(), Settings.defaults(), FIXTURE.resolve("model.json"), List.of(), null),
                ProgressListener.NONE);
    }

    private static Cause causeOn(String column) {
        return report.causes().stream().filter(c -> c.features().contains(column)).findFirst().orElseThrow();
    }

    @Test
    void eachLossMetricsNoiseIsTheOraclesStandardErrorAndTheHeadlineKeepsItsInterval() {
        PerformanceSection performance = report.performance();
        for (String metric : LOSSES) {
            assertThat(performance.metrics().get(metric).prod()).as(metric)
                    .isCloseTo(oracle.at("/prod/" + metric).asDouble(), within(1e-6));
            assertThat(performance.noise().get(metric)).as(metric).isCloseTo(oracle.at("/noise/" + metric).asDouble(), within(1e-6));
        }
        assertThat(performance.metric()).isEqualTo("auc");
        assertThat(performance.noise().get("auc")).isEqualTo((performance.prod().upper() - performance.prod().lower()) / 2);
    }

    @Test
    void aMaterialLabelShiftRanksAboveTheCausesThatCostLess() {
        // The planted truth: the label change costs more than its noise on every loss, and more than the tenure drift.
        for (String metric : LOSSES) {
            double label = oracle.at("/labelCost/" + metric).asDouble();
            assertThat(label).as(metric).isGreaterThan(oracle.at("/noise/" + metric).asDouble())
                    .isGreaterThan(oracle.at("/tenureCost/" + metric).asDouble());
        }
        CauseInvariants.check(report);
        Cause label = report.causes().stream().filter(c -> c.kind().equals("label-shift")).findFirst().orElseThrow();
        CauseImpact.PerformanceImpact part = label.impact().performance();
        // AUC cannot see it: the headline part is nothing, yet the losses' parts are beyond their noise.
        assertThat(part.recovered()).isZero();
        assertThat(CauseRanking.material(part, report.performance())).isFalse();
        assertThat(part.byMetric().get("logLoss")).isGreaterThan(report.performance().noise().get("logLoss"));
        double cost = CauseRanking.performanceCost(part, report.performance());
        assertThat(Double.isFinite(cost) && cost > 1).as("its cost in multiples of the noise, %s", cost).isTrue();

        assertThat(label.rank()).isLessThan(causeOn("tenure").rank()).isLessThan(causeOn("unused_score").rank());
    }
}
