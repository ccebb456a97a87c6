package org.modellens.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Where a snapshot came from, as the report states it: the file as given by the user, the format read
 * ({@code csv}, {@code parquet}, {@code xlsx}), the hex SHA-256 of the file's bytes (so a reader can tell
 * exactly which file was analysed) and what the reader had to repair or guess to read the file (one
 * sentence each, naming line and column), for the report's input-format findings; empty for a clean file.
 *
 * <p>The digest of a file read whole is computed on a thread of its own while the file is parsed and
 * analysed, and waited for only when first asked (by the report writers): under the C1-only JIT the
 * launcher uses, SHA-256 runs at about 150 MB/s, so waiting for it after each file left a core idle.
 * A file diagnosed again unchanged is not hashed again ({@link DigestCache}).
 * Immutable; equal when all four parts are.
 */
public final class SourceInfo {

    private final Path path;
    private final String format;
    private final CompletableFuture<String> sha256;
    private final List<String> notes;

    public SourceInfo(Path path, String format, String sha256, List<String> notes) {
        this(path, format, CompletableFuture.completedFuture(sha256), notes);
    }

    /** A source the reader took as is. */
    public SourceInfo(Path path, String format, String sha256) {
        this(path, format, sha256, List.of());
    }

    private SourceInfo(Path path, String format, CompletableFuture<String> sha256, List<String> notes) {
        this.path = path;
        this.format = format;
        this.sha256 = sha256;
        this.notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * A source whose digest of {@code bytes} is found on a new daemon thread, from now: the one {@link DigestCache}
     * remembers for the file in this state, else computed (and remembered).
     */
    static SourceInfo hashing(Path path, String format, byte[] bytes) {
        CompletableFuture<String> digest = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                digest.complete(DigestCache.STANDARD.sha256(path, bytes));
            } catch (RuntimeException | Error e) {
                digest.completeExceptionally(e);
            }
        }, "SHA-256 of " + path.getFileName());
        thread.setDaemon(true);
        thread.start();
        return new SourceInfo(path, format, digest, List.of());
    }

    public Path path() {
        return path;
    }

    public String format() {
        return format;
    }

    /** The hex SHA-256 of the file's bytes; waits for it while it is being computed. */
    public String sha256() {
        return sha256.join();
    }

    public List<String> notes() {
        return notes;
    }

    /** The same source with these reader notes. */
    public SourceInfo withNotes(List<String> readerNotes) {
        return new SourceInfo(path, format, sha256, readerNotes);
    }

    /** The file name alone, for messages. */
    public String fileName() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceInfo other && Objects.equals(path, other.path) && Objects.equals(format, other.format)
                && Objects.equals(sha256(), other.sha256()) && notes.equals(other.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, format, sha256(), notes);
    }

    @Override
    public String toString() {
        return "SourceInfo[path=" + path + ", format=" + format + ", sha256=" + sha256() + ", notes=" + notes + "]";
    }
}
