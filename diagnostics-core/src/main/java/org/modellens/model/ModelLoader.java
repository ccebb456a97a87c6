package org.modellens.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.modellens.data.InputFiles;
import org.modellens.data.UnreadableInputException;

/**
 * Opens a model file by its format: XGBoost JSON ({@code .json}) or UBJSON ({@code .ubj}), LightGBM
 * text (any file starting with LightGBM's {@code tree} header), ONNX ({@code .onnx}). Only declarative
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
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ubj")) {
            return XGBoostModelReader.read(bytes, fileName, true);
        }
        if (lower.endsWith(".json")) {
            return XGBoostModelReader.read(bytes, fileName, false);
        }
        if (lower.endsWith(".onnx")) {
            return OnnxModel.read(bytes, fileName);
        }
        if (startsWith(bytes, "tree\n") || startsWith(bytes, "tree\r\n")) {
            return LightGbmModelReader.read(new String(bytes, StandardCharsets.UTF_8), fileName);
        }
        throw new UnreadableInputException(fileName + ": unknown model format; ModelLens reads XGBoost .json and .ubj "
                + "models, LightGBM text models and .onnx models");
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
