package org.modellens.model;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A reader of Universal Binary JSON (ubjson.org, draft 12) into Jackson's tree model, so that a
 * model saved as {@code .ubj} is read by the same code as its JSON twin. Supports the optimized
 * containers ({@code $} type and {@code #} count) that XGBoost writes for its arrays. Big-endian,
 * as the format specifies. Float32 values stay float32 ({@code FloatNode}): XGBoost compares inputs
 * with its split values in single precision.
 */
final class Ubjson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deeper than any model file nests; bounds recursion on a corrupt file. */
    private static final int MAX_DEPTH = 64;

    private final ByteBuffer in;

    private Ubjson(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    /**
     * Parses one UBJSON value.
     *
     * @throws IOException on truncated or malformed input, with the byte offset
     */
    static JsonNode parse(byte[] bytes) throws IOException {
        Ubjson reader = new Ubjson(bytes);
        try {
            return reader.value(reader.marker(), 0);
        } catch (java.nio.BufferUnderflowException e) {
            throw new EOFException("the file ends in the middle of a value (truncated at byte " + bytes.length + ")");
        }
    }

    private byte marker() {
        byte marker;
        do {
            marker = in.get();
        } while (marker == 'N');
        return marker;
    }

    private JsonNode value(byte marker, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("nesting deeper than " + MAX_DEPTH + " at byte " + in.position());
        }
        return switch (marker) {
            case 'Z' -> NODES.nullNode();
            case 'T' -> NODES.booleanNode(true);
            case 'F' -> NODES.booleanNode(false);
            case 'i' -> NODES.numberNode(in.get());
            case 'U' -> NODES.numberNode(in.get() & 0xff);
            case 'I' -> NODES.numberNode(in.getShort());
            case 'l' -> NODES.numberNode(in.getInt());
            case 'L' -> NODES.numberNode(in.getLong());
            case 'd' -> NODES.numberNode(in.getFloat());
            case 'D' -> NODES.numberNode(in.getDouble());
            case 'C' -> NODES.textNode(String.valueOf((char) (in.get() & 0xff)));
            case 'S', 'H' -> NODES.textNode(string());
            case '[' -> array(depth);
            case '{' -> object(depth);
            default -> throw new IOException("unknown type marker '" + printable(marker) + "' at byte " + (in.position() - 1));
        };
    }

    /**
     * The optimized-container header after '[' or '{': an element type ('$', 0 when absent) and a
     * count ('#', -1 when absent), and the marker that follows when there is no count.
     */
    private record Header(byte type, long count, byte next) {
    }

    private Header header(String container) throws IOException {
        byte type = 0;
        byte next = marker();
        if (next == '$') {
            type = in.get();
            next = marker();
            if (next != '#') {
                throw new IOException("a typed " + container + " lacks its count at byte " + (in.position() - 1));
            }
        }
        if (next == '#') {
            long count = length();
            checkRemaining(count);
            return new Header(type, count, (byte) 0);
        }
        return new Header(type, -1, next);
    }

    private ArrayNode array(int depth) throws IOException {
        ArrayNode array = NODES.arrayNode();
        Header header = header("array");
        if (header.count() >= 0) {
            for (long i = 0; i < header.count(); i++) {
                array.add(value(header.type() != 0 ? header.type() : marker(), depth + 1));
            }
            return array;
        }
        for (byte next = header.next(); next != ']'; next = marker()) {
            array.add(value(next, depth + 1));
        }
        return array;
    }

    private ObjectNode object(int depth) throws IOException {
        ObjectNode object = NODES.objectNode();
        Header header = header("object");
        if (header.count() >= 0) {
            for (long i = 0; i < header.count(); i++) {
                String key = key(lengthValue(marker()));
                object.set(key, value(header.type() != 0 ? header.type() : marker(), depth + 1));
            }
            return object;
        }
        for (byte next = header.next(); next != '}'; next = marker()) {
            String key = key(lengthValue(next));
            object.set(key, value(marker(), depth + 1));
        }
        return object;
    }

    private String string() throws IOException {
        return key(length());
    }

    private String key(long length) throws IOException {
        checkRemaining(length);
        byte[] bytes = new byte[(int) length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private long length() throws IOException {
        return lengthValue(in.get());
    }

    private long lengthValue(byte marker) throws IOException {
        long length = switch (marker) {
            case 'i' -> in.get();
            case 'U' -> in.get() & 0xff;
            case 'I' -> in.getShort();
            case 'l' -> in.getInt();
            case 'L' -> in.getLong();
            default -> throw new IOException("expected a length at byte " + (in.position() - 1) + ", found '"
                    + printable(marker) + "'");
        };
        if (length < 0) {
            throw new IOException("negative length " + length + " at byte " + in.position());
        }
        return length;
    }

    /** Every element takes at least one byte: a count beyond the bytes left is a truncated or corrupt file. */
    private void checkRemaining(long count) throws IOException {
        if (count > in.remaining()) {
            throw new EOFException("a length of " + count + " at byte " + in.position() + " runs past the end of the file");
        }
    }

    private static String printable(byte marker) {
        return marker >= 32 && marker < 127 ? String.valueOf((char) marker) : String.format("0x%02x", marker & 0xff);
    }
}
