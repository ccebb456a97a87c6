package org.modellens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.data.UnreadableInputException;

/** A model file's format is told by its bytes, whatever its name; other files are named for what they are. */
class ModelFormatTest {

    @TempDir
    Path dir;

    private static Path fixture(String name) throws Exception {
        return Path.of(ModelFormatTest.class.getResource(name).toURI());
    }

    private Path copy(Path from, String name) throws Exception {
        return Files.copy(from, dir.resolve(name));
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void xgboostModelsLoadWhateverTheirName() throws Exception {
        Path ubj = fixture("/org/modellens/model/xgboost/v3.4.0/binary-logistic.model");
        Path json = fixture("/org/modellens/model/xgboost/v3.4.0/binary-logistic.json");
        assertThat(ModelFormat.detect(Files.readAllBytes(ubj))).isEqualTo(ModelFormat.UBJSON);
        assertThat(ModelFormat.detect(Files.readAllBytes(json))).isEqualTo(ModelFormat.JSON);
        for (String name : List.of("model.bst", "model.model", "model.bin", "model.json", "model")) {
            assertThat(ModelLoader.load(copy(ubj, "u-" + name), List.of()).type()).isEqualTo("xgboost");
            assertThat(ModelLoader.load(copy(json, "j-" + name), List.of()).type()).isEqualTo("xgboost");
        }
        // A UBJSON model named .json still loads, as XGBoost itself would not write it but users rename files.
        assertThat(ModelLoader.load(copy(ubj, "renamed.json"), List.of()).features()).hasSize(6);
    }

    @Test
    void lightGbmTextAndOnnxAreRecognisedByContent() throws Exception {
        Path lightgbm = fixture("/org/modellens/model/lightgbm-handmade.txt");
        assertThat(ModelFormat.detect(Files.readAllBytes(lightgbm))).isEqualTo(ModelFormat.LIGHTGBM_TEXT);
        Path onnx = fixture("/org/modellens/model/logistic.onnx");
        assertThat(ModelFormat.detect(Files.readAllBytes(onnx))).isEqualTo(ModelFormat.ONNX);
        assertThat(ModelLoader.load(copy(onnx, "model.bin"), List.of("a", "b", "c", "d")).type()).isEqualTo("onnx");
    }

    @Test
    void otherFilesAreNamedWithWhatToSaveInstead() throws Exception {
        byte[] pickle = {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> ModelLoader.load(write("model.pkl", pickle), List.of()))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("model.pkl: a Python pickle or joblib file, not a model file ModelLens reads")
                .hasMessageContaining("save_model('model.json')");
        assertThatThrownBy(() -> ModelLoader.load(write("model.cbm", "CBM1xxxxxxxx".getBytes(StandardCharsets.US_ASCII)),
                List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("model.cbm: not a readable CatBoost model: it is a CatBoost binary model (.cbm)")
                .hasMessageContaining("format='json'");
        String dump = "{\"name\":\"tree\",\"version\":\"v4\",\"objective\":\"binary sigmoid:1\",\"tree_info\":[]}";
        assertThatThrownBy(() -> ModelLoader.load(write("dump.json", dump.getBytes(StandardCharsets.UTF_8)), List.of()))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("dump.json: not a readable JSON model: it is a LightGBM JSON dump (dump_model)");
        assertThatThrownBy(() -> ModelLoader.load(write("model.txt", "hello\nworld\n".getBytes(StandardCharsets.UTF_8)),
                List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("model.txt: a text file that is no model ModelLens knows");
    }

    @Test
    void xgboostJsonWithNanTokensLoads() throws Exception {
        // XGBoost 1.7 and 2.1 write NaN for a categorical split's condition.
        String json = Files.readString(fixture("/org/modellens/model/xgboost/v3.4.0/binary-logistic.json"));
        String withNan = json.replaceFirst("\"split_conditions\":\\[1E-45", "\"split_conditions\":[NaN");
        assertThat(withNan).isNotEqualTo(json);
        assertThat(ModelLoader.load(write("nan.json", withNan.getBytes(StandardCharsets.UTF_8)), List.of()).features())
                .hasSize(6);
    }
}
