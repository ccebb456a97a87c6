package org.modellens.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The report formats ModelLens writes, each with its writer. The command line's {@code --json},
 * {@code --xlsx} and {@code --pdf} and the workbench's File &gt; Export both come from here.
 *
 * <p>Writers are made on demand: the Excel and PDF writers pull in POI and PDFBox, which a run that
 * writes only JSON never loads.
 */
public enum ReportFormats {
    JSON("json", ".json", "JSON report for CI gates and scripts", () -> new JsonReportWriter()),
    EXCEL("xlsx", ".xlsx", "Excel workbook for stakeholders", () -> new ExcelReportWriter()),
    PDF("pdf", ".pdf", "PDF report for stakeholders", () -> new PdfReportWriter());

    private final String id;
    private final String extension;
    private final String description;
    private final Supplier<ReportWriter> writer;

    ReportFormats(String id, String extension, String description, Supplier<ReportWriter> writer) {
        this.id = id;
        this.extension = extension;
        this.description = description;
        this.writer = writer;
    }

    /** Short name, as in the command line's option ({@code json}, {@code xlsx}, {@code pdf}). */
    public String id() {
        return id;
    }

    /** File extension with its dot. */
    public String extension() {
        return extension;
    }

    public String description() {
        return description;
    }

    /** A new writer for this format. */
    public ReportWriter writer() {
        return writer.get();
    }

    /** Every format, in the order they are offered. */
    public static List<ReportFormats> all() {
        return List.of(values());
    }

    /** The format a file name asks for by its extension. */
    public static Optional<ReportFormats> forFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ReportFormats format : values()) {
            if (name.endsWith(format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
