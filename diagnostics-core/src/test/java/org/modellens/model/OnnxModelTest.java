package org.modellens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.data.UnreadableInputException;

/** ONNX models through ONNX Runtime, on graphs built by make_onnx_fixtures.py beside the fixtures. */
class OnnxModelTest {

    static final double[] W = {0.5, -2.0, 1.5, 0.25};
    static final double B = 3.0;

    @TempDir
    Path dir;

    static Path fixture(String name) throws Exception {
        return Path.of(OnnxModelTest.class.getResource(name).toURI());
    }

    @Test
    void linearRegressionScoresAsItsFormula() throws Exception {
        Model model = ModelLoader.load(fixture("linear.onnx"), List.of("a", "b", "c", "d"));
        assertThat(model.type()).isEqualTo("onnx");
        assertThat(model.task()).isEqualTo("regression");
        double[] x = {1, 2, 3, 4, -1.5, 0, 0.25, 10};
        Predictions predictions = model.predict(new FeatureMatrix(2, 4, x));
        assertThat(predictions.score()[0]).isCloseTo(0.5 - 4 + 4.5 + 1 + 3, within(1e-5));
        assertThat(predictions.score()[1]).isCloseTo(-0.75 + 0.375 + 2.5 + 3, within(1e-5));
    }

    @Test
    void logisticClassifierGivesProbabilitiesAndNamesFromMetadata() throws Exception {
        Model model = ModelLoader.load(fixture("logistic.onnx"), List.of());
        assertThat(model.features()).containsExactly("a", "b", "c", "d");
        assertThat(model.task()).isEqualTo("binary");
        double[] x = {1, 2, 3, 4};
        Predictions predictions = model.predict(new FeatureMatrix(1, 4, x));
        double p = 1 / (1 + Math.exp(-5.0));
        assertThat(predictions.score()[0]).isCloseTo(p, within(1e-6));
        assertThat(predictions.probabilities()[0]).containsExactly(new double[] {1 - p, p}, within(1e-6));
    }

    @Test
    void badOnnxFilesAreRefusedClearly() throws Exception {
        assertThatThrownBy(() -> ModelLoader.load(fixture("two-inputs.onnx"), List.of()))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("two-inputs.onnx: the ONNX model has 2 inputs (");
        assertThatThrownBy(() -> ModelLoader.load(fixture("linear.onnx"), List.of()))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("linear.onnx: the model does not name its 4 input features");
        assertThatThrownBy(() -> ModelLoader.load(fixture("linear.onnx"), List.of("a", "b", "c")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("linear.onnx: --model-features names 3 features but the model takes 4");

        byte[] whole = Files.readAllBytes(fixture("logistic.onnx"));
        Path truncated = dir.resolve("cut.onnx");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> ModelLoader.load(truncated, List.of()))
                .isInstanceOf(UnreadableInputException.class).hasMessageStartingWith("cut.onnx: not a readable ONNX model");
        Path garbage = dir.resolve("garbage.onnx");
        Files.write(garbage, "this is no model".getBytes());
        assertThatThrownBy(() -> ModelLoader.load(garbage, List.of()))
                .isInstanceOf(UnreadableInputException.class).hasMessageStartingWith("garbage.onnx: not a readable ONNX model");
    }
}
