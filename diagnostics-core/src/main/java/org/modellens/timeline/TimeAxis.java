package org.modellens.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.modellens.checks.AffectedRows;
import org.modellens.checks.Finding;
import org.modellens.checks.InputFormatCheck;
import org.modellens.checks.Severity;
import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.data.UnreadableInputException;
import org.modellens.profile.format.Profile;
import org.modellens.settings.Settings;

/**
 * Production cut into chunks: every row with a readable time in the chunk of its period (or, for row
 * chunks, in time order; without a time column, in file order). Rows whose time is empty or no date are
 * left out of every chunk, counted, and reported as an input-format finding: never fatal.
 *
 * <p>Without {@code --chunk} the chunk is the finest calendar period (day, week, month) whose chunks hold at
 * least {@code timeline.chunk.minRows} rows on average and number at most {@code timeline.chunk.maxChunks};
 * when even months are too thin, chunks of {@code timeline.chunk.minRows} rows.
 */
public final class TimeAxis {

    /**
     * One chunk before it is measured.
     *
     * @param index       0-based, in time order
     * @param start       first day (ISO date) or first file row
     * @param end         last day or last file row
     * @param periodStart the first day of its period or first row's day, {@code null} without a time column
     * @param rows        production rows in it (0-based data rows)
     */
    public record Slice(int index, String start, String end, LocalDate periodStart, int[] rows) {
    }

    private final String column;
    private final ChunkSpec spec;
    private final boolean chosen;
    private final List<Slice> slices;
    private final long unreadable;
    private final Finding notice;
    /** Per slice, the profile of its every row (chunk profiles of a production profile), or {@code null}: rows. */
    private final List<Profile> chunkProfiles;
    private final boolean chunkModels;

    private TimeAxis(String column, ChunkSpec spec, boolean chosen, List<Slice> slices, long unreadable, Finding notice) {
        this(column, spec, chosen, slices, unreadable, notice, null, false);
    }

    private TimeAxis(String column, ChunkSpec spec, boolean chosen, List<Slice> slices, long unreadable, Finding notice,
                     List<Profile> chunkProfiles, boolean chunkModels) {
        this.column = column;
        this.spec = spec;
        this.chosen = chosen;
        this.slices = List.copyOf(slices);
        this.unreadable = unreadable;
        this.notice = notice;
        this.chunkProfiles = chunkProfiles;
        this.chunkModels = chunkModels;
    }

    /**
     * Production cut by the chunk profiles a production profile carries (the Spark job's {@code --time-column}):
     * every row counts, not the sample. The profile's chunks are days, weeks or months; days also make weeks
     * and months (chunk profiles merge). {@code null} when the profile has no chunks of this column or of a
     * period the request can be made of (then the timeline is cut from the sample).
     *
     * @param chunk       day, week or month, or {@code null} to choose as {@link #of(Snapshot, String, String, Settings)}
     *                    does among the periods the profile's chunks make
     * @param chunkModels whether the chunks' model summaries are of the diagnosed model
     * @throws UnreadableInputException when the chunk is not understood
     */
    public static TimeAxis ofProfile(Profile prod, String column, String chunk, Settings settings, boolean chunkModels)
            throws UnreadableInputException {
        ChunkSpec requested;
        try {
            requested = chunk == null ? null : ChunkSpec.parse(chunk);
        } catch (IllegalArgumentException e) {
            throw new UnreadableInputException(e.getMessage());
        }
        if (column == null || !prod.chunkColumn().filter(column::equals).isPresent() || prod.chunkPeriod().isEmpty()
                || requested != null && !requested.calendar()) {
            return null;
        }
        ChunkSpec.Period made = ChunkSpec.Period.valueOf(prod.chunkPeriod().get().toUpperCase(Locale.ROOT));
        List<ChunkSpec.Period> derivable = made == ChunkSpec.Period.DAY ? List.of(ChunkSpec.Period.values()) : List.of(made);
        if (requested != null && !derivable.contains(requested.period())) {
            return null;
        }
        TreeMap<LocalDate, Profile> byStart = new TreeMap<>();
        long rows = 0;
        for (Map.Entry<String, Profile> e : prod.chunks().entrySet()) {
            if (!e.getKey().equals(Profile.UNREADABLE_CHUNK)) {
                byStart.put(LocalDate.parse(e.getKey()), e.getValue());
                rows += e.getValue().rows();
            }
        }
        ChunkSpec.Period period = requested != null ? requested.period() : choosePeriod(byStart, rows, derivable, settings);
        TreeMap<LocalDate, Profile> merged = new TreeMap<>();
        for (Map.Entry<LocalDate, Profile> e : byStart.entrySet()) {
            merged.merge(period.start(e.getKey()), e.getValue(), Profile::merge);
        }
        List<Slice> slices = new ArrayList<>();
        List<Profile> profiles = new ArrayList<>();
        if (!merged.isEmpty()) {
            // Every period from the first to the last, empty ones included, as the rows' calendar slices.
            for (LocalDate start = merged.firstKey(); !start.isAfter(merged.lastKey()); start = period.next(start)) {
                slices.add(new Slice(slices.size(), start.toString(), period.next(start).minusDays(1).toString(), start, new int[0]));
                profiles.add(merged.get(start));
            }
        }
        Profile bad = prod.chunks().get(Profile.UNREADABLE_CHUNK);
        long unreadable = bad == null ? 0 : bad.rows();
        Finding notice = unreadable == 0 ? null : profileNotice(prod, column, unreadable, settings.get("timeline.unreadableTimes.share.warn"));
        return new TimeAxis(column, new ChunkSpec(period, 0), requested == null, slices, unreadable, notice, profiles, chunkModels);
    }

