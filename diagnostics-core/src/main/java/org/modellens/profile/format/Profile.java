package org.modellens.profile.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * A mergeable summary of a snapshot (DESIGN.md section 7), written as an {@code .mlprofile} file by
 * {@link ProfileFormat}. It holds, for the rows it was built from:
 * <ul>
 * <li>per column ({@link ColumnSummary}): exact counts (rows, missing, unparsable, non-finite), min,
 *     max, mean and M2, category counts bounded with an exact "other" count, a KLL quantile sketch and
 *     an HLL distinct-count sketch;</li>
 * <li>row-hash duplicate counts ({@link DuplicateSummary});</li>
 * <li>a seeded uniform sample of at most {@code sampleRows} rows ({@link RowSample}: bottom-k by a
 *     seeded row hash), on which the checks that need rows run;</li>
 * <li>optionally what a model made of every row ({@link ModelSummary}) and per-chunk profiles of a
 *     time column (DESIGN.md section 6), keyed by the chunk's start.</li>
 * </ul>
 * {@link #merge(Profile, Profile)} is associative and commutative: the exact parts of the merge of
 * two parts' profiles equal the whole's, the sample is the whole's sample, and the sketches stay
 * within their stated error bounds. Profiles merge only with equal columns, types and options.
 * Not thread-safe; a profile is built by one thread and then merged.
 */
public final class Profile {

    /** Row index of a row whose position in the source is not known. */
    public static final long UNKNOWN_INDEX = -1;

    private final ProfileSchema schema;
    private final ProfileOptions options;
    private String source;
    private String sha256;
    private String producer;
    private long rows;
    private final ColumnSummary[] columns;
    private final DuplicateSummary duplicates;
    private final RowSample sample;
    private ModelSummary model;
    private final TreeMap<String, Profile> chunks = new TreeMap<>();
    private String chunkColumn;
    private String chunkPeriod;

    /** An empty profile of these columns. */
    public Profile(ProfileSchema schema, ProfileOptions options, String source, String producer) {
        this(schema, options, source, "", producer, new DuplicateSummary(), new RowSample(options.sampleRows()));
        for (int c = 0; c < schema.width(); c++) {
            String name = schema.names().get(c);
            columns[c] = new ColumnSummary(name, schema.types().get(c), schema.identifiers().contains(name), options);
        }
    }

    Profile(ProfileSchema schema, ProfileOptions options, String source, String sha256, String producer,
            DuplicateSummary duplicates, RowSample sample) {
        this.schema = schema;
        this.options = options;
        this.source = source;
        this.sha256 = sha256;
        this.producer = producer;
        this.columns = new ColumnSummary[schema.width()];
        this.duplicates = duplicates;
        this.sample = sample;
    }

    /**
     * Counts one row.
     *
     * @param cells the row's cells in schema order, {@code null} = missing (kept by reference in the sample)
     * @param index the row's 0-based position in the source, or {@link #UNKNOWN_INDEX}
     */
    public void add(String[] cells, long index) {
        if (cells.length != columns.length) {
            throw new IllegalArgumentException("row " + index + " has " + cells.length + " cells, the profile "
                    + columns.length + " columns");
        }
        rows++;
        for (int c = 0; c < columns.length; c++) {
            columns[c].add(cells[c]);
        }
        long hash = RowHash.of(cells);
        duplicates.add(hash, index);
        sample.add(RowHash.priority(hash, options.seed()), index, cells);
    }

    /** The profile of the rows of both (neither argument changes). */
    public static Profile merge(Profile a, Profile b) {
        Profile merged = a.copy();
        merged.mergeFrom(b);
        return merged;
    }

    /** Adds the other profile (of other rows) to this one; the other does not change. */
    public void mergeFrom(Profile other) {
        if (!schema.equals(other.schema)) {
            throw new IllegalArgumentException("profiles of different columns or types do not merge: "
                    + describe(schema) + " and " + describe(other.schema));
        }
        if (!options.equals(other.options)) {
            throw new IllegalArgumentException("profiles built with different options do not merge: " + options
                    + " and " + other.options);
        }
        if ((model == null) != (other.model == null)) {
            throw new IllegalArgumentException("a profile with model scores does not merge with one without");
        }
        if (!java.util.Objects.equals(chunkColumn, other.chunkColumn) || !java.util.Objects.equals(chunkPeriod, other.chunkPeriod)) {
            throw new IllegalArgumentException("profiles chunked differently do not merge: " + chunkColumn + "/" + chunkPeriod
                    + " and " + other.chunkColumn + "/" + other.chunkPeriod);
        }
        rows += other.rows;
        for (int c = 0; c < columns.length; c++) {
            columns[c].merge(other.columns[c]);
        }
        duplicates.merge(other.duplicates);
        sample.merge(other.sample);
        if (model != null) {
            model.merge(other.model);
        }
        for (Map.Entry<String, Profile> chunk : other.chunks.entrySet()) {
            Profile mine = chunks.get(chunk.getKey());
            if (mine == null) {
                chunks.put(chunk.getKey(), chunk.getValue().copy());
            } else {
                mine.mergeFrom(chunk.getValue());
            }
        }
        if (!source.equals(other.source)) {
            source = source + " + " + other.source;
        }
        if (!sha256.equals(other.sha256)) {
            sha256 = "";
        }
    }

    private static String describe(ProfileSchema s) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < s.width(); c++) {
            parts.add(s.names().get(c) + ":" + s.types().get(c).jsonName());
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /**
     * Where the exact parts of this profile and another differ (empty when they agree): row and cell
     * counts, min and max equal; mean and M2 equal up to floating-point rounding (relative 1e-9); category
     * counts equal where both counted every label; duplicate counts equal where both are exact; the same
     * sampled rows (priorities and cells; row indices are compared only when {@code compareIndices}).
     * The sketches are approximate by design and are not compared here.
     */
    public List<String> exactDifferences(Profile other, boolean compareIndices) {
        List<String> diffs = new ArrayList<>();
        if (!schema.equals(other.schema)) {
            diffs.add("schema " + describe(schema) + " vs " + describe(other.schema));
            return diffs;
        }
        if (rows != other.rows) {
            diffs.add("rows " + rows + " vs " + other.rows);
        }
        for (int c = 0; c < columns.length; c++) {
            ColumnSummary a = columns[c];
            ColumnSummary b = other.columns[c];
            String n = a.name() + ": ";
            long[] ca = {a.rows(), a.missing(), a.unparsable(), a.nonFinite(), a.count()};
            long[] cb = {b.rows(), b.missing(), b.unparsable(), b.nonFinite(), b.count()};
            if (!java.util.Arrays.equals(ca, cb)) {
                diffs.add(n + "rows/missing/unparsable/nonFinite/count " + java.util.Arrays.toString(ca) + " vs "
                        + java.util.Arrays.toString(cb));
            }
            if (Double.compare(a.min(), b.min()) != 0 || Double.compare(a.max(), b.max()) != 0) {
                diffs.add(n + "min/max " + a.min() + "/" + a.max() + " vs " + b.min() + "/" + b.max());
            }
            if (!close(a.mean(), b.mean()) || !close(a.m2(), b.m2())) {
                diffs.add(n + "mean/m2 " + a.mean() + "/" + a.m2() + " vs " + b.mean() + "/" + b.m2());
            }
            if (a.categoryCounts() != null && a.categoriesComplete() && b.categoriesComplete()
                    && (!a.categoryCounts().equals(b.categoryCounts()) || a.otherCount() != b.otherCount())) {
                diffs.add(n + "category counts differ");
            }
            if (a.categoryCounts() != null && a.categoriesComplete() != b.categoriesComplete()) {
                diffs.add(n + "complete " + a.categoriesComplete() + " vs " + b.categoriesComplete());
            }
        }
        if (duplicates.exact() && other.duplicates.exact() && duplicates.duplicates() != other.duplicates.duplicates()) {
            diffs.add("duplicates " + duplicates.duplicates() + " vs " + other.duplicates.duplicates());
        }
        List<RowSample.Entry> sa = byPriority(sample.entries());
        List<RowSample.Entry> sb = byPriority(other.sample.entries());
        if (sa.size() != sb.size()) {
            diffs.add("sample size " + sa.size() + " vs " + sb.size());
        } else {
            for (int i = 0; i < sa.size(); i++) {
                RowSample.Entry x = sa.get(i);
                RowSample.Entry y = sb.get(i);
                if (x.priority() != y.priority() || !java.util.Arrays.equals(x.cells(), y.cells())
                        || compareIndices && x.index() != y.index()) {
                    diffs.add("sample row " + i + " differs: " + java.util.Arrays.toString(x.cells()) + " @" + x.index()
                            + " vs " + java.util.Arrays.toString(y.cells()) + " @" + y.index());
                    break;
                }
            }
        }
        return diffs;
    }

    private static List<RowSample.Entry> byPriority(List<RowSample.Entry> entries) {
        List<RowSample.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparingLong(RowSample.Entry::priority)
                .thenComparing(e -> java.util.Arrays.toString(e.cells())));
        return sorted;
    }

    private static boolean close(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) && Double.isNaN(y);
        }
        return Math.abs(x - y) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    /** A deep copy (row hashes included). */
    public Profile copy() {
        return ProfileFormat.fromBytes(ProfileFormat.toBytes(this, Integer.MAX_VALUE), "copy");
    }

    public ProfileSchema schema() {
        return schema;
    }

    public ProfileOptions options() {
        return options;
    }

    /** What the profile was made from: a file name, a table, or parts joined by " + ". */
    public String source() {
        return source;
    }

    /** The SHA-256 of the source file when the profile is of one whole file, else empty. */
    public String sha256() {
        return sha256;
    }

    public void setSource(String source, String sha256) {
        this.source = source;
        this.sha256 = sha256 == null ? "" : sha256;
    }

    /** The program that wrote the profile (the command line, the Spark job), with its version. */
    public String producer() {
        return producer;
    }

    public long rows() {
        return rows;
    }

    public List<ColumnSummary> columns() {
        return List.of(columns);
    }

    public Optional<ColumnSummary> column(String name) {
        int c = schema.names().indexOf(name);
        return c < 0 ? Optional.empty() : Optional.of(columns[c]);
    }

    public DuplicateSummary duplicates() {
        return duplicates;
    }

    public RowSample sample() {
        return sample;
    }

    /** What a model made of every row, when the producer scored them. */
    public Optional<ModelSummary> model() {
        return Optional.ofNullable(model);
    }

    public void setModel(ModelSummary model) {
        this.model = model;
    }

    /** Profiles of the chunks of a time column, by chunk key (its start, ISO-8601), in key order. */
    public Map<String, Profile> chunks() {
        return Collections.unmodifiableMap(chunks);
    }

    /** The profile of a chunk, created empty on first use. */
    public Profile chunk(String key) {
        return chunks.computeIfAbsent(key, k -> new Profile(schema, chunkOptions(), source, producer));
    }

    /**
     * Says how the chunks were cut: by this time column, each chunk the calendar period (day, week or month)
     * starting on its key; rows without a readable time are in the chunk keyed {@link #UNREADABLE_CHUNK}.
     */
    public void setChunking(String column, String period) {
        this.chunkColumn = column;
        this.chunkPeriod = period;
    }

    /** The time column the chunks were cut by (profiles of format version 2 on), if any. */
    public Optional<String> chunkColumn() {
        return Optional.ofNullable(chunkColumn);
    }

    /** The calendar period of each chunk: day, week or month. */
    public Optional<String> chunkPeriod() {
        return Optional.ofNullable(chunkPeriod);
    }

    /** The key of the chunk of rows whose time is empty or no date. */
    public static final String UNREADABLE_CHUNK = "unreadable";

    void putChunk(String key, Profile chunk) {
        chunks.put(key, chunk);
    }

    /**
     * Chunks keep a small sample and no row hashes in the file: they are many, and every partition of the Spark
     * job holds all of them (10,000 sampled rows a chunk ran a 3 GB heap out of memory on 10M rows in 365 day
     * chunks). A chunk's figures come from its counts and sketches; its sample only gives example rows.
     */
    private ProfileOptions chunkOptions() {
        return new ProfileOptions(Math.min(options.sampleRows(), 1_000), options.seed(), options.maxCategories(),
                options.kllK(), options.hllLgK(), 0, options.typeRows());
    }

    /** Sets the exact duplicate count of the whole, counted by the producer (see {@link DuplicateSummary}). */
    public void setExactDuplicates(long duplicateRows) {
        duplicates.setExact(duplicateRows);
    }

    /** Drops the row hashes (the producer counts the duplicates of the whole itself). */
    public void dropRowHashes() {
        duplicates.dropHashes();
        chunks.values().forEach(Profile::dropRowHashes);
    }

    /** Maps every stored row index (sample rows, duplicate examples), e.g. from partition-local to global. */
    public void remapRowIndices(LongUnaryOperator map) {
        sample.remapIndices(map);
        duplicates.remapIndices(map);
        chunks.values().forEach(c -> c.remapRowIndices(map));
    }

    void setRows(long rows) {
        this.rows = rows;
    }

    void setColumn(int c, ColumnSummary column) {
        columns[c] = column;
    }
}
