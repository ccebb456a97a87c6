package org.modellens.model;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import org.modellens.data.UnreadableInputException;

/**
 * A model in ONNX format, run with ONNX Runtime. ONNX is a declarative graph (protobuf); running it
 * executes only the graph's operators.
 *
 * <p>Expected shape: one float input tensor {@code [N, features]} (a graph with several inputs is
 * refused: ModelLens feeds one table) and a float output tensor {@code [N, K]}: {@code K = 1} a
 * regression, {@code K = 2} binary class probabilities (negative, positive), {@code K > 2}
 * multiclass probabilities. When the graph has several float outputs the last one of rank 2 is
 * used (converters put probabilities after labels). Feature names come from the model's
 * metadata property {@code feature_names} (comma-separated) or from {@code --model-features}.
 * A missing value is passed as NaN: the graph decides what it means.
 */
public final class OnnxModel implements Model {

    private static final int BATCH = 16_384;

    private final OrtSession session;
    private final String input;
    private final String output;
    private final int outputs;
    private final List<String> features;
    private final String task;
    private final List<String> classes;

    private OnnxModel(OrtSession session, String input, String output, int outputs, List<String> features) {
        this.session = session;
        this.input = input;
        this.output = output;
        this.outputs = outputs;
        this.features = List.copyOf(features);
        this.task = outputs == 1 ? "regression" : outputs == 2 ? "binary" : "multiclass";
        List<String> labels = new ArrayList<>();
        for (int k = 0; outputs > 1 && k < outputs; k++) {
            labels.add(String.valueOf(k));
        }
        this.classes = List.copyOf(labels);
    }

    static ModelFile read(byte[] bytes, String fileName) throws UnreadableInputException {
        // Runtime trusts what the protobuf says (external data, tensor sizes): checked before it sees a byte.
        OnnxPrecheck.check(bytes, fileName);
        OrtSession session;
        try {
            OrtEnvironment environment = environment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // Explainers run rows on all cores already: one thread per call avoids oversubscription.
            options.setIntraOpNumThreads(1);
            // Runtime's own log (coloured, with C++ paths) would precede our one line; its errors reach us as exceptions.
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            // No arena and no memory patterns: memory is taken per tensor and given back, never pooled beyond need.
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            session = environment.createSession(bytes, options);
        } catch (OrtException e) {
            throw new UnreadableInputException(fileName + ": not a readable ONNX model (" + firstLine(e.getMessage()) + ")");
        }
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (inputs.size() != 1) {
                throw new UnreadableInputException(fileName + ": the ONNX model has " + inputs.size() + " inputs ("
                        + String.join(", ", inputs.keySet()) + "); ModelLens feeds one input tensor [rows, features]");
            }
            NodeInfo in = inputs.values().iterator().next();
            long[] shape = tensorShape(in, fileName, "input");
            if (shape.length != 2 || shape[1] <= 0 || ((TensorInfo) in.getInfo()).type != OnnxJavaType.FLOAT) {
                throw new UnreadableInputException(fileName + ": the ONNX input " + in.getName()
                        + " is not a float tensor [rows, features] with a fixed feature count");
            }
            int featureCount = (int) shape[1];
            String outputName = null;
            int outputCount = 0;
            for (NodeInfo out : session.getOutputInfo().values()) {
                if (out.getInfo() instanceof TensorInfo info && info.type == OnnxJavaType.FLOAT && info.getShape().length == 2
                        && info.getShape()[1] > 0) {
                    outputName = out.getName();
                    outputCount = (int) info.getShape()[1];
                }
            }
            if (outputName == null) {
                throw new UnreadableInputException(fileName + ": the ONNX model has no float output tensor [rows, outputs] "
                        + "(a ZipMap output must be turned off when converting)");
            }
            String names = session.getMetadata().getCustomMetadata().get("feature_names");
            List<String> features = new ArrayList<>();
            boolean named = names != null && !names.isBlank();
            if (named) {
                for (String name : names.split(",")) {
                    features.add(name.trim());
                }
                if (features.size() != featureCount) {
                    throw new UnreadableInputException(fileName + ": feature_names lists " + features.size()
                            + " names for an input of " + featureCount + " features");
                }
            } else {
                for (int j = 0; j < featureCount; j++) {
                    features.add("f" + j);
                }
            }
            // A plain tree ensemble is read as trees (exact TreeSHAP); its scores equal the graph's (OnnxTreeOracleTest).
            TreeEnsemble trees = OnnxTreeReader.read(bytes, outputName, outputCount, features);
            if (trees != null) {
                session.close();
                return new ModelFile(trees, named);
            }
            return new ModelFile(new OnnxModel(session, in.getName(), outputName, outputCount, features), named);
        } catch (OrtException e) {
            throw new UnreadableInputException(fileName + ": cannot read the ONNX model's signature (" + firstLine(e.getMessage())
                    + ")");
        }
    }

    /** The one Runtime environment, created with its logging at FATAL when ModelLens creates it first. */
    private static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "modellens");
    }

    private static long[] tensorShape(NodeInfo node, String fileName, String what) throws UnreadableInputException {
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw new UnreadableInputException(fileName + ": the ONNX " + what + " " + node.getName() + " is not a tensor");
        }
        return info.getShape();
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }

    @Override
    public String type() {
        return "onnx";
    }

    @Override
    public List<String> features() {
        return features;
    }

    @Override
    public Model withFeatures(List<String> names) {
        if (names.size() != features.size()) {
            throw new IllegalArgumentException(names.size() + " feature names for a model of " + features.size() + " features");
        }
        return new OnnxModel(session, input, output, outputs, names);
    }

    @Override
    public String task() {
        return task;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public int outputCount() {
        return outputs == 2 ? 1 : outputs;
    }

    @Override
    public String outputSpace() {
        return "probability";
    }

    /** Raw outputs are the graph's outputs; for a binary classifier, the positive class's probability. */
    @Override
    public double[] rawOutputs(FeatureMatrix rows, int from, int to) {
        int p = rows.columns();
        int k = outputCount();
        double[] out = new double[(to - from) * k];
        double[] x = rows.values();
        OrtEnvironment environment = environment();
        for (int start = from; start < to; start += BATCH) {
            int end = Math.min(to, start + BATCH);
            float[] batch = new float[(end - start) * p];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = (float) x[start * p + i];
            }
            try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(batch), new long[] {end - start, p});
                 OrtSession.Result result = session.run(Map.of(input, tensor))) {
                OnnxValue value = result.get(output).orElseThrow();
                float[][] values = (float[][]) value.getValue();
                for (int i = 0; i < values.length; i++) {
                    int o = (start - from + i) * k;
                    if (outputs == 2) {
                        out[o] = values[i][1];
                    } else {
                        for (int j = 0; j < k; j++) {
                            out[o + j] = values[i][j];
                        }
                    }
                }
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime failed on rows " + start + "-" + (end - 1) + ": "
                        + firstLine(e.getMessage()), e);
            }
        }
        return out;
    }

    @Override
    public double[] link(double[] raw) {
        return raw.clone();
    }
}
