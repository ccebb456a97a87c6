package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19: GZIP-compressed Parquet was refused as "codec not supported" (really a
 * {@code NoSuchMethodError} on the Hadoop configuration stub). Every codec Parquet files commonly
 * use reads back row for row; the fixtures are written by {@link MakeParquetCodecFixtures}.
 */
class ParquetCodecsTest {

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW", "LZ4"})
    void eachCodecReadsBackEveryRow(CompressionCodecName codec) throws Exception {
        Path file = Path.of(ParquetCodecsTest.class.getResource(MakeParquetCodecFixtures.fileName(codec)).toURI());
        for (ColumnChunkMetaData column : blue.strategic.parquet.ParquetReader.readMetadata(file.toFile()).getBlocks().get(0)
                .getColumns()) {
            assertThat(column.getCodec()).as("the fixture is compressed as its name says").isEqualTo(codec);
        }

        RawTable table = SnapshotReaders.read(file);

        assertThat(table.names()).containsExactly("id", "amount", "city");
        assertThat(table.rows()).isEqualTo(MakeParquetCodecFixtures.ROWS);
        for (int r = 0; r < table.rows(); r++) {
            String[] expected = MakeParquetCodecFixtures.row(r);
            for (int c = 0; c < 3; c++) {
                assertThat(table.columns().get(c)[r]).as("row %d column %d", r, c).isEqualTo(expected[c]);
            }
        }
    }
}
