package org.modellens.timeline;

import java.util.List;
import java.util.Objects;

/**
 * Production over time, chunk by chunk (DESIGN.md section 6).
 *
 * @param column          the time column
 * @param chunk           day, week, month, or a row count
 * @param chunks          the chunks in time order
 * @param changePoints    when each cause began
 * @param unparsableDates production rows whose time could not be read (left out of every chunk)
 */
public record Timeline(String column, String chunk, List<TimelineChunk> chunks, List<ChangePoint> changePoints,
                       long unparsableDates) {

    public Timeline {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(chunk, "chunk");
        chunks = List.copyOf(chunks);
        changePoints = List.copyOf(changePoints);
    }
}
