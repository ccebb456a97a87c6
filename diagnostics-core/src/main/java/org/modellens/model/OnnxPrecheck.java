package org.modellens.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modellens.data.UnreadableInputException;

/**
 * Reads an ONNX file's protobuf before ONNX Runtime sees a byte, and refuses what Runtime would
 * trust:
 * <ul>
 *   <li>any tensor whose data lies outside the file ({@code external_data} entries or
 *       {@code data_location = EXTERNAL}), anywhere: initializers, sparse initializers, node
 *       attributes, subgraphs, functions, training graphs. Runtime would read other files, and the
 *       location tag {@code _ORT_MEM_ADDR_} makes it take the offset as a memory address (a crash of
 *       the whole JVM). A model for diagnosis is one self-contained file.</li>
 *   <li>{@code ConstantOfShape} and {@code Expand} whose shape is a constant of more than
 *       {@link #MAX_TENSOR_ELEMENTS} elements: Runtime allocates them in native memory, which
 *       {@code -Xmx} does not bound.</li>
 * </ul>
 * A small walker over the wire format (varints, length-delimited fields) suffices: only the fields
 * named here are looked at, everything else is skipped by its length.
 */
final class OnnxPrecheck {

    /** One tensor of 2^27 elements is 512 MB of float32; no model for tabular data needs more. */
    static final long MAX_TENSOR_ELEMENTS = 1L << 27;
    /** Subgraphs inside subgraphs (If, Loop, Scan): real models nest a few levels. */
    private static final int MAX_NESTING = 32;

    private static final int INT64 = 7;

    private final String fileName;

    private OnnxPrecheck(String fileName) {
        this.fileName = fileName;
    }

    /** @throws UnreadableInputException naming the file and the tensor or node refused */
    static void check(byte[] bytes, String fileName) throws UnreadableInputException {
        OnnxPrecheck check = new OnnxPrecheck(fileName);
        try {
            check.model(new Fields(bytes, 0, bytes.length));
        } catch (Malformed e) {
            throw new UnreadableInputException(fileName + ": not a readable ONNX model (" + e.getMessage() + ")");
        }
    }

    private void model(Fields model) throws Malformed, UnreadableInputException {
        while (model.next()) {
            if (model.wire == 2 && model.field == 7) {
                graph(model.sub(), Map.of(), 0);
            } else if (model.wire == 2 && model.field == 20) {
                Fields training = model.sub();
                while (training.next()) {
                    if (training.wire == 2 && (training.field >= 1 && training.field <= 2)) {
                        graph(training.sub(), Map.of(), 0);
                    }
                }
            } else if (model.wire == 2 && model.field == 25) {
                function(model.sub());
            }
        }
    }

    private void function(Fields function) throws Malformed, UnreadableInputException {
        List<Fields> nodes = new ArrayList<>();
        while (function.next()) {
            if (function.wire == 2 && function.field == 7) {
                nodes.add(function.sub());
            } else if (function.wire == 2 && function.field == 11) {
                attribute(function.sub(), Map.of(), 1);
            }
        }
        nodes(nodes, new HashMap<>(), 1);
    }

    /** @param outer constants visible from enclosing graphs */
    private void graph(Fields graph, Map<String, long[]> outer, int depth) throws Malformed, UnreadableInputException {
        if (depth > MAX_NESTING) {
            throw new UnreadableInputException(fileName + ": the ONNX graph nests subgraphs more than " + MAX_NESTING
                    + " levels deep; the file is damaged or hostile");
        }
        Map<String, long[]> constants = new HashMap<>(outer);
        List<Fields> nodes = new ArrayList<>();
        while (graph.next()) {
            if (graph.wire != 2) {
                continue;
            }
            switch (graph.field) {
                case 1 -> nodes.add(graph.sub());
                case 5 -> {
                    Tensor tensor = tensor(graph.sub());
                    if (tensor.int64s != null && tensor.name != null) {
                        constants.put(tensor.name, tensor.int64s);
                    }
                }
                case 15 -> sparseTensor(graph.sub());
                default -> {
                    // inputs, outputs, value_info, names, annotations: nothing to trust
                }
            }
        }
        nodes(nodes, constants, depth);
    }

