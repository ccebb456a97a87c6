package org.modellens.fuzz;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet file whose page or footer declares a huge count gives a one-line message, not an
 * OutOfMemoryError. Regression: BinaryReaderFuzzTest once drew a damage that made a delta-encoded page
 * declare billions of values; the page reader's allocation failed and took the test JVM down. Here every
 * byte of a small valid file is overwritten in turn with huge varints.
 */
class ParquetDeclaredCountsTest {

    /** 2^28 - 1, 2^30 (a long per value: 8 GB, more than a test JVM's heap) and 2^31 - 1, as unsigned varints. */
    private static final byte[][] HUGE_VARINTS = {
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F},
            {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x04},
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x07}};

    @TempDir
    Path dir;

    @Test
    void everyByteOverwrittenWithAHugeCountGivesATableOrAOneLineMessage() throws IOException {
        byte[] bytes = SmallParquet.write(dir.resolve("valid.parquet"));
        for (int at = 0; at < bytes.length; at++) {
            for (byte[] varint : HUGE_VARINTS) {
                byte[] damaged = bytes.clone();
                System.arraycopy(varint, 0, damaged, at, Math.min(varint.length, damaged.length - at));
                ReaderContract.check(dir, "damaged.parquet", damaged);
            }
        }
    }
}
