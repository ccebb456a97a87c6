package org.modellens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modellens.data.UnreadableInputException;

/** Broken, truncated and mismatched model files end in one clear message naming the file. */
class ModelLoaderErrorsTest {

    private static final List<String> SEVEN = List.of("a", "b", "c", "d", "e", "f", "g");

    @TempDir
    Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ModelLoaderErrorsTest.class.getResource("/org/modellens/explain/" + name).toURI());
    }

    private Path copy(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary.json", "binary.ubj", "multiclass.ubj"})
    void truncatedModelsAreRefused(String name) throws Exception {
        byte[] whole = Files.readAllBytes(fixture(name));
        for (int cut : new int[] {1, 10, whole.length / 3, whole.length / 2, whole.length - 2}) {
            Path file = copy(name, Arrays.copyOf(whole, cut));
            assertThatThrownBy(() -> ModelLoader.load(file, List.of()))
                    .as("cut at %d", cut)
                    .isInstanceOf(UnreadableInputException.class)
                    .hasMessageStartingWith(name + ": ");
        }
    }

    @Test
    void corruptBytesAreRefused() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("binary.ubj"));
        byte[] corrupt = whole.clone();
        for (int i = 200; i < 260; i++) {
            corrupt[i] = (byte) 0xEE;
        }
        Path file = copy("binary.ubj", corrupt);
        assertThatThrownBy(() -> ModelLoader.load(file, List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("binary.ubj: ");

        Path notAModel = copy("other.json", "{\"hello\": [1, 2, 3]}".getBytes());
        assertThatThrownBy(() -> ModelLoader.load(notAModel, List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("other.json").hasMessageContaining("learner");

        Path garbage = copy("model.bin", new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> ModelLoader.load(garbage, List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("model.bin: unknown model format");

        Path empty = copy("empty.json", new byte[0]);
        assertThatThrownBy(() -> ModelLoader.load(empty, List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("empty.json: the model file is empty");
    }

    @Test
    void aChildIndexOutsideTheTreeIsRefused() throws Exception {
        String json = Files.readString(fixture("binary.json"));
        String broken = json.replaceFirst("\"left_children\":\\[1,", "\"left_children\":[9999,");
        assertThat(broken).isNotEqualTo(json);
        Path file = copy("binary.json", broken.getBytes());
        assertThatThrownBy(() -> ModelLoader.load(file, List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("outside the tree");
    }

    @Test
    void featureNamesOfTheWrongCountAreRefused() throws Exception {
        assertThatThrownBy(() -> ModelLoader.load(fixture("regression.json"), List.of("a", "b", "c")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("regression.json: --model-features names 3 features but the model takes 7");
    }

    @Test
    void aModelWithoutFeatureNamesNeedsThem() throws Exception {
        assertThatThrownBy(() -> ModelLoader.load(fixture("regression.ubj"), List.of()))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("regression.ubj: the model does not name its 7 input features")
                .hasMessageContaining("--model-features");
        assertThat(ModelLoader.load(fixture("regression.ubj"), SEVEN).features()).isEqualTo(SEVEN);
    }

    @Test
    void namesInTheFileAreTheFeatureOrder() throws Exception {
        Model model = ModelLoader.load(fixture("binary.json"), List.of());
        assertThat(model.features()).containsExactly("age", "income", "score", "ratio", "count", "flag", "noise");
        assertThat(model.task()).isEqualTo("binary");
        assertThat(ModelLoader.load(fixture("multiclass.ubj"), List.of()).task()).isEqualTo("multiclass");
    }
}
