package org.modellens.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import blue.strategic.parquet.ParquetWriter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/** The valid Parquet file the fuzz tests damage: 30 rows of an int id, an optional double and an optional string. */
final class SmallParquet {

    private SmallParquet() {
    }

    /** Writes the file to {@code file} and returns its bytes. */
    static byte[] write(Path file) throws IOException {
        MessageType schema = Types.buildMessage()
                .required(PrimitiveTypeName.INT32).named("id")
                .optional(PrimitiveTypeName.DOUBLE).named("amount")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("city")
                .named("rec");
        try (ParquetWriter<Integer> writer = ParquetWriter.writeFile(schema, file.toFile(), (id, values) -> {
            values.write("id", id);
            values.write("amount", id * 1.5);
            values.write("city", id % 2 == 0 ? "Oslo" : "Bergen");
        })) {
            for (int id = 0; id < 30; id++) {
                writer.write(id);
            }
        }
        return Files.readAllBytes(file);
    }
}
