package org.modellens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.explain.Attributions;
import org.modellens.explain.PermutationShapExplainer;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A Tribuo model reaches ModelLens through Tribuo's own ONNX export (never through Java
 * deserialization): trained here, saved with {@code saveONNXModel}, loaded by {@link ModelLoader},
 * and scored the same as Tribuo scores it.
 */
class TribuoOnnxExportTest {

    @TempDir
    Path dir;

    @Test
    void exportedTribuoModelScoresAsTribuoDoes() throws Exception {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic", factory), factory);
        Random random = new Random(5);
        String[] names = {"income", "age", "debt"};
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            rows.add(x);
            boolean positive = 1.5 * x[0] - x[2] + 0.5 * random.nextGaussian() > 0;
            data.add(new ArrayExample<>(new Label(positive ? "yes" : "no"), names, x));
        }
        org.tribuo.Model<Label> tribuo = new LogisticRegressionTrainer().train(data);
        Path file = dir.resolve("tribuo.onnx");
        ((ONNXExportable) tribuo).saveONNXModel("org.modellens.test", 1, file);

        // Tribuo numbers features by its feature map and outputs by its output map.
        List<String> order = new ArrayList<>();
        for (int j = 0; j < tribuo.getFeatureIDMap().size(); j++) {
            order.add(tribuo.getFeatureIDMap().get(j).getName());
        }
        String positiveLabel = tribuo.getOutputIDInfo().getOutput(1).getLabel();
        Model model = ModelLoader.load(file, order);
        assertThat(model.type()).isEqualTo("onnx");
        assertThat(model.task()).isEqualTo("binary");

        int n = 50;
        double[] values = new double[n * 3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                values[i * 3 + j] = rows.get(i)[List.of(names).indexOf(order.get(j))];
            }
        }
        FeatureMatrix matrix = new FeatureMatrix(n, 3, values);
        Predictions predictions = model.predict(matrix);
        for (int i = 0; i < n; i++) {
            Prediction<Label> expected = tribuo.predict(new ArrayExample<>(factory.getUnknownOutput(), names, rows.get(i)));
            double p = expected.getOutputScores().get(positiveLabel).getScore();
            assertThat(predictions.score()[i]).as("row %d", i).isCloseTo(p, within(1e-5));
        }

        Attributions attributions = new PermutationShapExplainer(model, matrix, 8, 1).explain(matrix, new int[] {0, 1, 2});
        for (int r = 0; r < 3; r++) {
            double sum = attributions.baseValue()[r];
            for (double v : attributions.phi()[r]) {
                sum += v;
            }
            assertThat(sum).isCloseTo(predictions.score()[r], within(1e-6));
        }
    }
}
