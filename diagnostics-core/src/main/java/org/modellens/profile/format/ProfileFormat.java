package org.modellens.profile.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.modellens.data.ColumnType;
import org.modellens.data.UnreadableInputException;

/**
 * The {@code .mlprofile} encoding of a {@link Profile}, version {@value #VERSION}.
 *
 * <pre>
 * magic    8 bytes  0x89 'M' 'L' 'P' 'R' 'O' 'F' 0x0A   (high bit and newline catch text-mode damage)
 * version  2 bytes  big-endian, {@value #VERSION}
 * body     gzip (its CRC-32 catches damage) of big-endian fields (java.io.DataOutput):
 *   options      sampleRows i32, seed i64, maxCategories i32, kllK i32, hllLgK i32, maxStoredHashes i32, typeRows i32
 *   producer, source, sha256   strings (i32 UTF-8 length, -1 = null, then the bytes)
 *   rows         i64
 *   schema       i32 width, then per column: name string, type u8 (ColumnType ordinal:
 *                NUMERIC, CATEGORICAL, BOOLEAN, DATETIME, TEXT), identifier bool
 *   columns      per column: name, type, identifier, rows, missing, unparsable, nonFinite, count (i64),
 *                min, max, mean, m2 (f64), then [bool] category counts (other i64, complete bool,
 *                i32 n, n x (label string, count i64), labels sorted), [bool] KLL sketch bytes
 *                (DataSketches KllDoublesSketch serialization) followed by the smallest and the largest
 *                values (each i32 n &lt;= 1000, n x f64), HLL sketch bytes (compact HllSketch, HLL_8)
 *   duplicates   rows i64, duplicates i64, exact bool, i32 n + n example row indices i64,
 *                [bool] i32 n + n sorted row hashes as unsigned varint deltas from Long.MIN_VALUE
 *   sample       i32 n, n x (priority i64, row index i64, width x cell string)
 *   model        [bool] model name, i32 n features, n names, base value f64, rows i64, prediction mean,
 *                M2, min, max f64, KLL bytes, n x (sum contribution f64, sum |contribution| f64),
 *                (version 2:) scores bool, score rows i64, score mean, M2 f64, score KLL bytes,
 *                i32 k + k predicted-class counts i64
 *   chunking     (version 2:) time column string (-1 = none), period string (day, week, month)
 *   chunks       i32 n, n x (key string, chunk body: options to model as above, no chunks of its own)
 * </pre>
 * Byte arrays are an i32 length then the bytes. A reader refuses a newer version instead of guessing;
 * version 1 files (no scores, no chunking) are read.
 */
public final class ProfileFormat {

    /** The current format version. */
    public static final int VERSION = 2;

    /** The conventional file extension. */
    public static final String EXTENSION = ".mlprofile";

    private static final byte[] MAGIC = {(byte) 0x89, 'M', 'L', 'P', 'R', 'O', 'F', 0x0A};

    private ProfileFormat() {
    }

