package org.modellens.profile.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.data.ColumnType;
import org.modellens.data.UnreadableInputException;

/** The .mlprofile file: round trip, recognised by its magic bytes, damage and newer versions refused by name. */
class ProfileFormatTest {

    @TempDir
    Path dir;

    private static Profile sample() {
        ProfileSchema schema = new ProfileSchema(List.of("x", "city", "id"),
                List.of(ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.TEXT), Set.of("id"));
        Profile p = new Profile(schema, new ProfileOptions(100, 7, 50, 200, 10, 1000, 10), "t.csv", "test");
        for (int r = 0; r < 1000; r++) {
            int k = r % 900; // rows 900..999 repeat rows 0..99
            p.add(new String[] {k % 17 == 0 ? null : Double.toString(k * 0.5), "c" + (k % 7), "id" + k}, r);
        }
        ModelSummary model = new ModelSummary("m.json", List.of("x", "city"), -1.5, 200);
        model.add(0.3, new double[] {0.5, 1.3});
        model.add(-0.1, new double[] {0.2, 1.2});
        p.setModel(model);
        p.chunk("2024-01-01").add(new String[] {"1.0", "c1", "idx"}, 0);
        return p;
    }

    @Test
    void roundTripKeepsEveryPart() throws Exception {
        Profile p = sample();
        Path file = dir.resolve("p.mlprofile");
        ProfileFormat.write(p, file);

        assertThat(ProfileFormat.isProfile(file)).isTrue();
        Profile back = ProfileFormat.read(file);
        assertThat(back.exactDifferences(p, true)).isEmpty();
        assertThat(back.duplicates().duplicates()).isEqualTo(100); 
        assertThat(back.duplicates().duplicates()).isEqualTo(p.duplicates().duplicates());
        assertThat(back.duplicates().hashesKept()).isTrue();
        assertThat(back.columns().get(0).quantiles().getN()).isEqualTo(p.columns().get(0).count());
        assertThat(back.columns().get(2).distinctEstimate()).isEqualTo(p.columns().get(2).distinctEstimate());
        assertThat(back.model()).hasValueSatisfying(m -> {
            assertThat(m.rows()).isEqualTo(2);
            assertThat(m.meanContributions()).containsExactly(0.35, 1.25);
            assertThat(m.meanAbsContributions()).containsExactly(0.35, 1.25);
            assertThat(m.predictionMean()).isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-15));
        });
        assertThat(back.chunks()).containsOnlyKeys("2024-01-01");
        assertThat(back.chunk("2024-01-01").rows()).isEqualTo(1);
        assertThat(back.source()).isEqualTo("t.csv");
        assertThat(back.producer()).isEqualTo("test");
        // Deterministic encoding: the same profile gives the same bytes.
        assertThat(ProfileFormat.toBytes(back, 1000)).isEqualTo(ProfileFormat.toBytes(p, 1000));
    }

    @Test
    void rowHashesAboveTheLimitAreDroppedAndLaterMergesSaySo() throws Exception {
        Profile p = sample();
        Profile small = ProfileFormat.fromBytes(ProfileFormat.toBytes(p, 10), "small");
        assertThat(small.duplicates().hashesKept()).isFalse();
        assertThat(small.duplicates().duplicates()).isEqualTo(100);
        assertThat(small.duplicates().exact()).isTrue();

        Profile merged = Profile.merge(small, p);
        assertThat(merged.duplicates().exact()).isFalse();
        assertThat(merged.duplicates().duplicates()).isEqualTo(200); // a lower bound: the copies across parts are unseen
    }

    @Test
    void otherFilesAreNotProfiles() throws Exception {
        Path csv = Files.writeString(dir.resolve("a.csv"), "x\n1\n");
        assertThat(ProfileFormat.isProfile(csv)).isFalse();
        assertThat(ProfileFormat.isProfile(dir.resolve("missing.mlprofile"))).isFalse();
        assertThatThrownBy(() -> ProfileFormat.read(csv)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("a.csv is not a ModelLens profile (.mlprofile): its first bytes differ");
    }

    /**
     * A version 1 file (no model scores, no chunking: the same body without the two chunking strings before the
     * chunk count) still reads, to the same profile.
     */
    @Test
    void versionOneFilesStillRead() throws Exception {
        ProfileSchema schema = new ProfileSchema(List.of("x", "city"), List.of(ColumnType.NUMERIC, ColumnType.CATEGORICAL), Set.of());
        Profile profile = new Profile(schema, new ProfileOptions(100, 7, 50, 200, 10, 1000, 10), "t.csv", "test");
        for (int r = 0; r < 500; r++) {
            profile.add(new String[] {r % 13 == 0 ? null : Double.toString(r * 0.5), "c" + (r % 7)}, r);
        }
        byte[] v2 = ProfileFormat.toBytes(profile, 1000);
        byte[] body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(v2, 10, v2.length - 10)).readAllBytes();
        // The end of a version 2 body without chunks: column -1, period -1 (absent), then 0 chunks.
        byte[] tail = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0};
        assertThat(Arrays.copyOfRange(body, body.length - 12, body.length)).isEqualTo(tail);
        java.io.ByteArrayOutputStream v1 = new java.io.ByteArrayOutputStream();
        v1.write(v2, 0, 8);
        v1.write(new byte[] {0, 1});
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(v1)) {
            zip.write(body, 0, body.length - 12);
            zip.write(new byte[] {0, 0, 0, 0});
        }
        Path file = Files.write(dir.resolve("old.mlprofile"), v1.toByteArray());
        Profile read = ProfileFormat.read(file);
        assertThat(read.exactDifferences(profile, true)).isEmpty();
        assertThat(read.chunkColumn()).isEmpty();
    }

    @Test
    void newerVersionsAndDamageAreRefusedByName() throws Exception {
        byte[] bytes = ProfileFormat.toBytes(sample(), 1000);
        byte[] newer = bytes.clone();
        newer[9] = 3;
        Path file = dir.resolve("new.mlprofile");
        Files.write(file, newer);
        assertThatThrownBy(() -> ProfileFormat.read(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("new.mlprofile is a profile of format version 3; this ModelLens reads versions up to 2: update ModelLens");

        Path truncated = dir.resolve("cut.mlprofile");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ProfileFormat.read(truncated)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("cut.mlprofile is a damaged");

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x55;
        Path damaged = dir.resolve("bad.mlprofile");
        Files.write(damaged, flipped);
        assertThatThrownBy(() -> ProfileFormat.read(damaged)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("bad.mlprofile is a damaged");
    }

    @Test
    void profilesOfOtherColumnsDoNotMerge() {
        Profile a = sample();
        Profile b = new Profile(new ProfileSchema(List.of("x"), List.of(ColumnType.NUMERIC), Set.of()), a.options(), "b", "test");
        assertThatThrownBy(() -> Profile.merge(a, b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different columns");
    }
}
