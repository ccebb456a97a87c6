package org.modellens.causes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.checks.Settings;
import org.modellens.explain.ExplainRows;
import org.modellens.report.DiagnosticReport;

/**
 * The measured side of causes on planted cases whose truth XGBoost and scikit-learn computed
 * ({@code make_impact_cases.py} beside the fixtures): the repair of a renamed input, the fair baseline,
 * the decomposition's closure and the label-free estimate.
 */
class CauseImpactsTest {

    private static final double ORACLE = 1e-6;

    private static Path dir(String name) throws Exception {
        return Path.of(CauseImpactsTest.class.getResource(name + "/oracle.json").toURI()).getParent();
    }

    private static JsonNode oracle(String name) throws Exception {
        return new ObjectMapper().readTree(dir(name).resolve("oracle.json").toFile());
    }

    /** Each case is diagnosed once per baseline: a full diagnosis costs seconds. */
    private static final Map<String, DiagnosticReport> REPORTS = new ConcurrentHashMap<>();

    private static DiagnosticReport diagnose(String name, boolean withReference) throws Exception {
        String key = name + withReference;
        DiagnosticReport cached = REPORTS.get(key);
        if (cached == null) {
            cached = run(name, withReference);
            REPORTS.put(key, cached);
        }
        return cached;
    }

    private static DiagnosticReport run(String name, boolean withReference) throws Exception {
        Path dir = dir(name);
        DiagnosisRequest request = new DiagnosisRequest(dir.resolve("train.csv"), dir.resolve("prod.csv"), "defaulted", "auto",
                Set.of(), Set.of(), Settings.defaults(), dir.resolve("model.json"), List.of(), ExplainRows.first(10));
        return Diagnosis.run(withReference ? request.withReference(dir.resolve("reference.csv")) : request, (stage, fraction) -> { });
    }

    @Test
    void renamingTheStrongestInputCostsWhatTheOracleSaysAndItsRepairGivesItBack() throws Exception {
        JsonNode oracle = oracle("rename");
        assertThat(oracle.get("strongestInput").asText()).isEqualTo("income");
        DiagnosticReport report = diagnose("rename", true);
        PerformanceSection performance = report.performance();

        assertThat(performance.metric()).isEqualTo("auc");
        assertThat(performance.baseline().source()).isEqualTo(PerformanceSection.REFERENCE);
        assertThat(performance.baseline().value()).isCloseTo(oracle.at("/reference/auc").asDouble(), within(ORACLE));
        // Production as served: income absent, so missing in every row.
        assertThat(performance.prod().value()).isCloseTo(oracle.at("/prodServed/auc").asDouble(), within(ORACLE));
        assertThat(performance.prod().estimated()).isFalse();
        assertThat(performance.metrics().get("logLoss").prod()).isCloseTo(oracle.at("/prodServed/logLoss").asDouble(), within(ORACLE));
        assertThat(performance.metrics().get("logLoss").baseline()).isCloseTo(oracle.at("/reference/logLoss").asDouble(), within(ORACLE));

        Cause rename = report.causes().stream().filter(c -> c.kind().equals("renamed-column") && c.features().contains("income"))
                .findFirst().orElseThrow();
        assertThat(rename.rank()).isEqualTo(1);
        CauseImpact.PerformanceImpact impact = rename.impact().performance();
        assertThat(impact.method()).isEqualTo(CauseImpacts.REPAIR);
        double aucBack = oracle.at("/prodRepaired/auc").asDouble() - oracle.at("/prodServed/auc").asDouble();
        double logLossBack = oracle.at("/prodServed/logLoss").asDouble() - oracle.at("/prodRepaired/logLoss").asDouble();
        double brierBack = oracle.at("/prodServed/brier").asDouble() - oracle.at("/prodRepaired/brier").asDouble();
        double accuracyBack = oracle.at("/prodRepaired/accuracy").asDouble() - oracle.at("/prodServed/accuracy").asDouble();
        assertThat(impact.recovered()).isCloseTo(aucBack, within(ORACLE));
        assertThat(impact.byMetric().get("auc")).isCloseTo(aucBack, within(ORACLE));
        assertThat(impact.byMetric().get("logLoss")).isCloseTo(logLossBack, within(ORACLE));
        assertThat(impact.byMetric().get("brier")).isCloseTo(brierBack, within(ORACLE));
        assertThat(impact.byMetric().get("accuracy")).isCloseTo(accuracyBack, within(ORACLE));
        // Expected cost under the default matrix (1 and 1) is the error rate: it falls as accuracy rises.
        assertThat(impact.byMetric().get("expectedCost")).isCloseTo(accuracyBack, within(ORACLE));
        // The only repair is the whole pipeline part; the drop it closes is more than the whole drop (the rest is a gain).
        assertThat(-performance.decomposition().pipeline()).isCloseTo(aucBack, within(1e-12));
        assertThat(impact.shareOfDrop()).isCloseTo(aucBack / (performance.baseline().value() - performance.prod().value()),
                within(1e-12));
        assertThat(rename.impact().decisionsChanged()).isGreaterThan(0.5);
    }