    /** Whether the file starts with the profile magic bytes (false for a file that cannot be read). */
    public static boolean isProfile(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the profile to the file (through a temporary file renamed into place). */
    public static void write(Profile profile, Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        // Not createTempFile: its owner-only permissions would stick to the profile; this one follows the umask.
        Path temporary = absolute.resolveSibling(".mlprofile-" + java.util.UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temporary,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
                write(profile, out, profile.options().maxStoredHashes());
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Reads a profile file; a file that is no profile, of a newer version or damaged is refused by name. */
    public static Profile read(Path path) throws UnreadableInputException {
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        // Read as a stream, so any size; but a pipe or device never ends.
        org.modellens.data.InputFiles.checkRegularFile(path, "profile file", Long.MAX_VALUE);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path))) {
            return read(in, file);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": file not found (" + path.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The profile as bytes (what the file holds); row hashes kept up to {@code maxStoredHashes}. */
    public static byte[] toBytes(Profile profile, int maxStoredHashes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(profile, bytes, maxStoredHashes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A profile from {@link #toBytes}; {@code name} names the bytes in messages. */
    public static Profile fromBytes(byte[] bytes, String name) {
        try {
            return read(new ByteArrayInputStream(bytes), name);
        } catch (UnreadableInputException | IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void write(Profile profile, OutputStream raw, int maxStoredHashes) throws IOException {
        raw.write(MAGIC);
        raw.write(VERSION >>> 8);
        raw.write(VERSION & 0xFF);
        GZIPOutputStream zip = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(zip, 1 << 16));
        writeBody(profile, out, maxStoredHashes);
        writeString(out, profile.chunkColumn().orElse(null));
        writeString(out, profile.chunkPeriod().orElse(null));
        out.writeInt(profile.chunks().size());
        for (var chunk : profile.chunks().entrySet()) {
            writeString(out, chunk.getKey());
            writeBody(chunk.getValue(), out, Math.min(maxStoredHashes, chunk.getValue().options().maxStoredHashes()));
        }
        out.flush();
        zip.finish();
    }

    private static void writeBody(Profile p, DataOutput out, int maxStoredHashes) throws IOException {
        ProfileOptions o = p.options();
        out.writeInt(o.sampleRows());
        out.writeLong(o.seed());
        out.writeInt(o.maxCategories());
        out.writeInt(o.kllK());
        out.writeInt(o.hllLgK());
        out.writeInt(o.maxStoredHashes());
        out.writeInt(o.typeRows());
        writeString(out, p.producer());
        writeString(out, p.source());
        writeString(out, p.sha256());
        out.writeLong(p.rows());
        ProfileSchema schema = p.schema();
        out.writeInt(schema.width());
        for (int c = 0; c < schema.width(); c++) {
            writeString(out, schema.names().get(c));
            out.writeByte(schema.types().get(c).ordinal());
            out.writeBoolean(schema.identifiers().contains(schema.names().get(c)));
        }
        for (ColumnSummary column : p.columns()) {
            column.write(out);
        }
        p.duplicates().write(out, maxStoredHashes);
        p.sample().write(out, schema.width());
        out.writeBoolean(p.model().isPresent());
        if (p.model().isPresent()) {
            p.model().get().write(out);
        }
    }

    private static Profile read(InputStream raw, String file) throws UnreadableInputException, IOException {
        byte[] head = raw.readNBytes(MAGIC.length + 2);
        if (head.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(head, MAGIC.length), MAGIC)) {
            throw new UnreadableInputException(file + " is not a ModelLens profile (.mlprofile): its first bytes differ");
        }
        int version = (head[MAGIC.length] & 0xFF) << 8 | head[MAGIC.length + 1] & 0xFF;
        if (version < 1 || version > VERSION) {
            throw new UnreadableInputException(file + " is a profile of format version " + version
                    + "; this ModelLens reads versions up to " + VERSION + (version > VERSION ? ": update ModelLens" : ""));
        }
        try {
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
            Profile profile = readBody(in, version);
            if (version >= 2) {
                String column = readNullableString(in);
                String period = readNullableString(in);
                if (column != null) {
                    profile.setChunking(column, period);
                }
            }
            int chunks = in.readInt();
            if (chunks < 0) {
                throw new IOException("bad chunk count " + chunks);
            }
            for (int i = 0; i < chunks; i++) {
                String key = readString(in);
                profile.putChunk(key, readBody(in, version));
            }
            // Reading past the end makes gzip check its CRC-32 and length: damage anywhere is caught.
            if (in.read() != -1) {
                throw new IOException("data after the end of the profile");
            }
            return profile;
        } catch (EOFException | ZipException e) {
            throw new UnreadableInputException(file + " is a damaged or truncated profile (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException(file + " is a damaged profile (" + e.getMessage() + ")", e);
        }
    }

    private static Profile readBody(DataInput in, int version) throws IOException {
        ProfileOptions options = new ProfileOptions(in.readInt(), in.readLong(), in.readInt(), in.readInt(), in.readInt(),
                in.readInt(), in.readInt());
        String producer = readString(in);
        String source = readString(in);
        String sha256 = readString(in);
        long rows = in.readLong();
        int width = in.readInt();
        if (width < 0 || width > 10_000_000) {
            throw new IOException("bad column count " + width);
        }
        List<String> names = new ArrayList<>(width);
        List<ColumnType> types = new ArrayList<>(width);
        Set<String> identifiers = new LinkedHashSet<>();
        for (int c = 0; c < width; c++) {
            String name = readString(in);
            int ordinal = in.readUnsignedByte();
            if (ordinal >= ColumnType.values().length) {
                throw new IOException("unknown column type " + ordinal + " for column " + name);
            }
            names.add(name);
            types.add(ColumnType.values()[ordinal]);
            if (in.readBoolean()) {
                identifiers.add(name);
            }
        }
        ProfileSchema schema = new ProfileSchema(names, types, identifiers);
        List<ColumnSummary> columns = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            ColumnSummary column = ColumnSummary.read(in, options);
            if (!column.name().equals(names.get(c)) || column.type() != types.get(c)) {
                throw new IOException("column " + c + " (" + column.name() + ") disagrees with the schema");
            }
            columns.add(column);
        }
        DuplicateSummary duplicates = DuplicateSummary.read(in);
        RowSample sample = RowSample.read(in, options.sampleRows(), width);
        Profile profile = new Profile(schema, options, source, sha256, producer, duplicates, sample);
        profile.setRows(rows);
        for (int c = 0; c < width; c++) {
            profile.setColumn(c, columns.get(c));
        }
        if (in.readBoolean()) {
            profile.setModel(ModelSummary.read(in, options.kllK(), version));
        }
        return profile;
    }

    static void writeString(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInput in) throws IOException {
        String s = readNullableString(in);
        if (s == null) {
            throw new IOException("a required text is missing");
        }
        return s;
    }

    static String readNullableString(DataInput in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > (1 << 28)) {
            throw new IOException("bad text length " + n);
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 28)) {
            throw new IOException("bad block length " + n);
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    static void writeVarLong(DataOutput out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    static long readVarLong(DataInput in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("bad varint");
    }
}
