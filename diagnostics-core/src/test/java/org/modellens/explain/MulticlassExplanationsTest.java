package org.modellens.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modellens.model.FeatureMatrix;
import org.modellens.model.ModelLoader;
import org.modellens.model.TreeEnsemble;
import org.modellens.report.Explanations;

/**
 * A multiclass row explanation names the class it explains: by default each row once, for its
 * predicted class; on request ({@code --explain-classes all}) once per class, each adding up to that
 * class's margin, with the same attributions TreeSHAP gives that class directly.
 */
class MulticlassExplanationsTest {

    private static TreeEnsemble model() throws Exception {
        Path file = Path.of(MulticlassExplanationsTest.class.getResource(
                "/org/modellens/model/xgboost/v3.4.0/multi-softprob.json").toURI());
        return (TreeEnsemble) ModelLoader.load(file, List.of());
    }

    private static FeatureMatrix rows(int n, int p) {
        java.util.Random random = new java.util.Random(7);
        double[] x = new double[n * p];
        for (int i = 0; i < x.length; i++) {
            int j = i % p;
            x[i] = random.nextDouble() < 0.1 ? Double.NaN
                    : j == 3 ? random.nextInt(3) : j == 4 ? random.nextInt(9) : j == 1 ? Math.exp(10 + random.nextGaussian())
                    : j == 2 ? 300 + 550 * random.nextDouble() : 40 + 12 * random.nextGaussian();
        }
        return new FeatureMatrix(n, p, x);
    }

    @Test
    void eachRowIsExplainedForItsPredictedClassByDefaultAndForEveryClassOnRequest() throws Exception {
        TreeEnsemble model = model();
        int p = model.features().size();
        FeatureMatrix prod = rows(30, p);
        Explainer explainer = new TreeShapExplainer(model);

        Explanations predicted = ModelExplanations.explain(model, explainer, prod, prod, ExplainRows.first(10), 100, 1);
        assertThat(predicted.rows()).hasSize(10);
        for (Explanations.RowExplanation row : predicted.rows()) {
            double[] raw = model.rawOutputs(prod, row.rowIndex(), row.rowIndex() + 1);
            int best = 0;
            for (int g = 1; g < raw.length; g++) {
                best = raw[g] > raw[best] ? g : best;
            }
            assertThat(row.outputClass()).isEqualTo(String.valueOf(best)).isEqualTo(row.predictedClass());
            assertThat(row.margin()).isCloseTo(raw[best], within(1e-9));
        }

        Explanations all = ModelExplanations.explain(model, explainer, prod, prod, ExplainRows.first(10).withAllClasses(true),
                100, 1);
        assertThat(all.rows()).hasSize(30);
        TreeShap shap = new TreeShap(model);
        double[] phi = new double[p];
        for (Explanations.RowExplanation row : all.rows()) {
            int g = Integer.parseInt(row.outputClass());
            double margin = shap.contributions(prod.values(), row.rowIndex() * p, g, phi);
            assertThat(row.margin()).isCloseTo(margin, within(1e-12));
            assertThat(row.baseValue()).isCloseTo(shap.baseValue(g), within(1e-12));
            for (int j = 0; j < p; j++) {
                assertThat(row.contributions().get(model.features().get(j))).isCloseTo(phi[j], within(1e-12));
            }
            assertThat(row.prediction()).isCloseTo(model.link(model.rawOutputs(prod, row.rowIndex(), row.rowIndex() + 1))[g],
                    within(1e-12));
        }
        assertThat(all.rows()).extracting(Explanations.RowExplanation::outputClass).containsSequence("0", "1", "2");
        assertThat(all.rows().stream().filter(r -> r.outputClass().equals(r.predictedClass()))).hasSize(10);
    }

    @Test
    void theSampledRowsAreKeptForEachClassAndAddUpToThatClasssMargin() throws Exception {
        TreeEnsemble model = model();
        int p = model.features().size();
        FeatureMatrix train = rows(60, p);
        FeatureMatrix prod = rows(40, p);
        Explanations explained = ModelExplanations.explain(model, new TreeShapExplainer(model), train, prod,
                ExplainRows.first(5), 25, 3);

        // First the sample as global importance saw it (each row for its predicted class), then one per class.
        assertThat(explained.samplesTrain()).extracting(Explanations.SampleAttributions::outputClass)
                .containsExactly(null, "0", "1", "2");
        Explanations.SampleAttributions first = explained.samplesTrain().get(0);
        assertThat(first.forClass()).isFalse();
        assertThat(first.rows()).hasSize(25).isSorted();
        double[] meanAbs = first.meanAbs();
        for (int j = 0; j < p; j++) {
            assertThat(explained.globalTrain().get(model.features().get(j))).isCloseTo(meanAbs[j], within(1e-12));
        }
        TreeShap shap = new TreeShap(model);
        double[] phi = new double[p];
        for (Explanations.SampleAttributions forClass : explained.samplesProd().subList(1, 4)) {
            int g = Integer.parseInt(forClass.outputClass());
            assertThat(forClass.rows()).isEqualTo(explained.samplesProd().get(0).rows()).hasSize(25);
            for (int r = 0; r < forClass.rows().length; r++) {
                double margin = shap.contributions(prod.values(), forClass.rows()[r] * p, g, phi);
                assertThat(forClass.output()[r]).isCloseTo(margin, within(1e-12));
                assertThat(forClass.contributions()[r]).containsExactly(phi, within(1e-12));
            }
        }
        assertThat(explained.sample(false, "2").orElseThrow().outputClass()).isEqualTo("2");
        assertThat(explained.sample(false, null).orElseThrow().forClass()).isFalse();
    }
}
