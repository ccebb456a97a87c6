package org.modellens.report;

import java.io.IOException;
import java.io.OutputStream;

import org.modellens.ProgressListener;

/**
 * Writes a {@link DiagnosticReport} in one format. The command line and the workbench find writers
 * through {@link ReportFormats}, so a format added there is offered by both.
 */
public interface ReportWriter {

    /** Writes the report; the stream is left open. */
    void write(DiagnosticReport report, OutputStream out, ProgressListener progress) throws IOException;

    /** Writes the report without progress. */
    default void write(DiagnosticReport report, OutputStream out) throws IOException {
        write(report, out, ProgressListener.NONE);
    }
}
