package org.modellens.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The one way in for snapshot files: reads a training snapshot (types inferred, overrides applied,
 * row identifiers found) and the snapshots compared with it (production, reference), which take
 * training's types. CSV files are read from their bytes into columns ({@link CsvColumnReader});
 * Parquet, XLSX and CSV files that need the general reader (quotes, other encodings, damage) are read
 * as text first ({@link SnapshotReaders}) and encoded into the same columns.
 *
 * <p>{@link #load} decides how: a profile file ({@code .mlprofile}, recognised by its content) is read
 * through the {@link ProfileReader} it is given (the snapshot of the profile's sample, with the exact
 * figures of every row); CSV files together larger than {@link Streaming#aboveBytes()} are streamed once
 * each ({@link StreamedCsvReader}: exact figures of every row plus a seeded uniform sample, each sampled
 * row keeping its file row number); everything else is read whole. Either way the result is the same
 * kind of {@link Snapshot}, so nothing after this step asks how it was read.
 */
public final class SnapshotLoader {

    private SnapshotLoader() {
    }

    /**
     * The files to read.
     *
     * @param train       training snapshot file
     * @param prod        production snapshot file
     * @param reference   held-out reference file, or {@code null}
     * @param categorical columns forced to be categorical
     * @param numeric     columns forced to be numeric
     * @param target      target column, or {@code null}; a target training lacks is fatal
     */
    public record Request(Path train, Path prod, Path reference, Set<String> categorical, Set<String> numeric,
                          String target) {

        public Request {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(prod, "prod");
            categorical = Set.copyOf(categorical);
            numeric = Set.copyOf(numeric);
        }
    }

    /**
     * When and how to stream instead of reading whole.
     *
     * @param aboveBytes files together larger than this are streamed (CSV only)
     * @param reader     sample size, seed, type rows, category limit and outlier fences of the streamed pass
     */
    public record Streaming(long aboveBytes, StreamedCsvReader.Options reader) {

        /** Never streams: every file is read whole. */
        public static final Streaming NEVER = new Streaming(Long.MAX_VALUE, null);
    }

    /**
     * What the input step read: plain data, no findings.
     *
     * @param train     training, types inferred
     * @param prod      production, read with training's types
     * @param reference the reference, read with training's types, or {@code null}
     * @param unknownOverrides type overrides naming a column a file lacks (reported, not fatal)
     * @param streamed  whether the files were streamed (each snapshot a sample of its file) rather than read whole
     * @param profiles  the profile each side was read from, where it was one
     */
    public record Loaded<P>(Snapshot train, Snapshot prod, Snapshot reference, List<UnknownOverride> unknownOverrides,
                            boolean streamed, Profiles<P> profiles) {

        public Loaded {
            unknownOverrides = List.copyOf(unknownOverrides);
            Objects.requireNonNull(profiles, "profiles");
        }
    }

    /**
     * The profile each side was read from, {@code null} for a side read from a table.
     *
     * @param train     training's profile
     * @param prod      production's profile
     * @param reference the reference's profile
     */
    public record Profiles<P>(P train, P prod, P reference) {

        /** Whether any side was a profile. */
        public boolean any() {
            return train != null || prod != null || reference != null;
        }
    }

    /**
     * A type override ({@code --categorical}, {@code --numeric}) naming a column a file does not have.
     *
     * @param option the option, as typed
     * @param column the name it gave
     * @param file   the file without that column
     */
    public record UnknownOverride(String option, String column, String file) {
    }

    /**
     * Reads training, production and (when given) the reference, whole or streamed; recognises no profile.
     *
     * @param stage receives each reading stage as it starts and the share of the whole diagnosis done before it
     * @throws UnreadableInputException a file cannot be read, or training lacks the target column
     */
    public static Loaded<Void> load(Request request, Streaming streaming, BiConsumer<String, Double> stage)
            throws UnreadableInputException {
        return load(request, streaming, ProfileReader.NONE, stage);
    }

    /**
     * Reads training, production and (when given) the reference: each profile through {@code profiles},
     * the tables whole or streamed.
     *
     * @param profiles reads the profile files among the inputs
     * @param stage    receives each reading stage as it starts and the share of the whole diagnosis done before it
     * @throws UnreadableInputException a file cannot be read, or training lacks the target column
     */
    public static <P> Loaded<P> load(Request request, Streaming streaming, ProfileReader<P> profiles,
                                     BiConsumer<String, Double> stage) throws UnreadableInputException {
        List<Path> files = new ArrayList<>(List.of(request.train(), request.prod()));
        if (request.reference() != null) {
            files.add(request.reference());
        }
        boolean trainProfiled = profiles.isProfile(request.train());
        boolean prodProfiled = profiles.isProfile(request.prod());
        boolean referenceProfiled = request.reference() != null && profiles.isProfile(request.reference());
        // A table beside a profile is read whole: the combination the profile tests hold to the files' diagnosis.
        boolean stream = !(trainProfiled || prodProfiled || referenceProfiled) && streams(files, streaming.aboveBytes());
        String trainName = CsvReader.fileName(request.train());
        String prodName = CsvReader.fileName(request.prod());
        Snapshot train;
        Snapshot prod;
        Snapshot reference = null;
        P trainProfile = null;
        P prodProfile = null;
        P referenceProfile = null;
        if (stream) {
            stage.accept("Streaming " + trainName, 0.0);
            train = new StreamedCsvReader(streaming.reader(), share -> stage.accept("Streaming " + trainName, 0.2 * share))
                    .readTraining(request.train(), request.categorical(), request.numeric(), request.target());
            checkTarget(train, request.target());
            prod = new StreamedCsvReader(streaming.reader(), share -> stage.accept("Streaming " + prodName, 0.2 + 0.2 * share))
                    .readProduction(request.prod(), train);
            if (request.reference() != null) {
                String referenceName = CsvReader.fileName(request.reference());
                reference = new StreamedCsvReader(streaming.reader(),
                        share -> stage.accept("Streaming " + referenceName, 0.4 + 0.05 * share))
                        .readProduction(request.reference(), train);
            }
        } else {
            stage.accept("Reading snapshots", 0.0);
            // Production takes training's types, so training is read first; each file is parsed on all cores.
            if (trainProfiled) {
                ProfileReader.Profiled<P> read = profiles.readTraining(request.train());
                trainProfile = read.profile();
                train = read.snapshot();
            } else {
                train = readTraining(request.train(), request.categorical(), request.numeric(), request.target());
            }
            checkTarget(train, request.target());
            if (prodProfiled) {
                ProfileReader.Profiled<P> read = profiles.readLike(request.prod(), train);
                prodProfile = read.profile();
                prod = read.snapshot();
            } else {
                prod = readLike(request.prod(), train);
            }
            if (referenceProfiled) {
                ProfileReader.Profiled<P> read = profiles.readLike(request.reference(), train);
                referenceProfile = read.profile();
                reference = read.snapshot();
            } else if (request.reference() != null) {
                reference = readLike(request.reference(), train);
            }
        }
        // Overrides are checked against the tables read; a training profile's types were fixed when it was made.
        List<Snapshot> tables = new ArrayList<>();
        if (!trainProfiled) {
            tables.add(train);
            if (!prodProfiled) {
                tables.add(prod);
            }
        }
        List<UnknownOverride> unknown = new ArrayList<>();
        unknownOverrides("--categorical", request.categorical(), tables, unknown);
        unknownOverrides("--numeric", request.numeric(), tables, unknown);
        return new Loaded<>(train, prod, reference, unknown, stream,
                new Profiles<>(trainProfile, prodProfile, referenceProfile));
    }

    /** Whether the files are all CSV and together above the streaming threshold. */
    static boolean streams(List<Path> files, long aboveBytes) {
        long bytes = 0;
        for (Path file : files) {
            String name = CsvReader.fileName(file).toLowerCase(Locale.ROOT);
            if (!(name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt"))) {
                return false;
            }
            try {
                bytes += Files.size(file);
            } catch (IOException e) {
                return false; // reading it whole reports why it cannot be read
            }
        }
        return bytes > aboveBytes;
    }

    /** A target training lacks is fatal: nothing can be said about outcomes (said here for every kind of training input). */
    public static void checkTarget(Snapshot train, String target) throws UnreadableInputException {
        if (target != null && !train.hasColumn(target)) {
            throw new UnreadableInputException(train.source().fileName() + ": the target column '" + target
                    + "' does not exist; its columns are " + String.join(", ", train.columnNames()));
        }
    }

    private static void unknownOverrides(String option, Set<String> names, List<Snapshot> snapshots,
                                         List<UnknownOverride> unknown) {
        for (String name : names.stream().sorted().toList()) {
            for (Snapshot snapshot : snapshots) {
                if (!snapshot.hasColumn(name)) {
                    unknown.add(new UnknownOverride(option, name, snapshot.source().fileName()));
                }
            }
        }
    }

    /**
     * Reads the training snapshot.
     *
     * @param categorical columns forced to be categorical
     * @param numeric     columns forced to be numeric
     * @param target      the target column, never taken for a row identifier; may be {@code null}
     */
    public static Snapshot readTraining(Path path, Set<String> categorical, Set<String> numeric, String target)
            throws UnreadableInputException {
        CsvColumnReader.Table table = SnapshotReaders.readsAsCsv(path)
                ? CsvColumnReader.read(path, new CsvColumnReader.Plan(null, categorical, numeric)) : null;
        if (table == null) {
            return SnapshotBuilder.buildTraining(SnapshotReaders.read(path), categorical, numeric, target);
        }
        List<Column> columns = new ArrayList<>(table.columns().size());
        for (Column column : table.columns()) {
            boolean identifier = !column.name().equals(target) && TypeInference.looksLikeIdentifier(column);
            columns.add(column.withIdentifier(identifier));
        }
        return new Snapshot(table.source(), table.rows(), columns);
    }

    /** Reads a snapshot compared with {@code training}: its columns take training's types and identifiers. */
    public static Snapshot readLike(Path path, Snapshot training) throws UnreadableInputException {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        Set<String> identifiers = new java.util.HashSet<>();
        for (Column column : training.columns()) {
            types.put(column.name(), column.type());
            if (column.identifier()) {
                identifiers.add(column.name());
            }
        }
        CsvColumnReader.Table table = SnapshotReaders.readsAsCsv(path)
                ? CsvColumnReader.read(path, new CsvColumnReader.Plan(types, null, null)) : null;
        if (table == null) {
            return SnapshotBuilder.build(SnapshotReaders.read(path), types, identifiers);
        }
        List<Column> columns = new ArrayList<>(table.columns().size());
        for (Column column : table.columns()) {
            columns.add(column.withIdentifier(identifiers.contains(column.name())));
        }
        return new Snapshot(table.source(), table.rows(), columns);
    }
}
