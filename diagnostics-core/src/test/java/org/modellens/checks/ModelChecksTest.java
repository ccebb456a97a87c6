package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modellens.checks.ModelScenarios.Plant;
import org.modellens.checks.ModelScenarios.Side;

/**
 * The model-level checks on seeded synthetic cases: each planted effect alarms in its check, the clean
 * controls (production from the training distribution) raise no alarm over several seeds, and a shift
 * of the inputs alone is not taken for concept drift.
 */
class ModelChecksTest {

    private static final int TRAIN_ROWS = 20_000;
    private static final int PROD_ROWS = 10_000;
    private static final List<Check> MODEL_CHECKS = List.of(new PredictionDriftCheck(), new PerformanceDropCheck(),
            new ConceptDriftCheck(), new DatasetDriftCheck());

    private static List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        MODEL_CHECKS.forEach(check -> findings.addAll(check.run(context)));
        return findings;
    }

    private static List<Finding> alarms(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() != Severity.INFO).collect(Collectors.toList());
    }

    private static List<Finding> of(List<Finding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void binaryModelOnProductionFromTheTrainingDistributionRaisesNoAlarm(long seed) {
        assertThat(alarms(run(ModelScenarios.binaryCase(seed, Plant.NONE, TRAIN_ROWS, PROD_ROWS, true)))).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void regressionOnProductionFromTheTrainingDistributionRaisesNoAlarm(long seed) {
        assertThat(alarms(run(ModelScenarios.regressionCase(seed, Plant.NONE, TRAIN_ROWS, PROD_ROWS)))).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void unlabelledProductionFromTheTrainingDistributionRaisesNoAlarm(long seed) {
        assertThat(alarms(run(ModelScenarios.binaryCase(seed, Plant.NONE, TRAIN_ROWS, PROD_ROWS, false)))).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void inputsMovingAloneIsNotConceptDrift(long seed) {
        List<Finding> binary = run(ModelScenarios.binaryCase(seed, Plant.COVARIATE_SHIFT, TRAIN_ROWS, PROD_ROWS, true));
        List<Finding> regression = run(ModelScenarios.regressionCase(seed, Plant.COVARIATE_SHIFT, TRAIN_ROWS, PROD_ROWS));

        assertThat(alarms(of(binary, ConceptDriftCheck.ID))).isEmpty();
        assertThat(alarms(of(regression, ConceptDriftCheck.ID))).isEmpty();
        // The shift itself is seen where it belongs: the outputs and the joint inputs moved.
        assertThat(alarms(of(binary, PredictionDriftCheck.ID))).isNotEmpty();
        assertThat(alarms(of(binary, DatasetDriftCheck.ID))).singleElement()
                .satisfies(f -> assertThat(f.evidence().get("driver1")).isIn("x1", "region", "amount"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aChangedRelationInOneSegmentIsConceptDriftNamingTheSegment(long seed) {
        List<Finding> findings = run(ModelScenarios.binaryCase(seed, Plant.CONCEPT_DRIFT_IN_WEST, TRAIN_ROWS, PROD_ROWS, true));

        assertThat(alarms(of(findings, ConceptDriftCheck.ID))).singleElement().satisfies(f -> {
            assertThat(f.feature()).isEqualTo("region");
            assertThat(f.evidence().get("segment1")).isEqualTo("region = west");
            assertThat(f.title()).contains("region = west");
            // About 12% of the 10,000 production rows are in the west.
            assertThat((Long) f.evidence().get("segment1ProdRows")).isBetween(1000L, 1400L);
            assertThat(f.rows().count()).isEqualTo((Long) f.evidence().get("segment1ProdRows"));
            assertThat((Double) f.evidence().get("segment1ProdMeanResidual")).isGreaterThan(0.1);
            assertThat(f.evidence()).containsKeys("segment1BaselineErrorRate", "segment1ProdErrorRate", "segment1BaselineRows", "baseline");
        });
        // The inputs did not move: no dataset drift.
        assertThat(alarms(of(findings, DatasetDriftCheck.ID))).isEmpty();
    }

    @Test
    void aChangedRelationInOneSegmentOfARegressionIsConceptDrift() {
        List<Finding> findings = run(ModelScenarios.regressionCase(7, Plant.CONCEPT_DRIFT_IN_WEST, TRAIN_ROWS, PROD_ROWS));

        assertThat(alarms(of(findings, ConceptDriftCheck.ID))).singleElement()
                .satisfies(f -> assertThat(f.evidence().get("segment1")).isEqualTo("region = west"));
    }

    @Test
    void noisierOutcomesAreAPerformanceDrop() {
        List<Finding> binary = run(ModelScenarios.binaryCase(8, Plant.NOISY_OUTCOMES, TRAIN_ROWS, PROD_ROWS, true));
        List<Finding> regression = run(ModelScenarios.regressionCase(8, Plant.NOISY_OUTCOMES, TRAIN_ROWS, PROD_ROWS));

        assertThat(alarms(of(binary, PerformanceDropCheck.ID))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat((Double) f.evidence().get("aucDrop")).isGreaterThan(0.08);
            assertThat((Double) f.evidence().get("delongPValue")).isLessThan(1e-6);
        });
        assertThat(alarms(of(regression, PerformanceDropCheck.ID))).singleElement()
                .satisfies(f -> assertThat((Double) f.evidence().get("rmseIncrease")).isGreaterThan(0.25));
    }

    @Test
    void withoutProductionLabelsAPerformanceDropIsEstimatedAndAtMostAWarn() {
        List<Finding> findings = run(ModelScenarios.binaryCase(9, Plant.UNCERTAIN_INPUTS, TRAIN_ROWS, PROD_ROWS, false));

        assertThat(of(findings, PerformanceDropCheck.ID)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.title()).startsWith("Estimated");
            assertThat(f.evidence().get("estimated")).isEqualTo("true");
            assertThat((Double) f.evidence().get("estimatedAucDrop")).isGreaterThan(0.05);
        });
        assertThat(of(findings, ConceptDriftCheck.ID)).isEmpty();
    }

    @Test
    void theEstimateFollowsTheTruthWhenTheRelationHolds() {
        // Same production drawn twice: once with labels (measured AUC), once without (estimated AUC).
        CheckContext labelled = ModelScenarios.binaryCase(10, Plant.UNCERTAIN_INPUTS, TRAIN_ROWS, PROD_ROWS, true);
        CheckContext unlabelled = ModelScenarios.binaryCase(10, Plant.UNCERTAIN_INPUTS, TRAIN_ROWS, PROD_ROWS, false);

        double measured = ModelAssessment.assess(labelled).prodMetrics().get("auc");
        double estimated = ModelAssessment.assess(unlabelled).prodMetrics().get("auc");

        assertThat(estimated).isCloseTo(measured, org.assertj.core.api.Assertions.within(0.02));
    }

    @Test
    void withoutAModelTheModelChecksAreSilent() {
        CheckContext withModel = ModelScenarios.binaryCase(11, Plant.NOISY_OUTCOMES, 2000, 1000, true);
        CheckContext context = new CheckContext(withModel.train(), withModel.prod(), "outcome", withModel.settings(),
                withModel.comparisons());

        assertThat(new PredictionDriftCheck().run(context)).isEmpty();
        assertThat(new PerformanceDropCheck().run(context)).isEmpty();
        assertThat(new ConceptDriftCheck().run(context)).isEmpty();
        assertThat(ModelAssessment.assess(context)).isNull();
    }

    @Test
    void withAModelButNoTargetPerformanceDropSaysWhyItCannotRun() {
        CheckContext withModel = ModelScenarios.binaryCase(12, Plant.NONE, 2000, 1000, true);
        CheckContext context = new CheckContext(withModel.train(), withModel.prod(), null, withModel.settings(),
                withModel.comparisons(), withModel.model().orElseThrow());

        assertThat(new PerformanceDropCheck().run(context)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.title()).contains("No target column");
        });
        assertThat(new ConceptDriftCheck().run(context)).isEmpty();
    }
}
