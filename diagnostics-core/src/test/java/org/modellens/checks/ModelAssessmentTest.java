package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.checks.ModelScenarios.Plant;
import org.modellens.checks.ModelScenarios.Side;
import org.modellens.data.Column;
import org.modellens.model.ModelRun;
import org.modellens.report.ModelSection.Curve;
import org.modellens.report.ModelSection;
import org.modellens.settings.Settings;
import org.modellens.stats.ClassifierMetrics;

/**
 * ModelAssessment called directly, as Diagnosis will: metrics on both sides (or estimated), curves and
 * the expected cost under a cost matrix, each checked against a count made here from the raw columns.
 * Also the matching of target values to the model's classes.
 */
class ModelAssessmentTest {

    @TempDir
    Path dir;

    private Settings settings(String text) throws IOException {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, text);
        return Settings.withOverrides(file);
    }

    /** The outcome column read as the test sees it: "1" is the positive class. */
    private static boolean[] positives(Column outcome) {
        boolean[] y = new boolean[outcome.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = outcome.text(i).equals("1");
        }
        return y;
    }

    @Test
    void binaryModelWithLabelsOnBothSides() throws IOException {
        Side train = ModelScenarios.binary("train", 5000, 1, Plant.NONE, "0", "1", true);
        Side prod = ModelScenarios.binary("prod", 3000, 2, Plant.NOISY_OUTCOMES, "0", "1", true);
        Settings settings = settings("cost.falsePositive=1\ncost.falseNegative=5\ndecision.threshold=0.3\n");
        ModelRun run = new ModelRun("m.json", "xgboost", List.of("x1"), "binary",
                ModelScenarios.binaryPredictions(train.score(), List.of("0", "1")),
                ModelScenarios.binaryPredictions(prod.score(), List.of("0", "1")));
        CheckContext context = ModelScenarios.context(train.snapshot(), prod.snapshot(), "outcome", settings, run);

        ModelSection section = ModelAssessment.assess(context);

        boolean[] trainY = positives(train.snapshot().column("outcome").orElseThrow());
        boolean[] prodY = positives(prod.snapshot().column("outcome").orElseThrow());
        assertThat(section.task()).isEqualTo("binary");
        assertThat(section.threshold()).isEqualTo(0.3);
        assertThat(section.prodEstimated()).isFalse();
        assertThat(section.trainMetrics()).containsKeys("auc", "accuracy", "logLoss", "brier", "f1");
        assertThat(section.trainMetrics().get("auc")).isEqualTo(ClassifierMetrics.auc(train.score(), trainY));
        assertThat(section.prodMetrics().get("f1")).isEqualTo(ClassifierMetrics.f1(prod.score(), prodY, 0.3));
        assertThat(section.prodMetrics().get("rows")).isEqualTo(3000.0);
        assertThat(section.prodMetrics().get("auc")).isLessThan(section.trainMetrics().get("auc"));

        // Expected cost per row, counted here: 1 per false positive, 5 per false negative at threshold 0.3.
        ModelSection.CostSummary cost = section.cost();
        assertThat(cost.falseNegativeCost()).isEqualTo(5.0);
        assertThat(cost.trainCostPerRow()).isCloseTo(costPerRow(train.score(), trainY, 0.3, 1, 5), within(1e-12));
        assertThat(cost.prodCostPerRow()).isCloseTo(costPerRow(prod.score(), prodY, 0.3, 1, 5), within(1e-12));
        assertThat(cost.prodEstimated()).isFalse();

        assertThat(section.curves()).extracting(c -> c.kind() + "/" + c.side())
                .containsExactly("roc/train", "calibration/train", "roc/prod", "calibration/prod");
        Curve roc = section.curves().get(0);
        assertThat(roc.x()).hasSizeLessThanOrEqualTo(ModelAssessment.ROC_POINTS);
        assertThat(roc.x()[0]).isZero();
        assertThat(roc.y()[roc.y().length - 1]).isEqualTo(1.0);
    }

    private static double costPerRow(double[] score, boolean[] y, double threshold, double fp, double fn) {
        double total = 0;
        for (int i = 0; i < score.length; i++) {
            if (score[i] >= threshold && !y[i]) {
                total += fp;
            }
            if (score[i] < threshold && y[i]) {
                total += fn;
            }
        }
        return total / score.length;
    }

    @Test
    void withoutProductionLabelsTheProductionFiguresAreEstimates() {
        CheckContext context = ModelScenarios.binaryCase(3, Plant.NONE, 5000, 3000, false);

        ModelSection section = ModelAssessment.assess(context);

        assertThat(section.prodEstimated()).isTrue();
        assertThat(section.prodMetrics()).containsKeys("auc", "accuracy", "f1");
        assertThat(section.prodMetrics().get("auc")).isCloseTo(section.trainMetrics().get("auc"), within(0.02));
        assertThat(section.cost().prodEstimated()).isTrue();
        assertThat(section.cost().prodCostPerRow()).isCloseTo(section.cost().trainCostPerRow(), within(0.02));
        assertThat(section.curves()).extracting(Curve::side).containsOnly("train");
    }

    @Test
    void regressionHasErrorMetricsAndNoThresholdOrCost() {
        ModelSection section = ModelAssessment.assess(ModelScenarios.regressionCase(4, Plant.NONE, 3000, 2000));

        assertThat(section.trainMetrics()).containsKeys("rmse", "mae", "r2");
        assertThat(section.prodMetrics()).containsKeys("rmse", "mae", "r2");
        // y = 3 + relation + N(0, 1) and the model misses the channel effect and part of x1: RMSE a little above 1.
        assertThat(section.trainMetrics().get("rmse")).isBetween(1.0, 1.4);
        assertThat(section.threshold()).isNaN();
        assertThat(section.cost()).isNull();
        assertThat(section.curves()).isEmpty();
    }

    private static CheckContext labelled(String negative, String positive, List<String> classes, String prodNegative) {
        Side train = ModelScenarios.binary("train", 3000, 5, Plant.NONE, negative, positive, true);
        Side prod = ModelScenarios.binary("prod", 2000, 6, Plant.NONE, prodNegative, positive, true);
        return ModelScenarios.context(train, prod, "outcome", ModelScenarios.binaryPredictions(train.score(), classes),
                ModelScenarios.binaryPredictions(prod.score(), classes));
    }

    @Test
    void targetValuesMatchTheModelsClassesByTextNumberOrTruthValue() {
        double reference = ModelAssessment.assess(labelled("0", "1", List.of("0", "1"), "0")).trainMetrics().get("auc");

        assertThat(ModelAssessment.assess(labelled("no", "yes", List.of("0", "1"), "no")).trainMetrics().get("auc")).isEqualTo(reference);
        assertThat(ModelAssessment.assess(labelled("no", "yes", List.of("no", "yes"), "no")).trainMetrics().get("auc")).isEqualTo(reference);
        assertThat(ModelAssessment.assess(labelled("False", "True", List.of("false", "true"), "False")).trainMetrics().get("auc"))
                .isEqualTo(reference);
        assertThat(ModelAssessment.assess(labelled("0.0", "1.0", List.of("0", "1"), "0.0")).trainMetrics().get("auc")).isEqualTo(reference);
        assertThat(ModelAssessment.assess(labelled("0", "1", List.of("false", "true"), "0")).trainMetrics().get("auc")).isEqualTo(reference);
    }

    @Test
    void targetValuesThatMatchNoClassAreReportedNotGuessed() {
        // Production writes the negative class as "maybe", which no class of the model stands for.
        CheckContext partly = labelled("0", "1", List.of("0", "1"), "maybe");
        assertThat(new PerformanceDropCheck().run(partly)).filteredOn(f -> f.severity() == Severity.INFO).singleElement()
                .satisfies(f -> {
                    assertThat(f.detail()).contains("'maybe'");
                    assertThat((Long) f.evidence().get("unmatchedRows")).isGreaterThan(1000L);
                });

        // A model with classes "cat"/"dog" and a 0/1 target: nothing can be matched, so no metric is computed.
        CheckContext none = labelled("0", "1", List.of("cat", "dog"), "0");
        assertThat(new PerformanceDropCheck().run(none)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.title()).contains("does not match the model's classes");
        });
        assertThat(ModelAssessment.assess(none).trainMetrics()).isEmpty();
    }
}
