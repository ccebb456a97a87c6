package org.modellens.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a snapshot came from, as the report states it.
 *
 * @param path   the file as given by the user
 * @param format the file format read ({@code csv}, {@code parquet}, {@code xlsx})
 * @param sha256 hex SHA-256 of the file's bytes, so a reader can tell exactly which file was analysed
 * @param notes  what the reader had to repair or guess to read the file (one sentence each, naming
 *               line and column), for the report's input-format findings; empty for a clean file
 */
public record SourceInfo(Path path, String format, String sha256, List<String> notes) {

    public SourceInfo {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A source the reader took as is. */
    public SourceInfo(Path path, String format, String sha256) {
        this(path, format, sha256, List.of());
    }

    /** The same source with these reader notes. */
    public SourceInfo withNotes(List<String> readerNotes) {
        return new SourceInfo(path, format, sha256, readerNotes);
    }

    /** The file name alone, for messages. */
    public String fileName() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
