package org.modellens.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;

import org.modellens.data.RawTable;
import org.modellens.data.SnapshotReaders;
import org.modellens.data.UnreadableInputException;

/**
 * What every snapshot reader promises for any bytes at all: a well-formed table, or an
 * {@link UnreadableInputException} whose message is one line naming the file. Any other throwable
 * (a RuntimeException, an Error such as OutOfMemoryError or StackOverflowError) is a bug.
 */
final class ReaderContract {

    private ReaderContract() {
    }

    /** Writes the bytes to {@code dir/name}, reads them back, and checks the promise. */
    static RawTable check(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        try {
            RawTable table = SnapshotReaders.read(file);
            assertThat(table.rows()).isPositive();
            assertThat(table.names()).isNotEmpty().doesNotContain("").doesNotHaveDuplicates();
            assertThat(new HashSet<>(table.names())).hasSameSizeAs(table.names());
            for (String[] column : table.columns()) {
                assertThat(column).hasSize(table.rows());
                for (String cell : column) {
                    assertThat(cell).as("an empty cell is missing (null), never \"\"").isNotEqualTo("");
                }
            }
            return table;
        } catch (UnreadableInputException e) {
            assertThat(e.getMessage()).startsWith(name).doesNotContain("\n").doesNotContain("Exception:");
            return null;
        }
    }
}
