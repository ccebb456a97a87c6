package org.modellens.data;

import java.nio.file.Path;

/**
 * Where a snapshot came from, as the report states it.
 *
 * @param path   the file as given by the user
 * @param format the file format read ({@code csv}, {@code parquet}, {@code xlsx})
 * @param sha256 hex SHA-256 of the file's bytes, so a reader can tell exactly which file was analysed
 */
public record SourceInfo(Path path, String format, String sha256) {

    /** The file name alone, for messages. */
    public String fileName() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
