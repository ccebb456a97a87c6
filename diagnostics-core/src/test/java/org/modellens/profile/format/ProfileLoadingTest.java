package org.modellens.profile.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.data.ColumnType;
import org.modellens.data.SnapshotLoader;
import org.modellens.data.StreamedCsvReader;
import org.modellens.data.UnreadableInputException;

/**
 * Profiles come in by the one input step: {@link SnapshotLoader} recognises a profile on any side by
 * its content, reads it through {@link ProfileFiles} into the snapshot of its sample, and hands the
 * profile back beside it; tables beside it are read as ever.
 */
class ProfileLoadingTest {

    private static final StreamedCsvReader.Options SAMPLE_OF_3 = new StreamedCsvReader.Options(3, 7, 100, 1000, 3);

    @TempDir
    Path dir;

    /** 40 rows: an id, a number, a colour, a label; the profile keeps a sample of 10. */
    private Path[] files(String name) throws Exception {
        StringBuilder csv = new StringBuilder("id,x,colour,label\n");
        for (int r = 0; r < 40; r++) {
            csv.append(r).append(',').append(r * 1.5).append(',').append(r % 3 == 0 ? "red" : "blue").append(',')
                    .append(r % 2).append('\n');
        }
        Path table = Files.writeString(dir.resolve(name + ".csv"), csv);
        Path profile = dir.resolve(name + ".mlprofile");
        ProfileFormat.write(ProfileBuilder.profile(table, ProfileOptions.of(10, 5L, 100, 1000), Set.of(), Set.of(), "label",
                "test", n -> { }), profile);
        return new Path[] {table, profile};
    }

    private static SnapshotLoader.Loaded<Profile> load(Path train, Path prod, Path reference, Set<String> categorical,
                                                       String target, long streamAbove) throws UnreadableInputException {
        return SnapshotLoader.load(new SnapshotLoader.Request(train, prod, reference, categorical, Set.of(), target),
                new SnapshotLoader.Streaming(streamAbove, SAMPLE_OF_3), new ProfileFiles(3), (stage, share) -> { });
    }

    @Test
    void aProfileOnAnySideIsReadAsItsSampleAndHandedBack() throws Exception {
        Path[] train = files("train");
        Path[] prod = files("prod");
        Path[] reference = files("reference");

        SnapshotLoader.Loaded<Profile> loaded = load(train[1], prod[0], reference[1], Set.of(), "label", 1 << 20);

        assertThat(loaded.profiles().train()).isNotNull();
        assertThat(loaded.profiles().prod()).isNull();
        assertThat(loaded.profiles().reference()).isNotNull();
        assertThat(loaded.train().rows()).isEqualTo(10);
        assertThat(loaded.train().fileRows()).isEqualTo(40);
        assertThat(loaded.train().source().format()).isEqualTo("mlprofile");
        assertThat(loaded.prod().rows()).isEqualTo(40);
        assertThat(loaded.prod().sampling()).isEmpty();
        assertThat(loaded.reference().rows()).isEqualTo(10);
        assertThat(loaded.reference().column("x").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(loaded.streamed()).isFalse();
    }

    @Test
    void aTableBesideAProfileIsReadWholeWhateverItsSize() throws Exception {
        Path[] train = files("train");
        Path[] prod = files("prod");

        SnapshotLoader.Loaded<Profile> loaded = load(train[0], prod[1], null, Set.of(), "label", 0);

        assertThat(loaded.streamed()).isFalse();
        assertThat(loaded.train().rows()).isEqualTo(40);
        assertThat(loaded.train().sampling()).isEmpty();
        assertThat(loaded.profiles().prod().rows()).isEqualTo(40);
        assertThat(loaded.prod().rows()).isEqualTo(10);
    }

    @Test
    void overridesAreCheckedAgainstTheTablesReadNotAgainstProfiles() throws Exception {
        Path[] train = files("train");
        Path[] prod = files("prod");

        assertThat(load(train[0], prod[1], null, Set.of("colour", "shade"), "label", 1 << 20).unknownOverrides())
                .containsExactly(new SnapshotLoader.UnknownOverride("--categorical", "shade", "train.csv"));
        // A training profile's types were fixed when it was made: the overrides do not apply at all.
        assertThat(load(train[1], prod[0], null, Set.of("colour", "shade"), "label", 1 << 20).unknownOverrides()).isEmpty();
    }

    @Test
    void aTrainingProfileWithoutTheTargetIsRefusedAsAFileIs() throws Exception {
        Path[] train = files("train");
        Path[] prod = files("prod");

        assertThatThrownBy(() -> load(train[1], prod[1], null, Set.of(), "outcome", 1 << 20))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("train.mlprofile: the target column 'outcome' does not exist; its columns are id, x, colour, label");
    }
}
