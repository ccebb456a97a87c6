package org.modellens.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

import javafx.concurrent.Task;

import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.Failures;
import org.modellens.data.InputFiles;
import org.modellens.data.ReadProgress;
import org.modellens.report.DiagnosticReport;

/**
 * Runs a diagnosis off the FX thread. Each stage the core reports becomes the task's message and
 * progress; while the input files are read, the message counts their bytes ("Reading prod.csv: 24 MB
 * of 64 MB") and the bar moves with them. A cancel request stops the diagnosis at the next stage
 * boundary and its result is dropped.
 */
public final class AnalysisTask extends Task<DiagnosticReport> {

    /**
     * The share of the bar the reading of the files fills: the diagnosis reports its first stage after
     * reading ("Inferring column types") at 0.45.
     */
    static final double READING_SHARE = 0.45;

    private final DiagnosisRequest request;
    private final Map<Path, Long> done = new ConcurrentHashMap<>();
    private final long totalBytes;
    private volatile double shown;

    public AnalysisTask(DiagnosisRequest request) {
        this.request = request;
        this.totalBytes = size(request.train()) + size(request.prod()) + size(request.reference());
        updateMessage(Text.get("run.waiting"));
    }

    private static long size(Path file) {
        try {
            return file == null ? 0 : Files.size(file);
        } catch (IOException e) {
            return 0; // reading it will say what is wrong
        }
    }

    @Override
    protected DiagnosticReport call() throws Exception {
        DiagnosticReport report;
        try {
            report = ReadProgress.watching(this::bytesRead, () -> Diagnosis.run(request, (stage, fraction) -> {
                if (isCancelled()) {
                    throw new CancellationException(stage);
                }
                updateMessage(stage);
                advance(fraction);
            }));
        } catch (OutOfMemoryError | StackOverflowError e) {
            // The report is dropped, so the memory is back; the window says why in one line.
            throw new org.modellens.data.UnreadableInputException(Failures.describe(e), e);
        }
        if (isCancelled()) {
            throw new CancellationException();
        }
        return report;
    }

    /** From the reading threads: the file's bytes in the message, all files' bytes on the bar. */
    private void bytesRead(Path file, long bytes, long total) {
        done.put(file, bytes);
        updateMessage(Text.get("run.reading", InputFiles.name(file), InputFiles.bytes(bytes), InputFiles.bytes(total)));
        if (totalBytes > 0) {
            long all = done.values().stream().mapToLong(Long::longValue).sum();
            advance(READING_SHARE * Math.min(1, (double) all / totalBytes));
        }
    }

    /** The bar never moves back. */
    private synchronized void advance(double fraction) {
        if (fraction > shown) {
            shown = fraction;
            updateProgress(fraction, 1.0);
        }
    }
}
