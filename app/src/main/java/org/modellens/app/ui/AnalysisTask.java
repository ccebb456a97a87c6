package org.modellens.app.ui;

import java.util.concurrent.CancellationException;

import javafx.concurrent.Task;

import org.modellens.Diagnosis;
import org.modellens.Failures;
import org.modellens.DiagnosisRequest;
import org.modellens.report.DiagnosticReport;

/**
 * Runs a diagnosis off the FX thread. Each stage the core reports becomes the task's message and
 * progress; a cancel request stops the diagnosis at the next stage boundary and its result is dropped.
 */
public final class AnalysisTask extends Task<DiagnosticReport> {

    private final DiagnosisRequest request;

    public AnalysisTask(DiagnosisRequest request) {
        this.request = request;
        updateMessage(Text.get("run.waiting"));
    }

    @Override
    protected DiagnosticReport call() throws Exception {
        DiagnosticReport report;
        try {
            report = Diagnosis.run(request, (stage, fraction) -> {
                if (isCancelled()) {
                    throw new CancellationException(stage);
                }
                updateMessage(stage);
                updateProgress(fraction, 1.0);
            });
        } catch (OutOfMemoryError | StackOverflowError e) {
            // The report is dropped, so the memory is back; the window says why in one line.
            throw new org.modellens.data.UnreadableInputException(Failures.describe(e), e);
        }
        if (isCancelled()) {
            throw new CancellationException();
        }
        return report;
    }
}