    /** The finest period whose chunks hold enough rows on average and are not too many, as {@link #chooseChunk}. */
    private static ChunkSpec.Period choosePeriod(TreeMap<LocalDate, Profile> byStart, long rows, List<ChunkSpec.Period> derivable,
                                                 Settings settings) {
        int minRows = Math.max(1, settings.getInt("timeline.chunk.minRows"));
        int maxChunks = settings.getInt("timeline.chunk.maxChunks");
        if (!byStart.isEmpty()) {
            for (ChunkSpec.Period period : derivable) {
                LocalDate first = period.start(byStart.firstKey());
                LocalDate last = period.start(byStart.lastKey());
                long chunks = 1;
                for (LocalDate d = first; d.isBefore(last); d = period.next(d)) {
                    chunks++;
                }
                if (chunks >= 2 && chunks <= maxChunks && rows / (double) chunks >= minRows) {
                    return period;
                }
            }
        }
        return derivable.get(derivable.size() - 1);
    }

    private static Finding profileNotice(Profile prod, String column, long unreadable, double warnShare) {
        double share = prod.rows() == 0 ? 0 : unreadable / (double) prod.rows();
        String percent = String.format(Locale.ROOT, "%.1f%%", share * 100);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("timeColumn", column);
        evidence.put("unreadableTimes", unreadable);
        evidence.put("share", share);
        return new Finding(InputFormatCheck.ID, column, share >= warnShare ? Severity.WARN : Severity.INFO,
                column + ": " + unreadable + " production rows (" + percent + ") have no readable time",
                unreadable + " rows have an empty " + column + " or text that is no date (counted by the profile's producer). "
                        + "These rows are left out of the timeline; every other figure still counts them.",
                evidence, new AffectedRows(unreadable, List.of()));
    }

    /** Whether the chunks are profiles of every row rather than rows of the production snapshot. */
    public boolean profiled() {
        return chunkProfiles != null;
    }

    /** The profile of a slice's every row, or {@code null} when the slice is rows (or an empty period). */
    public Profile chunkProfile(int index) {
        return chunkProfiles == null ? null : chunkProfiles.get(index);
    }

    /** Whether the chunk profiles' model summaries are of the diagnosed model. */
    public boolean chunkModels() {
        return chunkModels;
    }

    /** The rows in a slice: its rows, or its profile's row count. */
    public long rows(Slice slice) {
        if (chunkProfiles == null) {
            return slice.rows().length;
        }
        Profile p = chunkProfiles.get(slice.index());
        return p == null ? 0 : p.rows();
    }

