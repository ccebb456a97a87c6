package org.modellens.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * The SHA-256 digests of input files, remembered between runs so that a file diagnosed again unchanged is
 * not hashed again. The command line's C1-only JIT hashes at about 130 MB/s: a tenth of the small
 * benchmark case's CPU and a fifth of the long and wide cases' (README "Performance").
 *
 * <p>A remembered digest is used only for the same file in the same state and the same bytes:
 * <ul>
 *   <li>device, inode, size, modification time and status-change time equal those of the hashed file, all from
 *       one {@code stat}. The status-change time moves on every write and no program can set it back (git's
 *       index relies on the same);</li>
 *   <li>the bytes read now have the CRC-32C of the bytes hashed then. The CPU's CRC instruction computes it in
 *       about a millisecond for 6 MB, and it catches a change made within one tick of the file system's clock;</li>
 *   <li>a file changed in the {@link #SETTLED} before it was hashed is not remembered at all (the racy case).</li>
 * </ul>
 *
 * <p>Where: the folder {@code MODELLENS_CACHE_DIR} names ({@code off} turns remembering off), else
 * {@code $XDG_CACHE_HOME/modellens}, else {@code ~/.cache/modellens} ({@code ~/Library/Caches/ModelLens}
 * on macOS). One text file of at most {@link #CAPACITY} entries, holding numbers and digests, no file names.
 * It is written whole and moved into place, so runs at the same time can lose an entry, never corrupt one.
 * Nothing here can fail a diagnosis: without a home folder, with a read-only one, or without Unix file
 * attributes (Windows), files are hashed as before. Thread-safe.
 */
public final class DigestCache {

    /** The cache runs use, from the environment. */
    public static final DigestCache STANDARD = new DigestCache(folder(System.getenv(), System.getProperty("os.name", ""),
            System.getProperty("user.home")));

    /** Entries kept; the oldest are dropped first. */
    static final int CAPACITY = 256;

    /** A file changed less than this before it is hashed is not remembered. */
    static final long SETTLED = TimeUnit.SECONDS.toNanos(2);

    private static final String FILE = "sha256-v1.tsv";

    private final Path file;
    private final long settled;
    private List<Entry> entries;

    /** A cache in {@code folder}; {@code null} remembers nothing. */
    DigestCache(Path folder) {
        this(folder, SETTLED);
    }

    /** As {@link #DigestCache(Path)}, not remembering files changed less than {@code settled} nanoseconds before. */
    DigestCache(Path folder, long settled) {
        this.file = folder == null ? null : folder.resolve(FILE);
        this.settled = settled;
    }

    /** What identifies a file's content without reading it, and the CRC-32C of the bytes read. */
    record State(long device, long inode, long size, long modified, long changed, int crc) {

        boolean sameFile(State other) {
            return device == other.device && inode == other.inode && size == other.size && modified == other.modified
                    && changed == other.changed;
        }
    }

    private record Entry(State state, String sha256) {
    }

    /** The digest of {@code bytes}, just read from {@code path}: remembered, or computed (and remembered). */
    String sha256(Path path, byte[] bytes) {
        State state = file == null ? null : state(path, crc(bytes));
        String known = lookup(state);
        if (known != null) {
            return known;
        }
        String digest = CsvReader.sha256(bytes);
        remember(state, digest);
        return digest;
    }

    /** The digest of the file at {@code path}, read in blocks: remembered, or computed (and remembered). */
    String sha256(Path path) throws IOException {
        State before = state(path, 0);
        if (before != null && holds(before)) {
            State now = state(path, read(path, null));
            String known = lookup(now);
            if (known != null && now.sameFile(before)) {
                return known;
            }
        }
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int crc = read(path, digest);
        String hex = java.util.HexFormat.of().formatHex(digest.digest());
        State after = state(path, crc);
        if (before != null && after != null && after.sameFile(before)) {
            remember(after, hex);
        }
        return hex;
    }

    /** The file's state now, with {@code crc}; {@code null} where remembering is off or the attributes are not had. */
    State state(Path path, int crc) {
        if (file == null) {
            return null;
        }
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino,size,lastModifiedTime,ctime");
            return new State((Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("size"),
                    nanos((FileTime) a.get("lastModifiedTime")), nanos((FileTime) a.get("ctime")), crc);
        } catch (IOException | RuntimeException e) {
            return null; // no Unix attributes (Windows), or the file is gone: hash as before
        }
    }

    /** The remembered digest of a file in {@code state}, or {@code null}. */
    synchronized String lookup(State state) {
        if (state == null) {
            return null;
        }
        for (Entry entry : entries()) {
            if (entry.state().equals(state)) {
                return entry.sha256();
            }
        }
        return null;
    }

    /** Whether some entry is of this file in this state (its bytes not compared). */
    private synchronized boolean holds(State state) {
        return entries().stream().anyMatch(entry -> entry.state().sameFile(state));
    }

    /** Remembers {@code sha256} for a file in {@code state}, unless the file changed too recently to trust its times. */
    synchronized void remember(State state, String sha256) {
        long now = nanos(FileTime.from(Instant.now()));
        if (state == null || now - state.modified() < settled || now - state.changed() < settled) {
            return;
        }
        // Entries other runs wrote since this one read the file are kept.
        List<Entry> merged = new ArrayList<>(read());
        merged.removeIf(entry -> entry.state().sameFile(state));
        merged.add(new Entry(state, sha256));
        if (merged.size() > CAPACITY) {
            merged = new ArrayList<>(merged.subList(merged.size() - CAPACITY, merged.size()));
        }
        StringBuilder text = new StringBuilder();
        for (Entry entry : merged) {
            State s = entry.state();
            text.append(s.device()).append('\t').append(s.inode()).append('\t').append(s.size()).append('\t')
                    .append(s.modified()).append('\t').append(s.changed()).append('\t').append(s.crc()).append('\t')
                    .append(entry.sha256()).append('\n');
        }
        Path temporary = file.resolveSibling("." + FILE + "." + ProcessHandle.current().pid() + "." + System.nanoTime());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(temporary, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            entries = merged;
        } catch (IOException | RuntimeException e) {
            // Not remembered: the next run hashes the file again.
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    private List<Entry> entries() {
        if (entries == null) {
            entries = read();
        }
        return entries;
    }

    /** The entries on disk; a line that is not an entry (damage, another version) is skipped. */
    private List<Entry> read() {
        List<Entry> read = new ArrayList<>();
        if (file == null) {
            return read;
        }
        try {
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).split("\n")) {
                String[] f = line.split("\t", -1);
                if (f.length == 7 && isHexDigest(f[6])) {
                    read.add(new Entry(new State(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                            Long.parseLong(f[3]), Long.parseLong(f[4]), Integer.parseInt(f[5])), f[6].toLowerCase(Locale.ROOT)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no cache yet, or unreadable: as empty
        }
        return read;
    }

    private static boolean isHexDigest(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return (int) crc.getValue();
    }

    /** The CRC-32C of the file's bytes, read in blocks, each also given to {@code digest} when there is one. */
    private static int read(Path path, java.security.MessageDigest digest) throws IOException {
        CRC32C crc = new CRC32C();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] block = new byte[1 << 16];
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                crc.update(block, 0, n);
                if (digest != null) {
                    digest.update(block, 0, n);
                }
            }
        }
        return (int) crc.getValue();
    }

    private static long nanos(FileTime time) {
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** The cache folder for this environment, or {@code null} for none. */
    static Path folder(Map<String, String> environment, String osName, String home) {
        String named = environment.get("MODELLENS_CACHE_DIR");
        if (named != null && !named.isBlank()) {
            return "off".equalsIgnoreCase(named.strip()) ? null : Path.of(named);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "modellens");
        }
        if (home == null || home.isBlank() || "?".equals(home)) {
            return null;
        }
        return osName.toLowerCase(Locale.ROOT).startsWith("mac")
                ? Path.of(home, "Library", "Caches", "ModelLens") : Path.of(home, ".cache", "modellens");
    }
}
