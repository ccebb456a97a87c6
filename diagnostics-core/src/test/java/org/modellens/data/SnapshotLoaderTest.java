package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input step decides whole or streamed by size, reads every snapshot the same way, and states what it could not apply. */
class SnapshotLoaderTest {

    private static final StreamedCsvReader.Options SAMPLE_OF_3 = new StreamedCsvReader.Options(3, 7, 100, 1000, 3);

    @TempDir
    Path dir;

    private SnapshotLoader.Request request(String target, Set<String> categorical) throws Exception {
        StringBuilder csv = new StringBuilder("id,x,label\n");
        for (int r = 0; r < 20; r++) {
            csv.append(r).append(',').append(r * 1.5).append(',').append(r % 2).append('\n');
        }
        Path train = Files.writeString(dir.resolve("train.csv"), csv);
        Path prod = Files.writeString(dir.resolve("prod.csv"), csv);
        Path reference = Files.writeString(dir.resolve("reference.csv"), csv);
        return new SnapshotLoader.Request(train, prod, reference, categorical, Set.of(), target);
    }

    @Test
    void smallFilesAreReadWhole() throws Exception {
        SnapshotLoader.Loaded<Void> loaded = SnapshotLoader.load(request("label", Set.of()),
                new SnapshotLoader.Streaming(1 << 20, SAMPLE_OF_3), (stage, share) -> { });

        assertThat(loaded.streamed()).isFalse();
        assertThat(loaded.prod().rows()).isEqualTo(20);
        assertThat(loaded.prod().fileRow(13)).isEqualTo(13);
        assertThat(loaded.reference().column("x").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
    }

    @Test
    void filesAboveTheThresholdAreStreamedEachKeepingItsFileRows() throws Exception {
        SnapshotLoader.Loaded<Void> loaded = SnapshotLoader.load(request("label", Set.of()),
                new SnapshotLoader.Streaming(0, SAMPLE_OF_3), (stage, share) -> { });

        assertThat(loaded.streamed()).isTrue();
        for (Snapshot snapshot : java.util.List.of(loaded.train(), loaded.prod(), loaded.reference())) {
            assertThat(snapshot.rows()).isEqualTo(3);
            assertThat(snapshot.fileRows()).isEqualTo(20);
            Column x = snapshot.column("x").orElseThrow();
            for (int row = 0; row < snapshot.rows(); row++) {
                // The file's row r holds x = 1.5 r: each held row names its own file row.
                assertThat(x.numbers()[row]).isEqualTo(1.5 * snapshot.fileRow(row));
                assertThat(snapshot.heldRow(snapshot.fileRow(row))).isEqualTo(row);
            }
        }
    }

    @Test
    void anOverrideNamingNoColumnIsReportedOncePerFileEitherWay() throws Exception {
        for (long above : new long[] {0, 1 << 20}) {
            SnapshotLoader.Loaded<Void> loaded = SnapshotLoader.load(request(null, Set.of("x", "colour")),
                    new SnapshotLoader.Streaming(above, SAMPLE_OF_3), (stage, share) -> { });

            assertThat(loaded.unknownOverrides()).containsExactly(
                    new SnapshotLoader.UnknownOverride("--categorical", "colour", "train.csv"),
                    new SnapshotLoader.UnknownOverride("--categorical", "colour", "prod.csv"));
        }
    }

    @Test
    void aTargetTrainingLacksIsFatalEitherWay() throws Exception {
        for (long above : new long[] {0, 1 << 20}) {
            SnapshotLoader.Request request = request("outcome", Set.of());
            assertThatThrownBy(() -> SnapshotLoader.load(request, new SnapshotLoader.Streaming(above, SAMPLE_OF_3),
                    (stage, share) -> { }))
                    .isInstanceOf(UnreadableInputException.class)
                    .hasMessage("train.csv: the target column 'outcome' does not exist; its columns are id, x, label");
        }
    }
}
