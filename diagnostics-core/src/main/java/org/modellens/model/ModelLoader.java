package org.modellens.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.modellens.data.InputFiles;
import org.modellens.data.UnreadableInputException;

/**
 * Opens a model file by the format its bytes show ({@link ModelFormat}), whatever its name: XGBoost
 * JSON or UBJSON, LightGBM text, ONNX. A file of another kind (a pickle, XGBoost's legacy binary, a
 * LightGBM JSON dump) is named in the message with how to save a readable one. Only declarative
 * formats are read; no Java deserialization of a user file happens anywhere.
 *
 * <p>Feature order: the names stored in the model file, or {@code --model-features} when given
 * (their count must equal the model's). A file that names no features needs {@code --model-features}:
 * guessing the order from the data could silently feed the wrong column to each input.
 */
public final class ModelLoader {

    private ModelLoader() {
    }

    /**
     * @param path          the model file
     * @param givenFeatures names from {@code --model-features}, in model order; empty to use the file's
     */
    public static Model load(Path path, List<String> givenFeatures) throws UnreadableInputException {
        String fileName = String.valueOf(path.getFileName());
        byte[] bytes = InputFiles.readAll(path, "model file", InputFiles.MAX_MODEL_BYTES);
        if (bytes.length == 0) {
            throw new UnreadableInputException(fileName + ": the model file is empty");
        }
        ModelFile file = read(bytes, fileName);
        Model model = file.model();
        if (!givenFeatures.isEmpty()) {
            if (givenFeatures.size() != model.features().size()) {
                throw new UnreadableInputException(fileName + ": --model-features names " + givenFeatures.size()
                        + " features but the model takes " + model.features().size());
            }
            if (givenFeatures.stream().distinct().count() != givenFeatures.size()) {
                throw new UnreadableInputException("--model-features names a feature twice: " + String.join(",", givenFeatures));
            }
            return model.withFeatures(givenFeatures);
        }
        if (!file.namesFeatures()) {
            throw new UnreadableInputException(fileName + ": the model does not name its " + model.features().size()
                    + " input features; give their order with --model-features a,b,...");
        }
        return model;
    }

    static ModelFile read(byte[] bytes, String fileName) throws UnreadableInputException {
        try {
            return readFormat(bytes, fileName);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // A structure the format reader let through and the model refused (a cycle, a tree too deep).
            throw new UnreadableInputException(fileName + ": " + e.getMessage(), e);
        }
    }

    private static ModelFile readFormat(byte[] bytes, String fileName) throws UnreadableInputException {
        ModelFormat format = ModelFormat.detect(bytes);
        switch (format) {
            case UBJSON:
                return XGBoostModelReader.read(bytes, fileName, true);
            case LIGHTGBM_TEXT:
                return LightGbmModelReader.read(new String(bytes, StandardCharsets.UTF_8), fileName);
            case ONNX:
                return OnnxModel.read(bytes, fileName);
            case JSON:
                return readJson(bytes, fileName);
            default:
                throw new UnreadableInputException(fileName + ": " + notReadable(format, fileName));
        }
    }

    private static ModelFile readJson(byte[] bytes, String fileName) throws UnreadableInputException {
        JsonNode root = XGBoostModelReader.parseJson(bytes, fileName);
        ModelFormat kind = ModelFormat.ofJson(root);
        switch (kind) {
            case XGBOOST_JSON:
                return XGBoostModelReader.read(root, fileName);
            case CATBOOST_JSON:
                return CatBoostModelReader.read(root, fileName);
            case LIGHTGBM_JSON_DUMP:
                throw new UnreadableInputException(fileName + ": " + notReadable(kind, fileName));
            default:
                throw new UnreadableInputException(fileName + ": JSON, but neither an XGBoost model (no 'learner' object) nor a "
                        + "CatBoost model (no 'oblivious_trees'); " + READS);
        }
    }

    private static final String READS = "ModelLens reads XGBoost JSON or UBJSON (save_model), LightGBM text (save_model), "
            + "CatBoost JSON (save_model(..., format='json')) and ONNX models";

    /** What the file is, what was expected and how to get it. */
    private static String notReadable(ModelFormat format, String fileName) {
        String what = switch (format) {
            case UNKNOWN -> "unknown model format";
            case TEXT -> "a text file that is no model ModelLens knows (a LightGBM text model starts with the line 'tree')";
            default -> "a " + format.description() + ", not a model file ModelLens reads";
        };
        String expected = expectedByName(fileName);
        if (expected != null) {
            what = "not a readable " + expected + ": " + (format == ModelFormat.UNKNOWN ? "its bytes match no model format"
                    : "it is " + what);
        }
        String how = switch (format) {
            case PICKLE -> "; load it in Python and save the model itself: booster.save_model('model.json') for XGBoost, "
                    + "booster.save_model('model.txt') for LightGBM";
            case XGBOOST_LEGACY_BINARY -> "; load it with XGBoost and save it again as JSON: booster.save_model('model.json')";
            case LIGHTGBM_JSON_DUMP -> "; dump_model() output lacks what scoring needs: save with booster.save_model('model.txt')";
            case CATBOOST_BINARY -> "; save it as JSON: model.save_model('model.json', format='json')";
            case ZIP, GZIP -> "; unpack it and give the model file inside";
            default -> "";
        };
        return what + how + ". " + READS + ".";
    }

    /** The format a file's extension promises, or null when it promises none. */
    private static String expectedByName(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".onnx")) {
            return "ONNX model";
        }
        if (lower.endsWith(".json")) {
            return "JSON model";
        }
        if (lower.endsWith(".ubj")) {
            return "XGBoost UBJSON model";
        }
        if (lower.endsWith(".cbm")) {
            return "CatBoost model";
        }
        return null;
    }
}
