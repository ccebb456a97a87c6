package org.modellens.causes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.explain.ExplainRows;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

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

    @Test
    void theModelChecksAndTheModelSectionUseTheReferenceToo() throws Exception {
        JsonNode oracle = oracle("hidden");
        DiagnosticReport fair = diagnose("hidden", true);
        DiagnosticReport inSample = diagnose("hidden", false);

        assertThat(fair.model().referenceMetrics().get("auc")).isCloseTo(oracle.at("/reference/auc").asDouble(), within(ORACLE));
        assertThat(inSample.model().referenceMetrics()).isEmpty();
        // The model section's label-free estimate is calibrated on the same baseline as the performance section.
        assertThat(fair.model().prodEstimated()).isTrue();
        assertThat(fair.model().prodMetrics().get("auc")).isCloseTo(fair.performance().prod().value(), within(1e-12));
        // In-sample, the finding compares with the training fit (AUC 0.99) and says that is optimistic.
        Finding drop = inSample.findings().stream().filter(f -> f.check().equals("performance-drop")).findFirst().orElseThrow();
        assertThat(drop.evidence()).containsEntry("baseline", "training-in-sample");
        assertThat(drop.detail()).contains("optimistic");
        assertThat(fair.findings()).filteredOn(f -> f.check().equals("performance-drop"))
                .allSatisfy(f -> assertThat(f.evidence()).containsEntry("baseline", "reference"))
                .noneMatch(f -> f.severity() != Severity.INFO);
    }

    @TempDir
    Path temp;

    private static final List<String> INPUTS = List.of("age", "income", "score", "ratio", "count", "flag", "noise");

    /** Random inputs of the explain fixtures' models; the label a class (0-2) or a number, empty when {@code unlabelled}. */
    private Path table(String name, int rows, long seed, boolean regression, boolean unlabelled) throws Exception {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of("age,income,score,ratio,count,flag,noise,label"));
        for (int i = 0; i < rows; i++) {
            String label = unlabelled ? "" : regression ? String.format(Locale.ROOT, "%.3f", 2.5 + random.nextGaussian())
                    : Integer.toString(random.nextInt(3));
            lines.add(String.format(Locale.ROOT, "%.1f,%.2f,%.0f,%.3f,%d,%d,%.3f,%s", 20 + 40 * random.nextDouble(),
                    20000 + 30000 * random.nextDouble(), 300 + 550 * random.nextDouble(), random.nextDouble(), random.nextInt(6),
                    random.nextInt(2), random.nextGaussian(), label));
        }
        Path file = temp.resolve(name);
        Files.write(file, lines);
        return file;
    }

    @Test
    void multiclassAndRegressionModelsGetASectionWithTheirOwnHeadlineMetric() throws Exception {
        for (String kind : List.of("multiclass", "regression")) {
            boolean regression = kind.equals("regression");
            Path model = Path.of(getClass().getResource("/org/modellens/explain/" + kind + ".json").toURI());
            Path train = table(kind + "-train.csv", 600, 1, regression, false);
            Path reference = table(kind + "-reference.csv", 300, 2, regression, false);
            Path prod = table(kind + "-prod.csv", 300, 3, regression, false);
            Path unlabelled = table(kind + "-unlabelled.csv", 300, 4, regression, true);
            DiagnosisRequest request = new DiagnosisRequest(train, prod, "label", regression ? "regression" : "multiclass", Set.of(),
                    Set.of(), Settings.defaults(), model, INPUTS, ExplainRows.first(5)).withReference(reference);

            PerformanceSection performance = Diagnosis.run(request, (stage, fraction) -> { }).performance();
            assertThat(performance.metric()).as(kind).isEqualTo(regression ? "rmse" : "logLoss");
            assertThat(performance.baseline().source()).isEqualTo(PerformanceSection.REFERENCE);
            assertThat(performance.metrics()).containsKeys(regression ? new String[] {"rmse", "mae"} : new String[] {"logLoss", "accuracy"});
            assertThat(performance.decomposition().total()).as(kind).isCloseTo(performance.change(), within(1e-9));
            assertThat(performance.prod().lower()).isLessThanOrEqualTo(performance.prod().value());
            assertThat(performance.prod().upper()).isGreaterThanOrEqualTo(performance.prod().value());
            // No label-free estimate for these tasks: no section rather than a guess.
            DiagnosisRequest blind = new DiagnosisRequest(train, unlabelled, "label", regression ? "regression" : "multiclass",
                    Set.of(), Set.of(), Settings.defaults(), model, INPUTS, ExplainRows.first(5)).withReference(reference);
            assertThat(Diagnosis.run(blind, (stage, fraction) -> { }).performance()).as(kind).isNull();
        }
    }
}
