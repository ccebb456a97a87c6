package org.modellens.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the readers find the {@link ReadProgress} listener of the work running on their thread, and
 * the per-file counter they report through.
 */
final class ReadWatch {

    /** Reports at most once per this many bytes per file. */
    static final long STEP = 1 << 20;

    private static final ThreadLocal<ReadProgress> CURRENT = ThreadLocal.withInitial(() -> ReadProgress.NONE);

    private ReadWatch() {
    }

    static <T, E extends Exception> T watching(ReadProgress listener, ReadProgress.Work<T, E> work) throws E {
        ReadProgress previous = CURRENT.get();
        CURRENT.set(listener == null ? ReadProgress.NONE : listener);
        try {
            return work.run();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** The listener of the work on this thread; capture it before handing work to other threads. */
    static ReadProgress current() {
        return CURRENT.get();
    }

    /** A counter for one file, reporting to the current listener. */
    static Counter counter(Path file, long total) {
        return new Counter(current(), file, total);
    }

    /** Bytes done of one file, added from any thread; reported about every {@link #STEP} bytes. */
    static final class Counter {
        private final ReadProgress listener;
        private final Path file;
        private final long total;
        private long done;
        private long reported = -1;

        Counter(ReadProgress listener, Path file, long total) {
            this.listener = listener;
            this.file = file;
            this.total = total;
        }

        synchronized void add(long bytes) {
            done = Math.min(total, done + bytes);
            if (done - reported >= STEP || done == total) {
                if (done != reported) {
                    reported = done;
                    listener.bytesRead(file, done, total);
                }
            }
        }

        /** {@code in}, adding every byte read from it to this counter. */
        InputStream counting(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        add(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        add(n);
                    }
                    return n;
                }
            };
        }

        /** Everything read: the last report. */
        void finish() {
            synchronized (this) {
                add(total - done);
            }
        }
    }
}
