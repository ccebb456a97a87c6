package org.modellens.app.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

import org.modellens.report.DiagnosticReport;
import org.modellens.report.JsonReportWriter;

/** The report formats of File &gt; Export, each with the core writer that produces it. */
public enum ExportFormat {
    JSON(".json"), EXCEL(".xlsx"), PDF(".pdf");

    /** Writes a report to a stream: the shape every core report writer has. */
    @FunctionalInterface
    public interface Writer {
        void write(DiagnosticReport report, OutputStream out) throws IOException;
    }

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /**
     * The core writer for this format; empty while the core has none, which disables the menu item.
     *
     * <p>Integrator: when {@code ExcelReportWriter} and {@code PdfReportWriter} land in
     * {@code org.modellens.report}, return them here, e.g. {@code Optional.of(new ExcelReportWriter()::write)}.
     */
    public Optional<Writer> writer() {
        return switch (this) {
            case JSON -> Optional.of(new JsonReportWriter()::write);
            case EXCEL, PDF -> Optional.empty();
        };
    }
}