    @Test
    void theDecompositionSumsToTheChange() throws Exception {
        for (String name : List.of("rename", "hidden")) {
            for (boolean withReference : List.of(true, false)) {
                PerformanceSection performance = diagnose(name, withReference).performance();
                assertThat(performance.decomposition().total()).as(name + (withReference ? " with reference" : ""))
                        .isCloseTo(performance.change(), within(1e-9));
            }
        }
    }

    @Test
    void withoutAReferenceTheBaselineIsTheInSampleTrainingDataAndSaysItIsOptimistic() throws Exception {
        JsonNode oracle = oracle("rename");
        PerformanceSection performance = diagnose("rename", false).performance();

        assertThat(performance.baseline().source()).isEqualTo(PerformanceSection.TRAINING_IN_SAMPLE);
        assertThat(performance.inSample()).isTrue();
        assertThat(performance.baseline().value()).isCloseTo(oracle.at("/train/auc").asDouble(), within(ORACLE));
        assertThat(performance.detail()).contains("in-sample").contains("optimistic").contains("--reference");
        // The in-sample baseline overstates the drop by the gap between training and held-out data.
        PerformanceSection fair = diagnose("rename", true).performance();
        assertThat(performance.change()).isLessThan(fair.change());
        assertThat(fair.detail()).doesNotContain("in-sample");
    }

    @Test
    void labelFreeEstimateCalibratedOnTheReferenceCoversTheTruthWhereTheInSampleCalibrationIsOptimistic() throws Exception {
        JsonNode oracle = oracle("hidden");
        double truth = oracle.at("/prodTrue/auc").asDouble();
        double trueAccuracy = oracle.at("/prodTrue/accuracy").asDouble();
        PerformanceSection fair = diagnose("hidden", true).performance();
        PerformanceSection inSample = diagnose("hidden", false).performance();

        assertThat(fair.prod().estimated()).isTrue();
        assertThat(fair.prod().lower()).isLessThanOrEqualTo(truth);
        assertThat(fair.prod().upper()).isGreaterThanOrEqualTo(truth);
        assertThat(Math.abs(fair.prod().value() - truth)).isLessThan(Math.abs(inSample.prod().value() - truth));
        assertThat(inSample.prod().value()).isGreaterThan(truth);
        assertThat(Math.abs(fair.metrics().get("accuracy").prod() - trueAccuracy))
                .isLessThan(Math.abs(inSample.metrics().get("accuracy").prod() - trueAccuracy));
        // Concept and label shift cannot be seen without labels: not measured, not zero.
        assertThat(fair.decomposition().conceptShift()).isNaN();
        assertThat(fair.decomposition().labelShift()).isNaN();
        assertThat(fair.detail()).contains("estimated").contains("assumes");
    }
}