    /**
     * Reads the time column of production and cuts it into chunks.
     *
     * @param column the time column, or {@code null} to cut production in file order (then {@code chunk}
     *               must be a row count)
     * @param chunk  day, week, month or a row count; {@code null} for the default
     * @throws UnreadableInputException when the column does not exist or the chunk is not understood
     */
    public static TimeAxis of(Snapshot prod, String column, String chunk, Settings settings) throws UnreadableInputException {
        ChunkSpec requested;
        try {
            requested = chunk == null ? null : ChunkSpec.parse(chunk);
        } catch (IllegalArgumentException e) {
            throw new UnreadableInputException(e.getMessage());
        }
        int minRows = settings.getInt("timeline.chunk.minRows");
        if (column == null) {
            if (requested != null && requested.calendar()) {
                throw new UnreadableInputException("--chunk " + chunk + " needs --time-column: without a time column "
                        + "production can only be cut into chunks of a number of rows");
            }
            ChunkSpec spec = requested != null ? requested : new ChunkSpec(null, Math.max(1, minRows));
            int[] order = new int[prod.rows()];
            Arrays.setAll(order, i -> i);
            return new TimeAxis(null, spec, requested == null, rowSlices(order, null, spec.rows(), prod), 0, null);
        }
        Column time = prod.column(column).orElseThrow(() -> new UnreadableInputException(prod.source().fileName()
                + ": the time column '" + column + "' does not exist; its columns are " + String.join(", ", prod.columnNames())));
        TimeParser parser = new TimeParser();
        double[] seconds = new double[time.size()];
        int missing = 0;
        int unparsable = 0;
        int firstBad = -1;
        for (int row = 0; row < seconds.length; row++) {
            seconds[row] = parser.epochSeconds(time.text(row));
            if (Double.isNaN(seconds[row])) {
                if (time.isMissing(row) || time.text(row).isBlank()) {
                    missing++;
                } else {
                    unparsable++;
                    if (firstBad < 0) {
                        firstBad = row;
                    }
                }
            }
        }
        Integer[] boxed = new Integer[seconds.length - missing - unparsable];
        int k = 0;
        for (int row = 0; row < seconds.length; row++) {
            if (!Double.isNaN(seconds[row])) {
                boxed[k++] = row;
            }
        }
        // Time order; equal times keep file order (the sort is stable).
        Arrays.sort(boxed, (a, b) -> Double.compare(seconds[a], seconds[b]));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        ChunkSpec spec = requested != null ? requested : chooseChunk(order, seconds, settings);
        List<Slice> slices = spec.calendar() ? calendarSlices(order, seconds, spec.period()) : rowSlices(order, seconds, spec.rows(), prod);
        Finding notice = missing + unparsable == 0 ? null
                : notice(prod, time, seconds, missing, unparsable, firstBad, settings.get("timeline.unreadableTimes.share.warn"));
        return new TimeAxis(column, spec, requested == null, slices, missing + unparsable, notice);
    }

    /**
     * The chunks of a timeline already computed ({@link Timeline#column()}, {@link Timeline#chunk()}): the same
     * slices, to measure one of them again (the workbench's Drift page shows a chunk against training).
     */
    public static TimeAxis of(Snapshot prod, Timeline timeline) throws UnreadableInputException {
        Settings settings = Settings.defaults();
        return of(prod, prod.hasColumn(timeline.column()) ? timeline.column() : null, timeline.chunk(), settings);
    }

    /** The finest calendar period with enough rows a chunk, else row chunks (see the class comment). */
    static ChunkSpec chooseChunk(int[] order, double[] seconds, Settings settings) {
        int minRows = Math.max(1, settings.getInt("timeline.chunk.minRows"));
        int maxChunks = settings.getInt("timeline.chunk.maxChunks");
        if (order.length > 0) {
            for (ChunkSpec.Period period : ChunkSpec.Period.values()) {
                LocalDate first = period.start(day(seconds[order[0]]));
                LocalDate last = period.start(day(seconds[order[order.length - 1]]));
                long chunks = 1;
                for (LocalDate d = first; d.isBefore(last); d = period.next(d)) {
                    chunks++;
                }
                if (chunks >= 2 && chunks <= maxChunks && order.length / (double) chunks >= minRows) {
                    return new ChunkSpec(period, 0);
                }
            }
        }
        // Too few rows for calendar chunks, or too many months: equal row counts, no more than maxChunks.
        int rows = Math.max(minRows, (int) Math.ceil(order.length / (double) Math.max(1, maxChunks)));
        return new ChunkSpec(null, rows);
    }

