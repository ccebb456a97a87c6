package org.modellens.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modellens.data.UnreadableInputException;
import org.modellens.model.FeatureMatrix;
import org.modellens.model.Model;
import org.modellens.model.ModelLoader;

/**
 * Issue 19, ONNX: a tensor whose external-data location is the tag {@code _ORT_MEM_ADDR_} crashed the
 * JVM inside ONNX Runtime, and a {@code ConstantOfShape} of 2^31 floats grew native memory past 4 GB.
 * External data of any kind and huge constant shapes are refused from the protobuf, before Runtime
 * sees the bytes (fixtures and the program that made them in {@code resources/org/modellens/hostile}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileOnnxTest {

    private static Path fixture(String name) throws Exception {
        return Path.of(HostileOnnxTest.class.getResource("/org/modellens/hostile/" + name).toURI());
    }

    private static String refusal(String name) throws Exception {
        try {
            ModelLoader.load(fixture(name), List.of("a", "b", "c", "d"));
        } catch (UnreadableInputException e) {
            return e.getMessage();
        }
        throw new AssertionError(name + " was loaded");
    }

    @Test
    void theMemoryAddressTagIsRefusedBeforeRuntimeSeesIt() throws Exception {
        assertThat(refusal("memory-address.onnx")).isEqualTo("memory-address.onnx: the ONNX tensor 'W' keeps its data "
                + "outside the model file (at a memory address); ModelLens reads only self-contained ONNX models "
                + "(save it without external data)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"external-data.onnx", "location-only.onnx"})
    void externalDataOfAnyKindIsRefused(String name) throws Exception {
        assertThat(refusal(name)).isEqualTo(name + ": the ONNX tensor 'W' keeps its data outside the model file; "
                + "ModelLens reads only self-contained ONNX models (save it without external data)");
    }

    @Test
    void externalDataHiddenInASubgraphIsRefused() throws Exception {
        assertThat(refusal("external-in-subgraph.onnx")).startsWith("external-in-subgraph.onnx: the ONNX tensor 'hidden' "
                + "keeps its data outside the model file");
    }

    @Test
    void aConstantOfShapeOfTwoToTheThirtyOneIsRefused() throws Exception {
        assertThat(refusal("constant-of-shape.onnx")).isEqualTo("constant-of-shape.onnx: the ONNX node (ConstantOfShape) "
                + "would make a tensor of 2147483648 elements; ModelLens refuses graphs that ask for more than 134217728 "
                + "elements in one tensor (native memory is not bounded by Java's)");
        assertThat(refusal("constant-of-shape-node.onnx")).startsWith("constant-of-shape-node.onnx: the ONNX node 'fill' "
                + "(ConstantOfShape) would make a tensor of 2147483648 elements");
    }

    @Test
    void aSelfContainedModelStillLoadsAndScores() throws Exception {
        Path logistic = Path.of(HostileOnnxTest.class.getResource("/org/modellens/model/logistic.onnx").toURI());

        Model model = ModelLoader.load(logistic, List.of());

        assertThat(model.predict(new FeatureMatrix(1, 4, new double[] {1, 0, 0, 0})).rows()).isEqualTo(1);
    }

    @Test
    void damagedProtobufIsOneLine() throws Exception {
        byte[] bytes = HostileModels.resource("/org/modellens/model/logistic.onnx");
        Path cut = HostileModels.write(java.nio.file.Files.createTempDirectory("onnx"), "cut.onnx",
                java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ModelLoader.load(cut, List.of())).hasMessageStartingWith("cut.onnx: not a readable ONNX model")
                .hasMessageNotContaining("\n");
    }
}
