package org.modellens.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.modellens.ProgressListener;

/**
 * The command line's progress lines ({@code [ 45%] Comparing distributions   0.15 s}), written by a thread of
 * their own: the diagnosis hands over each stage and goes on. Writing the first line on the diagnosing thread
 * (the formatter and its locale data set up, then the terminal) held up the reading of the first file by
 * about 7 ms on the small benchmark case. The thread first does {@code beforehand}, work the command line
 * needs later, on a core that is idle while the command line starts. {@link #close} returns once every line
 * is written, so what the command line prints afterwards comes after them, as before.
 */
final class ProgressLines implements ProgressListener, AutoCloseable {

    private record Line(String stage, double fraction, long nanos) {
    }

    private static final Line END = new Line(null, 0, 0);

    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final long start = System.nanoTime();
    private final Thread writer;

    ProgressLines(PrintStream err, Runnable beforehand) {
        writer = new Thread(() -> {
            try {
                beforehand.run();
            } catch (RuntimeException e) {
                // only preparation: whoever needs it does it again and reports what fails
            }
            try {
                for (Line line = lines.take(); line != END; line = lines.take()) {
                    err.printf(Locale.ROOT, "[%3d%%] %-26s %6.2f s%n", Math.round(line.fraction() * 100), line.stage(),
                            (line.nanos() - start) / 1e9);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "progress lines");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stage(String stage, double fraction) {
        lines.add(new Line(stage, fraction, System.nanoTime()));
    }

    /** Waits until every line handed over is written; closing again does nothing. */
    @Override
    public void close() {
        if (!writer.isAlive()) {
            return;
        }
        lines.add(END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
