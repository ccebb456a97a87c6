package org.modellens;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import org.modellens.data.ReadProgress;
import org.modellens.data.UnreadableInputException;

/**
 * Runs a diagnosis on a fork-join pool of its own, one worker per core. Its parallel streams (files,
 * columns, checks, and the features inside a check) then share these workers, and a worker waiting for
 * a nested task runs other tasks meanwhile.
 *
 * <p>Why not the common pool: it has one worker fewer than the cores, and the thread that starts a
 * parallel stream from outside it does not help with nested tasks. On two cores that left one core idle
 * while a single worker finished a long check alone (the leakage check ran alone for the last 0.5 s of
 * the wide benchmark case's 3.2 s).
 */
final class OnEveryCore {

    /** Work that may fail with unreadable input. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws UnreadableInputException;
    }

    private record Outcome<T>(T value, Throwable failure) {
    }

    private OnEveryCore() {
    }

    /**
     * Runs {@code work} on a new pool and waits for it; the reading-progress listener of the calling
     * thread hears the files it reads. Failures are rethrown as thrown, on the calling thread.
     */
    static <T> T call(Work<T> work) throws UnreadableInputException {
        return call(work, () -> { });
    }

    /**
     * As {@link #call(Work)}, and runs {@code meanwhile} on the calling thread while it waits (when the work runs on
     * a new pool): preparation the work will need later, on a thread that would otherwise only wait. A failure of
     * {@code meanwhile} is ignored; whatever it prepares must still work unprepared.
     */
    static <T> T call(Work<T> work, Runnable meanwhile) throws UnreadableInputException {
        if (Thread.currentThread() instanceof ForkJoinWorkerThread worker && worker.getPool() != ForkJoinPool.commonPool()) {
            return work.run(); // already on a pool of its own (a diagnosis nested in another)
        }
        ReadProgress reading = ReadProgress.current();
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            java.util.concurrent.Future<Outcome<T>> running = pool.submit(() -> {
                try {
                    return new Outcome<>(ReadProgress.watching(reading, work::run), null);
                } catch (Throwable e) {
                    return new Outcome<T>(null, e); // kept as thrown: the pool would wrap or copy it
                }
            });
            try {
                meanwhile.run();
            } catch (RuntimeException e) {
                // only preparation: the work does without it
            }
            Outcome<T> outcome = running.get();
            if (outcome.failure() == null) {
                return outcome.value();
            }
            if (outcome.failure() instanceof UnreadableInputException e) {
                throw e;
            }
            if (outcome.failure() instanceof RuntimeException e) {
                throw e;
            }
            if (outcome.failure() instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(outcome.failure());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("diagnosis interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // not reached: the work catches everything
        } finally {
            pool.shutdownNow();
        }
    }
}
