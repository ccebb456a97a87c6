package org.modellens.app.ui;

import org.modellens.report.ReportFormats;
import org.modellens.report.ReportWriter;

/** The report formats of File &gt; Export: the core's {@link ReportFormats}, in menu order. */
public enum ExportFormat {
    JSON(ReportFormats.JSON), EXCEL(ReportFormats.EXCEL), PDF(ReportFormats.PDF);

    private final ReportFormats format;

    ExportFormat(ReportFormats format) {
        this.format = format;
    }

    public String extension() {
        return format.extension();
    }

    /** The core writer for this format. */
    public ReportWriter writer() {
        return format.writer();
    }
}