    private void nodes(List<Fields> nodes, Map<String, long[]> constants, int depth) throws Malformed, UnreadableInputException {
        // Constants first (a node's inputs are defined before it in a valid graph, but be order-free).
        List<Node> parsed = new ArrayList<>();
        for (Fields fields : nodes) {
            Node node = node(fields, constants, depth);
            parsed.add(node);
            if ("Constant".equals(node.opType) && node.value != null && node.value.int64s != null && !node.outputs.isEmpty()) {
                constants.put(node.outputs.get(0), node.value.int64s);
            }
        }
        for (Node node : parsed) {
            int shapeInput = switch (node.opType) {
                case "ConstantOfShape" -> 0;
                case "Expand" -> 1;
                default -> -1;
            };
            if (shapeInput < 0 || node.inputs.size() <= shapeInput) {
                continue;
            }
            long[] shape = constants.get(node.inputs.get(shapeInput));
            if (shape != null) {
                long elements = elements(shape);
                if (elements > MAX_TENSOR_ELEMENTS) {
                    throw new UnreadableInputException(fileName + ": the ONNX node " + describe(node) + " would make a tensor of "
                            + (elements == Long.MAX_VALUE ? "more than 2^63" : String.valueOf(elements)) + " elements; "
                            + "ModelLens refuses graphs that ask for more than " + MAX_TENSOR_ELEMENTS
                            + " elements in one tensor (native memory is not bounded by Java's)");
                }
            }
        }
    }

    private static long elements(long[] shape) {
        long product = 1;
        for (long d : shape) {
            if (d < 0) {
                return 0; // a negative dimension is an error Runtime reports itself
            }
            if (d != 0 && product > Long.MAX_VALUE / d) {
                return Long.MAX_VALUE;
            }
            product *= d;
        }
        return product;
    }

    private static String describe(Node node) {
        return (node.name == null || node.name.isEmpty() ? "" : "'" + shown(node.name) + "' ") + "(" + shown(node.opType) + ")";
    }

    private record Node(String name, String opType, List<String> inputs, List<String> outputs, Tensor value) {
    }

    private Node node(Fields node, Map<String, long[]> constants, int depth) throws Malformed, UnreadableInputException {
        String name = null;
        String opType = "";
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Tensor value = null;
        while (node.next()) {
            if (node.wire != 2) {
                continue;
            }
            switch (node.field) {
                case 1 -> inputs.add(node.string());
                case 2 -> outputs.add(node.string());
                case 3 -> name = node.string();
                case 4 -> opType = node.string();
                case 5 -> {
                    Tensor t = attribute(node.sub(), constants, depth);
                    if (t != null) {
                        value = t;
                    }
                }
                default -> {
                    // domain, doc_string
                }
            }
        }
        return new Node(name, opType, inputs, outputs, value);
    }

    /** Checks an attribute's tensors and subgraphs; returns its tensor {@code t} when it is named "value". */
    private Tensor attribute(Fields attribute, Map<String, long[]> constants, int depth) throws Malformed, UnreadableInputException {
        String name = null;
        Tensor t = null;
        while (attribute.next()) {
            if (attribute.wire != 2) {
                continue;
            }
            switch (attribute.field) {
                case 1 -> name = attribute.string();
                case 5 -> t = tensor(attribute.sub());
                case 10 -> tensor(attribute.sub());
                case 6, 11 -> graph(attribute.sub(), constants, depth + 1);
                case 22, 23 -> sparseTensor(attribute.sub());
                default -> {
                    // strings, floats, ints, type protos
                }
            }
        }
        return "value".equals(name) ? t : null;
    }

    private void sparseTensor(Fields sparse) throws Malformed, UnreadableInputException {
        while (sparse.next()) {
            if (sparse.wire == 2 && (sparse.field == 1 || sparse.field == 2)) {
                tensor(sparse.sub());
            }
        }
    }

    /** A tensor's name and, for an INT64 tensor, its values (a shape, when it feeds one). */
    private record Tensor(String name, long[] int64s) {
    }

