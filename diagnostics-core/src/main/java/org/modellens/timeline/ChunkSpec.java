package org.modellens.timeline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How production is cut into chunks: a calendar period of the time column (day, ISO week from Monday,
 * month) or a fixed number of rows.
 *
 * @param period the calendar period, or {@code null} for chunks of {@code rows} rows
 * @param rows   rows per chunk when {@code period} is {@code null}
 */
public record ChunkSpec(Period period, int rows) {

    /** A calendar period. */
    public enum Period {
        DAY, WEEK, MONTH;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The first day of the period holding {@code date}. */
        LocalDate start(LocalDate date) {
            return switch (this) {
                case DAY -> date;
                case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> date.withDayOfMonth(1);
            };
        }

        /** The first day of the next period. */
        LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }

        /** "on 27 October 2025", "in the week of 27 October 2025", "in October 2025". */
        String when(LocalDate start) {
            String day = start.getDayOfMonth() + " " + start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " " + start.getYear();
            return switch (this) {
                case DAY -> "on " + day;
                case WEEK -> "in the week of " + day;
                case MONTH -> "in " + start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + start.getYear();
            };
        }
    }

    public ChunkSpec {
        if (period == null && rows < 1) {
            throw new IllegalArgumentException("a chunk holds at least one row");
        }
    }

    /**
     * Reads {@code --chunk}: day, week, month or a positive row count.
     *
     * @throws IllegalArgumentException with a user-facing message for anything else
     */
    public static ChunkSpec parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "day":
                return new ChunkSpec(Period.DAY, 0);
            case "week":
                return new ChunkSpec(Period.WEEK, 0);
            case "month":
                return new ChunkSpec(Period.MONTH, 0);
            default:
                try {
                    int rows = Integer.parseInt(t);
                    if (rows >= 1) {
                        return new ChunkSpec(null, rows);
                    }
                } catch (NumberFormatException e) {
                    // falls through to the message below
                }
                throw new IllegalArgumentException("--chunk must be day, week, month or a number of rows (at least 1), not '" + text + "'");
        }
    }

    public boolean calendar() {
        return period != null;
    }

    /** As written in the report: day, week, month or the row count. */
    public String label() {
        return period != null ? period.jsonName() : Integer.toString(rows);
    }
}
