package org.modellens.data;

import blue.strategic.parquet.Hydrator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a flat Parquet file into a {@link RawTable}, cells as text: numbers through
 * {@link String#valueOf} so they parse back, booleans as {@code true}/{@code false}, dates as
 * {@code yyyy-MM-dd}, timestamps as {@code yyyy-MM-ddTHH:mm:ss[.fff]} (UTC), decimals in plain
 * notation, nulls as missing. Nested, repeated and raw binary columns are refused, naming the column.
 */
public final class ParquetReader {

    /** Turns one Parquet value into the cell text every reader agrees on. */
    interface CellText {
        String text(Object value);
    }

    /**
     * The column names from the file's footer alone, without reading a row: what {@link #read} would
     * name the columns.
     */
    public List<String> columnNames(Path path) throws UnreadableInputException {
        String file = CsvReader.fileName(path);
        long size = InputFiles.checkRegularFile(path, "data file", Long.MAX_VALUE);
        if (size == 0) {
            throw new UnreadableInputException(file + " is empty");
        }
        MessageType schema;
        try {
            schema = blue.strategic.parquet.ParquetReader.readMetadata(path.toFile()).getFileMetaData().getSchema();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException(file + " is not a readable Parquet file; it is damaged or no Parquet ("
                    + Reasons.of(e) + ")", e);
        }
        List<String> names = new ArrayList<>();
        for (Type field : schema.getFields()) {
            if (names.contains(field.getName())) {
                throw new UnreadableInputException(file + ": column \"" + field.getName() + "\" appears twice");
            }
            names.add(field.getName());
        }
        if (names.isEmpty()) {
            throw new UnreadableInputException(file + " has no columns");
        }
        return names;
    }

    /** Reads the file; see the class documentation. */
    public RawTable read(Path path) throws UnreadableInputException {
        String file = CsvReader.fileName(path);
        byte[] bytes = CsvReader.readBytes(path, file);
        if (bytes.length == 0) {
            throw new UnreadableInputException(file + " is empty");
        }
        SourceInfo source = SourceInfo.hashing(path, "parquet", bytes);
        File f = path.toFile();
        MessageType schema;
        try {
            ParquetMetadata meta = blue.strategic.parquet.ParquetReader.readMetadata(f);
            schema = meta.getFileMetaData().getSchema();
            checkDeclaredSizes(meta, bytes.length, file);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException(file + " is not a readable Parquet file; it is damaged or no Parquet ("
                    + Reasons.of(e) + ")", e);
        }
        List<String[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        stream(f, file, schema, new RowStream.Sink() {
            @Override
            public void header(List<String> header) {
                names.addAll(header);
            }

            @Override
            public void row(String[] cells) {
                rows.add(cells);
            }
        });
        return RawTable.ofRows(source, names, rows);
    }

    /**
     * Hands the rows of the flat Parquet file {@code f}, whose footer gave {@code schema}, to the sink
     * in file order, cells as text ({@link #cellText}): the one way both this reader and
     * {@link RowStream} read Parquet rows. Refuses a file without columns or rows, a column named
     * twice, and unsupported, damaged or truncated content, naming the file.
     */
    static void stream(File f, String file, MessageType schema, RowStream.Sink sink) throws UnreadableInputException {
        List<Type> fields = schema.getFields();
        int width = fields.size();
        if (width == 0) {
            throw new UnreadableInputException(file + " has no columns");
        }
        List<String> names = new ArrayList<>(width);
        CellText[] converters = new CellText[width];
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < width; c++) {
            Type field = fields.get(c);
            String name = field.getName();
            if (index.putIfAbsent(name, c) != null) {
                throw new UnreadableInputException(file + ": column \"" + name + "\" appears twice");
            }
            names.add(name);
            converters[c] = cellText(field, file);
        }
        sink.header(names);
        Function<String[], Integer> heading = p -> index.get(p[0]);
        Hydrator<String[], String[], Integer> hydrator = new Hydrator<>() {
            @Override
            public String[] start() {
                return new String[width];
            }

            @Override
            public String[] add(String[] row, Integer column, Object value) {
                if (column != null && value != null) {
                    row[column] = converters[column].text(value);
                }
                return row;
            }

            @Override
            public String[] finish(String[] row) {
                return row;
            }
        };
        long rows = 0;
        try (Stream<String[]> stream = blue.strategic.parquet.ParquetReader.streamContent(f, hydrator, heading)) {
            var it = stream.iterator();
            while (it.hasNext()) {
                sink.row(it.next());
                rows++;
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException(file + " cannot be read as Parquet; it is damaged or truncated ("
                    + Reasons.of(e) + ")", e);
        } catch (OutOfMemoryError e) {
            // A damaged page can declare billions of values: the page reader's one huge array is refused before
            // anything is taken, so this is a damaged file, said in one line (BinaryReaderFuzzTest found it).
            throw new UnreadableInputException(file + " cannot be read as Parquet: a page declares more values than fit in"
                    + " memory; the file is damaged, or too large to read whole here", e);
        } catch (LinkageError e) {
            // A codec outside the set read here (LZO, Brotli) or a damaged codec id sends Parquet looking for
            // a Hadoop codec class that the Hadoop-free reader does not carry (GZIP and LZ4 are ours, in
            // org.apache.hadoop.io.compress).
            throw new UnreadableInputException(file + " cannot be read as Parquet: its compression codec is not supported"
                    + " (write it with snappy, gzip, zstd, lz4 or no compression), or the file is damaged", e);
        }
        if (rows == 0) {
            throw new UnreadableInputException(file + " has columns but no data rows");
        }
    }

    static CellText cellText(Type field, String file) throws UnreadableInputException {
        String name = field.getName();
        if (!field.isPrimitive()) {
            throw new UnreadableInputException(file + ": column \"" + name
                    + "\" is a nested (group/list/map) column, which is not supported");
        }
        if (field.isRepetition(Type.Repetition.REPEATED)) {
            throw new UnreadableInputException(file + ": column \"" + name + "\" is a repeated column, which is not supported");
        }
        PrimitiveType primitive = field.asPrimitiveType();
        LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
        PrimitiveType.PrimitiveTypeName typeName = primitive.getPrimitiveTypeName();
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            int scale = decimal.getScale();
            if (typeName == PrimitiveType.PrimitiveTypeName.INT32 || typeName == PrimitiveType.PrimitiveTypeName.INT64) {
                return v -> BigDecimal.valueOf(((Number) v).longValue(), scale).toPlainString();
            }
            return v -> v instanceof String s ? s : new BigDecimal(new BigInteger(v.toString()), scale).toPlainString();
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return v -> LocalDate.ofEpochDay(((Number) v).longValue()).toString();
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
            LogicalTypeAnnotation.TimeUnit unit = ts.getUnit();
            return v -> {
                long raw = ((Number) v).longValue();
                Instant instant = switch (unit) {
                    case MILLIS -> Instant.ofEpochMilli(raw);
                    case MICROS -> Instant.ofEpochSecond(Math.floorDiv(raw, 1_000_000L), Math.floorMod(raw, 1_000_000L) * 1000L);
                    case NANOS -> Instant.ofEpochSecond(Math.floorDiv(raw, 1_000_000_000L), Math.floorMod(raw, 1_000_000_000L));
                };
                LocalDateTime dt = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
                String s = dt.toString();
                return dt.getSecond() == 0 && dt.getNano() == 0 ? s + ":00" : s;
            };
        }
        return switch (typeName) {
            case INT32, INT64, DOUBLE, FLOAT, BOOLEAN -> String::valueOf;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
                        || logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
                    yield Object::toString;
                }
                throw new UnreadableInputException(file + ": column \"" + name
                        + "\" holds raw binary values (" + typeName + "), which are not supported");
            }
            case INT96 -> throw new UnreadableInputException(file + ": column \"" + name
                    + "\" uses the legacy INT96 timestamp type, which is not supported; write timestamps as INT64");
        };
    }

    /** Beyond this ratio of decoded to stored bytes a column chunk is a decompression bomb, not data. */
    private static final long MAX_EXPANSION = 1000;

    /**
     * Parquet allocates each column chunk's buffers from the sizes the footer declares: a chunk said to
     * hold 1 TB made the reader run out of memory before reading a byte. Each chunk must lie inside
     * the file, and expand by at most {@link #MAX_EXPANSION} times.
     */
    static void checkDeclaredSizes(ParquetMetadata meta, long fileSize, String file) throws UnreadableInputException {
        int group = 0;
        for (org.apache.parquet.hadoop.metadata.BlockMetaData block : meta.getBlocks()) {
            if (block.getRowCount() < 0) {
                throw new UnreadableInputException(file + ": row group " + group + " declares " + block.getRowCount()
                        + " rows; the file is damaged");
            }
            for (org.apache.parquet.hadoop.metadata.ColumnChunkMetaData column : block.getColumns()) {
                long start = column.getStartingPos();
                long stored = column.getTotalSize();
                long decoded = column.getTotalUncompressedSize();
                String where = file + ": row group " + group + ", column \"" + column.getPath().toDotString() + "\"";
                if (start < 0 || stored < 0 || stored > fileSize || start > fileSize - stored) {
                    throw new UnreadableInputException(where + " declares " + InputFiles.bytes(Math.max(stored, 0))
                            + " at byte " + start + ", outside the file's " + InputFiles.bytes(fileSize)
                            + "; the file is damaged or hostile");
                }
                if (decoded < 0 || decoded > MAX_EXPANSION * Math.max(stored, 1) + (1 << 20) || decoded > Integer.MAX_VALUE) {
                    throw new UnreadableInputException(where + " declares " + InputFiles.bytes(Math.max(decoded, 0))
                            + " once decompressed from " + InputFiles.bytes(stored) + ", the mark of a decompression bomb"
                            + " or a damaged file, so it is not read");
                }
            }
            group++;
        }
    }

    /** Refuses schemas with columns this reader cannot turn into text, naming the first such column. */
    static void checkSupported(MessageType schema, String file) throws UnreadableInputException {
        for (Type field : schema.getFields()) {
            cellText(field, file);
        }
    }
}
