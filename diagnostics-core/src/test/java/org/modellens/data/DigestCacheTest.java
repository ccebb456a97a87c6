package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remembered digests are used only for the same file in the same state with the same bytes; whatever the cache
 * holds, the digest returned is the SHA-256 of the bytes (MessageDigest as the oracle). Each test that shows a
 * digest came from the cache plants a false one in the cache file: only a remembered value can return it.
 */
class DigestCacheTest {

    private static final String PLANTED = "0".repeat(63) + "1";

    @TempDir
    Path folder;

    @Test
    void anUnchangedFileIsNotHashedAgain() throws IOException {
        Path file = write("a.csv", "x,y\n1,2\n");
        DigestCache cache = new DigestCache(folder.resolve("cache"), 0);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(cache.sha256(file, bytes)).isEqualTo(sha256(bytes));
        assertThat(entries()).hasSize(1);

        plant();
        DigestCache nextRun = new DigestCache(folder.resolve("cache"), 0);
        assertThat(nextRun.sha256(file, bytes)).isEqualTo(PLANTED);
        assertThat(nextRun.sha256(file)).as("the streamed road reads the same entry").isEqualTo(PLANTED);
    }

    @Test
    void aChangedFileIsHashedAgainEvenWithItsSizeAndTimeRestored() throws IOException {
        Path file = write("a.csv", "x,y\n1,2\n");
        FileTime modified = Files.getLastModifiedTime(file);
        DigestCache cache = new DigestCache(folder.resolve("cache"), 0);
        cache.sha256(file, Files.readAllBytes(file));
        plant();

        Files.writeString(file, "x,y\n3,4\n");
        Files.setLastModifiedTime(file, modified); // what rsync -t or touch -r would do; the change time still moves
        byte[] changed = Files.readAllBytes(file);
        DigestCache nextRun = new DigestCache(folder.resolve("cache"), 0);
        assertThat(nextRun.sha256(file, changed)).isEqualTo(sha256(changed));
        assertThat(nextRun.sha256(file)).isEqualTo(sha256(changed));
    }

    @Test
    void bytesOtherThanTheHashedOnesAreHashed() throws IOException {
        Path file = write("a.csv", "x,y\n1,2\n");
        DigestCache cache = new DigestCache(folder.resolve("cache"), 0);
        cache.sha256(file, Files.readAllBytes(file));
        plant();
        // The file's state is unchanged, but these are not the bytes that were hashed (a read that raced a writer).
        byte[] other = "x,y\n9,9\n".getBytes(StandardCharsets.UTF_8);
        assertThat(new DigestCache(folder.resolve("cache"), 0).sha256(file, other)).isEqualTo(sha256(other));
    }

    @Test
    void aFileChangedMomentsAgoIsNotRemembered() throws IOException {
        Path file = write("fresh.csv", "x\n1\n");
        DigestCache cache = new DigestCache(folder.resolve("cache"), DigestCache.SETTLED);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(cache.sha256(file, bytes)).isEqualTo(sha256(bytes));
        assertThat(Files.exists(folder.resolve("cache").resolve("sha256-v1.tsv"))).isFalse();
    }

    @Test
    void aDamagedCacheFileIsReadAsEmptyAndRewritten() throws IOException {
        Path cacheFolder = Files.createDirectories(folder.resolve("cache"));
        Files.writeString(cacheFolder.resolve("sha256-v1.tsv"), "garbage\n1\t2\t3\n\t\t\t\t\t\tzz\n\u0000\u0001");
        Path file = write("a.csv", "x\n1\n");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new DigestCache(cacheFolder, 0).sha256(file, bytes)).isEqualTo(sha256(bytes));
        assertThat(entries()).hasSize(1);
    }

    @Test
    void theOldestEntriesGoFirst() throws IOException {
        DigestCache cache = new DigestCache(folder.resolve("cache"), 0);
        for (int i = 0; i < DigestCache.CAPACITY + 10; i++) {
            Path file = write("f" + i + ".csv", "x\n" + i + "\n");
            cache.sha256(file, Files.readAllBytes(file));
        }
        assertThat(entries()).hasSize(DigestCache.CAPACITY);
        byte[] last = Files.readAllBytes(folder.resolve("f" + (DigestCache.CAPACITY + 9) + ".csv"));
        assertThat(entries().get(DigestCache.CAPACITY - 1)).endsWith(sha256(last));
    }

    @Test
    void whateverTheCacheHoldsTheDigestIsTheBytesDigest() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        DigestCache cache = new DigestCache(folder.resolve("cache"), 0);
        for (int i = 0; i < 200; i++) {
            Path file = folder.resolve("r" + random.nextInt(20) + ".bin");
            byte[] bytes = new byte[random.nextInt(5000)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
                Files.write(file, bytes);
            } else if (Files.exists(file)) {
                bytes = Files.readAllBytes(file);
            } else {
                continue;
            }
            assertThat(cache.sha256(file, bytes)).isEqualTo(sha256(bytes));
            assertThat(cache.sha256(file)).isEqualTo(sha256(bytes));
        }
    }

    @Test
    void offRemembersNothing() throws IOException {
        Path file = write("a.csv", "x\n1\n");
        byte[] bytes = Files.readAllBytes(file);
        DigestCache off = new DigestCache(null);
        assertThat(off.sha256(file, bytes)).isEqualTo(sha256(bytes));
        assertThat(off.sha256(file)).isEqualTo(sha256(bytes));
        assertThat(off.state(file, 0)).isNull();
    }

    @Test
    void theFolderFollowsTheEnvironment() {
        assertThat(DigestCache.folder(Map.of("MODELLENS_CACHE_DIR", "/x/y"), "Linux", "/home/a")).isEqualTo(Path.of("/x/y"));
        assertThat(DigestCache.folder(Map.of("MODELLENS_CACHE_DIR", "off"), "Linux", "/home/a")).isNull();
        assertThat(DigestCache.folder(Map.of("XDG_CACHE_HOME", "/c"), "Linux", "/home/a")).isEqualTo(Path.of("/c/modellens"));
        assertThat(DigestCache.folder(Map.of("XDG_CACHE_HOME", "relative"), "Linux", "/home/a"))
                .isEqualTo(Path.of("/home/a/.cache/modellens"));
        assertThat(DigestCache.folder(Map.of(), "Mac OS X", "/Users/a")).isEqualTo(Path.of("/Users/a/Library/Caches/ModelLens"));
        assertThat(DigestCache.folder(Map.of(), "Linux", null)).isNull();
        assertThat(DigestCache.folder(Map.of(), "Linux", "?")).isNull();
    }

    /** Replaces every remembered digest with {@link #PLANTED}. */
    private void plant() throws IOException {
        Path cacheFile = folder.resolve("cache").resolve("sha256-v1.tsv");
        List<String> planted = Files.readAllLines(cacheFile).stream()
                .map(line -> line.substring(0, line.lastIndexOf('\t') + 1) + PLANTED).toList();
        Files.write(cacheFile, planted);
    }

    private List<String> entries() throws IOException {
        return Files.readAllLines(folder.resolve("cache").resolve("sha256-v1.tsv"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
