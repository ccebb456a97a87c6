package org.modellens.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * Reads a CSV file too large to hold in memory in one streaming pass (constant memory in the number
 * of rows, apart from the category counts): the exact figures of every column ({@link ColumnTally}),
 * exact duplicate-row counts, and a seeded uniform sample of rows for the distribution statistics.
 * The result is a {@link Snapshot} of the sample rows that carries the {@link Sampling}.
 *
 * <p>Types are decided on the first {@code typeRows} rows of the training file (the in-memory path
 * decides them on all rows); cells further down that do not parse as their column's type are counted
 * as unparsable, as in production. The file format rules are those of {@link CsvReader}: header,
 * delimiter detection, UTF-8 or (when the first 64 KB are not valid UTF-8) ISO-8859-1, empty cell =
 * missing, every row as wide as the header.
 */
public final class StreamedCsvReader {

    /**
     * How to sample and count.
     *
     * @param sampleRows    rows kept for the distribution statistics (reservoir size)
     * @param seed          seed of the reservoir's random generator
     * @param typeRows      first rows the column types are inferred from
     * @param maxCategories distinct labels counted exactly per column
     * @param outlierRangeMultiple outlier fences: training range times this beyond the training range
     */
    public record Options(int sampleRows, long seed, int typeRows, int maxCategories, double outlierRangeMultiple) {
    }

    /** Marks the end of the rows handed to the tallying thread. */
    private static final String[][] END = new String[0][];

    private final Options options;
    private final DoubleConsumer progress;

