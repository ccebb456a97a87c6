package org.modellens.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The one way ModelLens writes a file the user asked for (reports, projects): whole or not at all.
 *
 * <p>The bytes go to a hidden file beside the target, are forced to disk, and the file is renamed
 * over the target in one step, so a reader never sees half a report and a failed write leaves the
 * previous file and no debris. The temporary file is created with the process's umask, not with
 * {@code Files.createTempFile}, whose owner-only permissions would stick to the renamed report.
 */
public final class AtomicFiles {

    /** Produces the file's content. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code file} atomically.
     *
     * @throws IOException with a message naming the file and the reason (folder missing, permission denied, ...)
     */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Path temporary = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                content.write(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot write " + file + ": this file system cannot replace a file in one step; "
                        + "write it on a local disk", e);
            }
            forceFolder(folder);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot write " + file + ": the folder " + folder + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + file + ": permission denied", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes the rename itself durable; not every platform can open a folder, which is fine. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // The file's content is on disk already; only the rename's durability is best effort.
        }
    }
}