    private Tensor tensor(Fields tensor) throws Malformed, UnreadableInputException {
        String name = null;
        int dataType = 0;
        boolean external = false;
        boolean memoryTag = false;
        List<Long> int64s = new ArrayList<>();
        byte[] raw = null;
        while (tensor.next()) {
            switch (tensor.field) {
                case 2 -> dataType = (int) tensor.varint;
                case 7 -> {
                    if (tensor.wire == 0) {
                        int64s.add(tensor.varint);
                    } else if (tensor.wire == 2) {
                        Fields packed = tensor.sub();
                        while (packed.pos < packed.end && int64s.size() <= 64) {
                            int64s.add(packed.readVarint());
                        }
                    }
                }
                case 8 -> name = tensor.wire == 2 ? tensor.string() : name;
                case 9 -> {
                    if (tensor.wire == 2 && tensor.stop - tensor.start <= 8 * 64) {
                        raw = java.util.Arrays.copyOfRange(tensor.bytes, tensor.start, tensor.stop);
                    }
                }
                case 13 -> {
                    external = true;
                    if (tensor.wire == 2 && new String(tensor.bytes, tensor.start, tensor.stop - tensor.start,
                            StandardCharsets.ISO_8859_1).contains("_ORT_MEM_ADDR_")) {
                        memoryTag = true;
                    }
                }
                case 14 -> external |= tensor.wire == 0 && tensor.varint == 1;
                default -> {
                    // dims, other typed data, doc strings
                }
            }
        }
        if (external) {
            throw new UnreadableInputException(fileName + ": the ONNX tensor " + (name == null ? "(unnamed)" : "'" + shown(name) + "'")
                    + " keeps its data outside the model file" + (memoryTag ? " (at a memory address)" : "")
                    + "; ModelLens reads only self-contained ONNX models (save it without external data)");
        }
        if (dataType != INT64) {
            return new Tensor(name, null);
        }
        if (raw != null && raw.length % 8 == 0) {
            ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            long[] values = new long[raw.length / 8];
            for (int i = 0; i < values.length; i++) {
                values[i] = buffer.getLong();
            }
            return new Tensor(name, values);
        }
        if (!int64s.isEmpty() && int64s.size() <= 64) {
            return new Tensor(name, int64s.stream().mapToLong(Long::longValue).toArray());
        }
        return new Tensor(name, null);
    }

    /** The protobuf wire format, one field at a time, within {@code [pos, end)} of the file's bytes. */
    private static final class Fields {
        final byte[] bytes;
        int pos;
        final int end;
        int field;
        int wire;
        long varint;
        int start;
        int stop;

        Fields(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.pos = from;
            this.end = to;
        }

        boolean next() throws Malformed {
            if (pos >= end) {
                return false;
            }
            long key = readVarint();
            field = (int) (key >>> 3);
            wire = (int) (key & 7);
            switch (wire) {
                case 0 -> varint = readVarint();
                case 1 -> skip(8);
                case 2 -> {
                    long length = readVarint();
                    if (length < 0 || length > end - pos) {
                        throw new Malformed("a field of " + length + " bytes at byte " + pos + " runs past its end");
                    }
                    start = pos;
                    stop = pos + (int) length;
                    pos = stop;
                }
                case 5 -> skip(4);
                default -> throw new Malformed("wire type " + wire + " at byte " + pos + " is not protobuf as ONNX writes it");
            }
            return true;
        }

        Fields sub() {
            return new Fields(bytes, start, stop);
        }

        String string() {
            return new String(bytes, start, stop - start, StandardCharsets.UTF_8);
        }

        long readVarint() throws Malformed {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw new Malformed("the file ends inside a number at byte " + pos);
                }
                byte b = bytes[pos++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new Malformed("a number longer than 10 bytes at byte " + pos);
        }

        private void skip(int n) throws Malformed {
            if (n > end - pos) {
                throw new Malformed("the file ends inside a field at byte " + pos);
            }
            pos += n;
        }
    }

    /** Damaged protobuf; the message says where. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** A name read from the file, fit for a one-line message: control characters shown as '?', at most 60 characters. */
    private static String shown(String name) {
        String flat = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "...";
    }
}
