package org.modellens.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes the Parquet codec fixtures ({@code resources/org/modellens/data/codec-*.parquet}): the same
 * 300 rows (an id, a double, a text column) compressed with each codec Parquet files commonly use.
 * Not a test; run it to regenerate them (Debian has no pyarrow, so parquet-mr's own writer makes them):
 * <pre>
 * mvn -B -o -pl diagnostics-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.modellens.data.MakeParquetCodecFixtures
 * </pre>
 * {@link #row} states each row's values, so the reading test checks them without a second reader.
 */
public final class MakeParquetCodecFixtures {

    static final int ROWS = 300;
    static final CompressionCodecName[] CODECS = {CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
            CompressionCodecName.GZIP, CompressionCodecName.ZSTD, CompressionCodecName.LZ4_RAW, CompressionCodecName.LZ4};

    static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.INT64).named("id")
            .required(PrimitiveTypeName.DOUBLE).named("amount")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("city")
            .named("codec_fixture");

    private MakeParquetCodecFixtures() {
    }

    /** Row {@code i} as the reader gives it back: id, amount, city (null for every seventh row). */
    static String[] row(int i) {
        return new String[] {String.valueOf(i), String.valueOf(i * 1.25 - 40.5), i % 7 == 0 ? null : "city " + (i % 13)};
    }

    static String fileName(CompressionCodecName codec) {
        return "codec-" + codec.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".parquet";
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "diagnostics-core/src/test/resources/org/modellens/data");
        Files.createDirectories(dir);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        for (CompressionCodecName codec : CODECS) {
            Path file = dir.resolve(fileName(codec));
            Files.deleteIfExists(file);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
                    .withCompressionCodec(codec).withDictionaryEncoding(false).build()) {
                for (int i = 0; i < ROWS; i++) {
                    String[] values = row(i);
                    Group group = groups.newGroup().append("id", (long) i).append("amount", Double.parseDouble(values[1]));
                    if (values[2] != null) {
                        group.append("city", values[2]);
                    }
                    writer.write(group);
                }
            }
            System.out.println(file + " " + Files.size(file) + " bytes");
        }
    }
}