    /** @param progress receives the share of the file's bytes read so far, about every 5% */
    public StreamedCsvReader(Options options, DoubleConsumer progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Reads the training file: infers types and identifiers on the first rows, then tallies and samples. */
    public Snapshot readTraining(Path path, Set<String> forcedCategorical, Set<String> forcedNumeric, String target)
            throws UnreadableInputException {
        return read(path, null, forcedCategorical, forcedNumeric, target);
    }

    /** Reads the production file with the training snapshot's types, counting against its exact figures. */
    public Snapshot readProduction(Path path, Snapshot training) throws UnreadableInputException {
        return read(path, training, Set.of(), Set.of(), null);
    }

    private Snapshot read(Path path, Snapshot training, Set<String> forcedCategorical, Set<String> forcedNumeric,
                          String target) throws UnreadableInputException {
        String file = CsvReader.fileName(path);
        InputFiles.checkRegularFile(path, "data file", Long.MAX_VALUE);
        RowStream.Head head = RowStream.head(path, file);
        CountingStream[] counted = new CountingStream[1];
        Pass pass = new Pass(file, training, forcedCategorical, forcedNumeric, target,
                () -> counted[0] == null ? 0 : counted[0].fraction());
        try {
            SourceInfo source = RowStream.csv(path, file, head.size(), head.bytes(),
                    in -> counted[0] = new CountingStream(in, head.size(), ReadWatch.counter(path, head.size())), pass);
            return pass.finish(source);
        } finally {
            pass.stopWorker();
        }
    }

    /** The state of one pass over a file. */
    private final class Pass implements RowStream.Sink {

        private final String file;
        private final Snapshot training;
        private final Set<String> forcedCategorical;
        private final Set<String> forcedNumeric;
        private final String target;
        /** The share of the file's bytes read so far. */
        private final java.util.function.DoubleSupplier counted;
        private final SplittableRandom random;

        private List<String> names;
        private int width;
        /** The first rows, kept until the types are decided. */
        private List<String[]> firstRows = new ArrayList<>();
        private ColumnType[] types;
        private boolean[] counted_;
        private ColumnTally[] tallies;
        private ColumnTally[] trainTallies;
        private double[] lowFence;
        private double[] highFence;
        private Map<String, ColumnType> typeMap;
        private Set<String> identifiers;

        private final String[][] sample;
        private final long[] sampleIndex;
        private int sampled;
        private long rows;
        private final RowHashSet seenRows = new RowHashSet();
        /** Per column, the first unit its numbers came with, and the tally of those numbers ({@code null}: none, or mixed). */
        private String[] units;
        private ColumnTally[] unitTallies;
        private final RowTally duplicates = new RowTally();
        private double nextProgress = 0.05;

        private static final int BATCH = 4096;
        private final java.util.concurrent.BlockingQueue<String[][]> queue = new java.util.concurrent.ArrayBlockingQueue<>(16);
        private String[][] batch = new String[BATCH][];
        private int batchSize;
        private Thread worker;
        private volatile Throwable workerFailure;

        Pass(String file, Snapshot training, Set<String> forcedCategorical, Set<String> forcedNumeric, String target,
             java.util.function.DoubleSupplier counted) {
            this.file = file;
            this.training = training;
            this.forcedCategorical = forcedCategorical;
            this.forcedNumeric = forcedNumeric;
            this.target = target;
            this.counted = counted;
            this.random = new SplittableRandom(options.seed());
            this.sample = new String[options.sampleRows()][];
            this.sampleIndex = new long[options.sampleRows()];
        }

        @Override
        public void header(List<String> header) {
            names = header;
            width = names.size();
        }

        @Override
        public void row(String[] cells) throws UnreadableInputException {
            if (types == null) {
                firstRows.add(cells);
                if (firstRows.size() >= options.typeRows()) {
                    decideTypes();
                }
                return;
            }
            // Parsing (this thread) and tallying (the worker) share the work on two cores.
            if (worker == null) {
                startWorker();
            }
            batch[batchSize++] = cells;
            if (batchSize == BATCH) {
                hand(batch);
                batch = new String[BATCH][];
                batchSize = 0;
            }
            double fraction = counted.getAsDouble();
            if (fraction >= nextProgress) {
                progress.accept(fraction);
                nextProgress = fraction + 0.05;
            }
        }

        private void startWorker() {
            worker = new Thread(() -> {
                try {
                    for (String[][] rows = queue.take(); rows != END; rows = queue.take()) {
                        for (String[] cells : rows) {
                            tallyRow(cells);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                    workerFailure = e;
                }
            }, "modellens-tally-" + file);
            worker.setDaemon(true);
            worker.start();
        }

        private void hand(String[][] rows) throws UnreadableInputException {
            while (true) {
                if (workerFailure != null) {
                    throw new IllegalStateException("tallying " + file + " failed", workerFailure);
                }
                try {
                    if (queue.offer(rows, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UnreadableInputException(file + ": reading was interrupted", e);
                }
            }
        }

        /** Hands over the last rows and waits for the worker to tally them. */
        private void drainWorker() throws UnreadableInputException {
            if (worker == null) {
                return;
            }
            hand(Arrays.copyOf(batch, batchSize));
            hand(END);
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnreadableInputException(file + ": reading was interrupted", e);
            }
            worker = null;
            if (workerFailure != null) {
                throw new IllegalStateException("tallying " + file + " failed", workerFailure);
            }
        }

        /** Ends the worker when reading stopped early (a broken row): no thread is left waiting. */
        void stopWorker() {
            if (worker != null) {
                worker.interrupt();
            }
        }

        /** Types from the first rows (training) or from training (production), then tally the rows held back. */
        private void decideTypes() {
            RawTable first = table(firstRows, null);
            typeMap = new LinkedHashMap<>();
            identifiers = new HashSet<>();
            if (training == null) {
                Snapshot typed = SnapshotBuilder.buildTraining(first, forcedCategorical, forcedNumeric, target);
                for (Column column : typed.columns()) {
                    typeMap.put(column.name(), column.type());
                    if (column.identifier()) {
                        identifiers.add(column.name());
                    }
                }
            } else {
                Map<String, ColumnType> own = null;
                for (int c = 0; c < width; c++) {
                    String name = names.get(c);
                    Column trained = training.column(name).orElse(null);
                    if (trained != null) {
                        typeMap.put(name, trained.type());
                        if (trained.identifier()) {
                            identifiers.add(name);
                        }
                    } else {
                        if (own == null) {
                            own = SnapshotBuilder.inferTypes(first, Set.of(), Set.of());
                        }
                        typeMap.put(name, own.get(name));
                    }
                }
            }
            types = new ColumnType[width];
            counted_ = new boolean[width];
            tallies = new ColumnTally[width];
            trainTallies = new ColumnTally[width];
            lowFence = new double[width];
            highFence = new double[width];
            for (int c = 0; c < width; c++) {
                String name = names.get(c);
                types[c] = typeMap.get(name);
                // Identifiers are all distinct: counting their labels would only fill memory.
                counted_[c] = !identifiers.contains(name);
                tallies[c] = new ColumnTally(name, types[c], options.maxCategories());
                ColumnTally trained = training == null ? null : training.tally(name);
                if (trained != null && trained.type() == types[c]) {
                    trainTallies[c] = trained;
                    double range = trained.max() - trained.min();
                    lowFence[c] = trained.min() - options.outlierRangeMultiple() * range;
                    highFence[c] = trained.max() + options.outlierRangeMultiple() * range;
                }
            }
            List<String[]> held = firstRows;
            firstRows = null;
            for (String[] cells : held) {
                tallyRow(cells);
            }
        }

        private void tallyRow(String[] cells) {
            long index = rows++;
            long hash = RowHashSet.rowHash(cells);
            for (int c = 0; c < width; c++) {
                tally(c, cells[c], index);
            }
            if (!seenRows.add(hash)) {
                duplicates.add(index);
            }
            // Reservoir sampling, algorithm R: row i replaces a random slot with probability k / (i + 1).
            if (sampled < sample.length) {
                sample[sampled] = cells;
                sampleIndex[sampled++] = index;
            } else {
                long slot = random.nextLong(index + 1);
                if (slot < sample.length) {
                    sample[(int) slot] = cells;
                    sampleIndex[(int) slot] = index;
                }
            }
        }

        /** Adds a value to the tally's figures and, against training's range and fences, to its out-of-range and outlier rows. */
        private void take(ColumnTally tally, ColumnTally trained, int c, double value, long row) {
            tally.counts.addNumber(value);
            if (trained != null && trained.count() > 0) {
                if (value < trained.min() || value > trained.max()) {
                    tally.outOfRangeRows.add(row);
                    if (value < trained.min()) {
                        tally.below++;
                    } else {
                        tally.above++;
                    }
                }
                if (value < lowFence[c] || value > highFence[c]) {
                    tally.outlierRows.add(row);
                }
            }
        }

        /**
         * The tally that holds column {@code c}'s numbers read with {@code unit}, or {@code null} once the
         * column has shown two units ({@link FormattedNumber#recoverColumn}'s rule: then none counts).
         */
        private ColumnTally unitCells(int c, String unit) {
            if (unitTallies == null) {
                unitTallies = new ColumnTally[width];
                units = new String[width];
            }
            if (units[c] == null) {
                units[c] = unit;
                unitTallies[c] = new ColumnTally(names.get(c), types[c], 0);
            } else if (!units[c].equals(unit)) {
                unitTallies[c] = null; // mixed units: the held numbers are dropped, their cells stay text
            }
            return unitTallies[c];
        }

        private void tally(int c, String cell, long row) {
            ColumnTally tally = tallies[c];
            tally.counts.addRow();
            if (cell == null) {
                tally.counts.addMissing();
                tally.missingRows.add(row);
                return;
            }
            ColumnTally trained = trainTallies[c];
            switch (types[c]) {
                case NUMERIC, DATETIME -> {
                    double value = types[c] == ColumnType.NUMERIC ? TypeInference.parseNumber(cell)
                            : TypeInference.parseDateTime(cell);
                    if (Double.isNaN(value)) {
                        boolean nonFinite = types[c] == ColumnType.NUMERIC && TypeInference.isNonFiniteWord(cell);
                        tally.counts.addUnparsable(1, nonFinite);
                        if (nonFinite) {
                            tally.nonFiniteRows.add(row);
                        }
                        // As the in-memory reader: "1,200" or "12 kg" still counts as unparsable text, and as its number.
                        FormattedNumber.Recovered recovered = types[c] == ColumnType.NUMERIC ? FormattedNumber.recover(cell) : null;
                        if (recovered == null || Double.isNaN(recovered.value())) {
                            return;
                        }
                        value = recovered.value();
                        if (recovered.unit() != null) {
                            // A number with a unit counts only if the column has that one unit: held apart until the end.
                            tally = unitCells(c, recovered.unit());
                            if (tally == null) {
                                return;
                            }
                        }
                    }
                    take(tally, trained, c, value, row);
                }
                case BOOLEAN, CATEGORICAL -> {
                    if (types[c] == ColumnType.BOOLEAN && !TypeInference.isBooleanValue(cell)) {
                        tally.counts.addUnparsable(1, false);
                    }
                    if (counted_[c]) {
                        tally.counts.addCategory(cell, 1);
                        if (trained != null && trained.categoriesComplete() && !trained.hasCategory(cell)) {
                            tally.unseenRows.add(row);
                        }
                    }
                }
                case TEXT -> {
                }
            }
        }

        Snapshot finish(SourceInfo source) throws UnreadableInputException {
            drainWorker();
            if (names == null) {
                throw new UnreadableInputException(file + " is empty");
            }
            if (types == null) {
                if (firstRows.isEmpty()) {
                    throw new UnreadableInputException(file + " has a header but no data rows");
                }
                decideTypes();
            }
            for (int c = 0; unitTallies != null && c < width; c++) {
                if (unitTallies[c] != null) {
                    tallies[c].addAll(unitTallies[c]); // one unit in the column: its numbers count
                }
            }
            progress.accept(1.0);
            // The sample in file order: examples and ties come out as in the file.
            Integer[] order = new Integer[sampled];
            for (int i = 0; i < sampled; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(sampleIndex[a], sampleIndex[b]));
            List<String[]> rowsInOrder = new ArrayList<>(sampled);
            long[] indices = new long[sampled];
            for (int i = 0; i < sampled; i++) {
                rowsInOrder.add(sample[order[i]]);
                indices[i] = sampleIndex[order[i]];
            }
            RawTable table = table(rowsInOrder, source);
            Snapshot built = SnapshotBuilder.build(table, typeMap, identifiers);
            Map<String, ColumnTally> byName = new LinkedHashMap<>();
            for (ColumnTally tally : tallies) {
                byName.put(tally.name(), tally);
            }
            Sampling sampling = new Sampling(rows, sampled, options.seed(), indices, byName, duplicates);
            return new Snapshot(source, sampled, built.columns(), sampling);
        }

        private RawTable table(List<String[]> rowList, SourceInfo source) {
            int n = rowList.size();
            List<String[]> columns = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                String[] column = new String[n];
                for (int r = 0; r < n; r++) {
                    column[r] = rowList.get(r)[c];
                }
                columns.add(column);
            }
            return new RawTable(source == null ? new SourceInfo(Path.of(file), "csv", "") : source, names, columns, n);
        }
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {

        private final long size;
        private final ReadWatch.Counter counter;
        private long read;

        CountingStream(InputStream in, long size, ReadWatch.Counter counter) {
            super(in);
            this.size = Math.max(1, size);
            this.counter = counter;
        }

        double fraction() {
            return (double) read / size;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read++;
                counter.add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                counter.add(n);
            }
            return n;
        }
    }
}
