package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.Snapshot;
import org.modellens.data.SourceInfo;
import org.modellens.model.ModelRun;
import org.modellens.model.Predictions;
import org.modellens.report.ModelSection;
import org.modellens.settings.Settings;
import org.modellens.stats.ClassifierMetrics;

/**
 * A three-class model: the predicted-class mix drives prediction-drift, accuracy drives performance-drop,
 * and a clean control raises nothing.
 */
class MulticlassModelChecksTest {

    private static final List<String> CLASSES = List.of("low", "mid", "high");

    /** One side: x decides the class through a softmax; {@code flip} relabels that share of rows at random. */
    private record Side(Snapshot snapshot, Predictions predictions) {
    }

    private static Side draw(String name, int rows, long seed, double xShift, double flip) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[rows];
        String[] label = new String[rows];
        double[] score = new double[rows];
        double[][] probabilities = new double[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = SyntheticSnapshots.normal(r) + xShift;
            double[] logits = {-1.5 * x[i], 0, 1.5 * x[i]};
            double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
            double sum = 0;
            double[] p = new double[3];
            for (int k = 0; k < 3; k++) {
                p[k] = Math.exp(logits[k] - max);
                sum += p[k];
            }
            for (int k = 0; k < 3; k++) {
                p[k] /= sum;
            }
            double u = r.nextDouble();
            int y = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            if (r.nextDouble() < flip) {
                y = r.nextInt(3);
            }
            label[i] = CLASSES.get(y);
            probabilities[i] = p;
            score[i] = p[ClassifierMetrics.argmax(p)];
        }
        List<Column> columns = new ArrayList<>();
        columns.add(SyntheticSnapshots.numericColumn("x", x));
        columns.add(new Column("grade", ColumnType.CATEGORICAL, false, label, null, 0));
        return new Side(new Snapshot(new SourceInfo(Path.of(name + ".csv"), "csv", "0"), rows, columns),
                new Predictions("multiclass", CLASSES, score, probabilities));
    }

    private static CheckContext context(Side train, Side prod) {
        return ModelScenarios.context(train.snapshot(), prod.snapshot(), "grade", Settings.defaults(),
                new ModelRun("m.onnx", "onnx", List.of("x"), "multiclass", train.predictions(), prod.predictions()));
    }

    @Test
    void cleanProductionRaisesNoAlarm() {
        for (long seed = 1; seed <= 3; seed++) {
            CheckContext context = context(draw("train", 10_000, seed * 10, 0, 0), draw("prod", 5_000, seed * 10 + 1, 0, 0));
            for (Check check : List.of(new PredictionDriftCheck(), new PerformanceDropCheck(), new ConceptDriftCheck())) {
                assertThat(check.run(context)).as(check.id()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
            }
        }
    }

    @Test
    void aShiftedInputMovesThePredictedClassMix() {
        CheckContext context = context(draw("train", 10_000, 1, 0, 0), draw("prod", 5_000, 2, 1.0, 0));

        assertThat(new PredictionDriftCheck().run(context)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isNotEqualTo(Severity.INFO);
            assertThat((Double) f.evidence().get("totalVariation")).isGreaterThan(0.1);
        });
    }

    @Test
    void relabelledOutcomesAreAnAccuracyDrop() {
        CheckContext context = context(draw("train", 10_000, 3, 0, 0), draw("prod", 5_000, 4, 0, 0.4));

        assertThat(new PerformanceDropCheck().run(context)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat((Double) f.evidence().get("accuracyDrop")).isGreaterThan(0.08);
        });
        ModelSection section = ModelAssessment.assess(context);
        assertThat(section.trainMetrics()).containsKeys("accuracy", "logLoss");
        assertThat(section.cost()).isNull();
    }
}