    private static List<Slice> calendarSlices(int[] order, double[] seconds, ChunkSpec.Period period) {
        List<Slice> slices = new ArrayList<>();
        if (order.length == 0) {
            return slices;
        }
        TreeMap<LocalDate, List<Integer>> byPeriod = new TreeMap<>();
        for (int row : order) {
            byPeriod.computeIfAbsent(period.start(day(seconds[row])), d -> new ArrayList<>()).add(row);
        }
        // Every period from the first to the last, empty ones included: a gap in arrivals is news too.
        for (LocalDate start = byPeriod.firstKey(); !start.isAfter(byPeriod.lastKey()); start = period.next(start)) {
            List<Integer> rows = byPeriod.getOrDefault(start, List.of());
            slices.add(new Slice(slices.size(), start.toString(), period.next(start).minusDays(1).toString(), start,
                    rows.stream().mapToInt(Integer::intValue).toArray()));
        }
        return slices;
    }

    /** Chunks of {@code size} rows in the given order; a last remainder under half a chunk joins the one before. */
    private static List<Slice> rowSlices(int[] order, double[] seconds, int size, Snapshot prod) {
        List<Slice> slices = new ArrayList<>();
        int from = 0;
        while (from < order.length) {
            int to = Math.min(order.length, from + size);
            if (order.length - to < (size + 1) / 2) {
                to = order.length;
            }
            int[] rows = Arrays.copyOfRange(order, from, to);
            if (seconds == null) {
                slices.add(new Slice(slices.size(), Long.toString(prod.fileRow(rows[0])),
                        Long.toString(prod.fileRow(rows[rows.length - 1])), null, rows));
            } else {
                LocalDate first = day(seconds[rows[0]]);
                slices.add(new Slice(slices.size(), first.toString(), day(seconds[rows[rows.length - 1]]).toString(), first, rows));
            }
            from = to;
        }
        return slices;
    }

    static LocalDate day(double epochSeconds) {
        return LocalDate.ofInstant(Instant.ofEpochSecond((long) Math.floor(epochSeconds)), ZoneOffset.UTC);
    }

    private static Finding notice(Snapshot prod, Column time, double[] seconds, int missing, int unparsable, int firstBad, double warnShare) {
        long rows = prod.rows();
        double share = rows == 0 ? 0 : (missing + unparsable) / (double) rows;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("timeColumn", time.name());
        evidence.put("emptyTimes", (long) missing);
        evidence.put("unparsableTimes", (long) unparsable);
        evidence.put("share", share);
        if (firstBad >= 0) {
            evidence.put("example", time.text(firstBad));
        }
        List<Integer> examples = new ArrayList<>();
        for (int row = 0; row < time.size() && examples.size() < AffectedRows.MAX_EXAMPLES; row++) {
            if (Double.isNaN(seconds[row])) {
                examples.add(Math.toIntExact(prod.fileRow(row)));
            }
        }
        String percent = String.format(Locale.ROOT, "%.1f%%", share * 100);
        return new Finding(InputFormatCheck.ID, time.name(), share >= warnShare ? Severity.WARN : Severity.INFO,
                time.name() + ": " + (missing + unparsable) + " production rows (" + percent + ") have no readable time",
                (missing > 0 ? missing + " rows have an empty " + time.name() + (unparsable > 0 ? " and " : ". ") : "")
                        + (unparsable > 0 ? unparsable + " hold text that is no date in any known format (first: row " + prod.fileRow(firstBad)
                        + ", '" + time.text(firstBad) + "'). " : "")
                        + "These rows are left out of the timeline; every other figure still counts them.",
                evidence, new AffectedRows(missing + unparsable, examples, AffectedRows.Sample.of(prod)));
    }

    /** The time column, or {@code null} when production is cut in file order. */
    public String column() {
        return column;
    }

    public ChunkSpec spec() {
        return spec;
    }

    /** Whether the chunk was chosen here rather than given. */
    public boolean chosen() {
        return chosen;
    }

    public List<Slice> slices() {
        return slices;
    }

    /** Rows whose time is empty or no date. */
    public long unreadable() {
        return unreadable;
    }

    /** The input-format finding about unreadable times, if any. */
    public Optional<Finding> notice() {
        return Optional.ofNullable(notice);
    }
}
