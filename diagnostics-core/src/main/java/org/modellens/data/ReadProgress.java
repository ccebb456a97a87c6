package org.modellens.data;

import java.nio.file.Path;

/**
 * Hears how far the readers have got through an input file, in bytes, so a window can say "Reading
 * prod.csv: 24 of 64 MB" while a large file is read. {@code done} counts the file's bytes read and
 * parsed so far, {@code total} is its size; reports come about every megabyte and once at the end.
 *
 * <p>A listener is attached to the work that reads, not to each reader: {@link #watching} hears every
 * file read by that work on the calling thread and by the parallel parsers it starts, so no loader
 * signature has to carry it. It is called on reading threads, one report at a time per file, with
 * {@code done} never decreasing for a file.
 */
@FunctionalInterface
public interface ReadProgress {

    ReadProgress NONE = (file, done, total) -> { };

    void bytesRead(Path file, long done, long total);

    /** Work that reads files. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code work} with {@code listener} hearing the progress of every file it reads. */
    static <T, E extends Exception> T watching(ReadProgress listener, Work<T, E> work) throws E {
        return ReadWatch.watching(listener, work);
    }

    /** The listener hearing the work on this thread, to carry to work handed to other threads. */
    static ReadProgress current() {
        return ReadWatch.current();
    }
}
