package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read whole is every byte of it, whatever its size says, and a limit is a limit. */
class InputFilesReadAllTest {

    @TempDir
    Path dir;

    @Test
    void everyByteOfFilesOfManySizes() throws Exception {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 8191, 8192, 8193, 1 << 20, (3 << 20) + 17}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = Files.write(dir.resolve("f" + size + ".csv"), content);
            assertThat(InputFiles.readAll(file, "data file", 1L << 30)).as("size %d", size).isEqualTo(content);
        }
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedByName() throws Exception {
        Path file = Files.write(dir.resolve("big.csv"), new byte[1001]);
        assertThatThrownBy(() -> InputFiles.readAll(file, "data file", 1000))
                .isInstanceOf(UnreadableInputException.class).hasMessageContaining("big.csv is 1001 bytes");
        assertThat(InputFiles.readAll(file, "data file", 1001)).hasSize(1001);
    }

    @Test
    void aFileThatReportsNoSizeIsStillReadToItsEnd() throws Exception {
        // /proc files report size 0 and hold text: read in steps, not trusted to be empty.
        Path proc = Path.of("/proc/self/status");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(proc) && Files.size(proc) == 0);
        assertThat(new String(InputFiles.readAll(proc, "data file", 1L << 20))).contains("Name:");
    }
}
