package org.modellens.app.ui;

import java.io.IOException;
import java.io.OutputStream;

import org.modellens.report.DiagnosticReport;
import org.modellens.report.ExcelReportWriter;
import org.modellens.report.JsonReportWriter;
import org.modellens.report.PdfReportWriter;

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

    /** The core writer for this format. */
    public Writer writer() {
        return switch (this) {
            case JSON -> new JsonReportWriter()::write;
            case EXCEL -> new ExcelReportWriter()::write;
            case PDF -> new PdfReportWriter()::write;
        };
    }
}
