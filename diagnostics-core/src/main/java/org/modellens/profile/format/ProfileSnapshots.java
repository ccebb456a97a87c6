package org.modellens.profile.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.modellens.data.Column;
import org.modellens.data.ColumnCounts;
import org.modellens.data.ColumnTally;
import org.modellens.data.ColumnType;
import org.modellens.data.RawTable;
import org.modellens.data.RowTally;
import org.modellens.data.Sampling;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotBuilder;
import org.modellens.data.SourceInfo;
import org.modellens.data.TypeInference;

/**
 * Turns a profile into the {@link Snapshot} a diagnosis reads, the same shape the streamed path
 * gives: the columns hold the profile's uniform sample (so checks that need rows run on it), and the
 * {@link Sampling} carries the exact figures of every row ({@link ColumnTally}) and the duplicate count.
 *
 * <p>On the production side, the counts against training that a streamed pass makes row by row come
 * from the profile instead: unseen categories exactly from the category counts (when both sides counted
 * every label); values below the training minimum, above the training maximum and beyond the outlier
 * fences exactly while they are among the 1,000 smallest or largest values the profile keeps, else from
 * the KLL sketch within its rank error times the count; missing and non-finite counts exactly.
 * Example rows are the sample's rows that show the problem, by their row index in the source.
 */
public final class ProfileSnapshots {

    private ProfileSnapshots() {
    }

    /** The snapshot of a training (or reference) profile: its own types. */
    public static Snapshot training(Profile profile, SourceInfo source) {
        return build(profile, source, null, 0.0);
    }

    /**
     * The snapshot of a production profile, typed as training and counted against it.
     *
     * @param outlierRangeMultiple outlier fences: training range times this beyond the training range
     */
    public static Snapshot production(Profile profile, SourceInfo source, Snapshot training, double outlierRangeMultiple) {
        return build(profile, source, training, outlierRangeMultiple);
    }

    private static Snapshot build(Profile profile, SourceInfo source, Snapshot training, double multiple) {
        ProfileSchema schema = profile.schema();
        List<RowSample.Entry> entries = profile.sample().entries();
        int n = entries.size();
        int width = schema.width();
        List<String[]> columns = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            String[] column = new String[n];
            for (int r = 0; r < n; r++) {
                column[r] = entries.get(r).cells()[c];
            }
            columns.add(column);
        }
        Map<String, ColumnType> types = new LinkedHashMap<>();
        Set<String> identifiers = new java.util.HashSet<>(schema.identifiers());
        for (int c = 0; c < width; c++) {
            String name = schema.names().get(c);
            ColumnType type = schema.types().get(c);
            Column trained = training == null ? null : training.column(name).orElse(null);
            if (trained != null) {
                type = trained.type();
                if (trained.identifier()) {
                    identifiers.add(name);
                } else {
                    identifiers.remove(name);
                }
            }
            types.put(name, type);
        }
        Snapshot built = SnapshotBuilder.build(new RawTable(source, schema.names(), columns, n), types, identifiers);
        long[] indices = new long[n];
        for (int r = 0; r < n; r++) {
            indices[r] = entries.get(r).index();
        }
        Map<String, ColumnTally> tallies = new LinkedHashMap<>();
        for (int c = 0; c < width; c++) {
            ColumnSummary summary = profile.columns().get(c);
            ColumnType type = types.get(summary.name());
            String[] cells = columns.get(c);
            ColumnTally tally = summary.type() == type ? tally(summary, cells, indices, training, multiple)
                    : retyped(summary, type, cells, indices);
            if (tally != null) {
                tallies.put(summary.name(), tally);
            }
        }
        DuplicateSummary dups = profile.duplicates();
        Sampling sampling = new Sampling(profile.rows(), n, profile.options().seed(), indices, tallies,
                RowTally.of(dups.duplicates(), dups.examples()));
        return new Snapshot(source, n, built.columns(), sampling);
    }

    private static ColumnTally tally(ColumnSummary s, String[] cells, long[] indices, Snapshot training, double multiple) {
        RowTally missing = examples(s.missing(), cells, indices, cell -> cell == null);
        RowTally nonFinite = examples(s.nonFinite(), cells, indices, cell -> cell != null && TypeInference.isNonFiniteWord(cell));
        RowTally outOfRange = RowTally.of(0, new long[0]);
        RowTally outliers = RowTally.of(0, new long[0]);
        RowTally unseen = RowTally.of(0, new long[0]);
        long below = 0;
        long above = 0;
        double[] trainRange = training == null ? null : range(training, s.name());
        if (trainRange != null && s.count() > 0 && s.quantiles() != null) {
            double lo = trainRange[0];
            double hi = trainRange[1];
            below = Math.round(s.countBelow(lo)[0]);
            above = Math.round(s.countAbove(hi)[0]);
            ColumnType type = s.type();
            outOfRange = examples(below + above, cells, indices, cell -> {
                double v = value(type, cell);
                return v < lo || v > hi;
            });
            double span = hi - lo;
            double low = lo - multiple * span;
            double high = hi + multiple * span;
            long beyond = Math.round(s.countBelow(low)[0] + s.countAbove(high)[0]);
            outliers = examples(beyond, cells, indices, cell -> {
                double v = value(type, cell);
                return v < low || v > high;
            });
        }
        Map<String, Long> categories = s.categoryCounts();
        Map<String, Long> trainCategories = training == null || categories == null ? null : categories(training, s.name());
        if (trainCategories != null) {
            long count = 0;
            for (Map.Entry<String, Long> e : categories.entrySet()) {
                if (!trainCategories.containsKey(e.getKey())) {
                    count += e.getValue();
                }
            }
            unseen = examples(count, cells, indices, cell -> cell != null && !trainCategories.containsKey(cell));
        }
        return ColumnTally.restored(s.name(), s.type(), s.counts(),
                new RowTally[] {missing, nonFinite, outOfRange, outliers, unseen}, below, above);
    }

    /**
     * A production column profiled under another type than training's: a numeric training column whose
     * production labels were all counted is re-counted exactly from the labels; otherwise no exact
     * figures exist and the checks fall back to the sample.
     */
    private static ColumnTally retyped(ColumnSummary s, ColumnType type, String[] cells, long[] indices) {
        Map<String, Long> labels = s.categoryCounts();
        if (type != ColumnType.NUMERIC || labels == null || !s.categoriesComplete()) {
            return null;
        }
        ColumnCounts counts = new ColumnCounts(false, 0);
        counts.restore(s.rows(), s.missing(), 0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0);
        for (Map.Entry<String, Long> e : labels.entrySet()) {
            double v = TypeInference.parseNumber(e.getKey());
            long k = e.getValue();
            if (Double.isNaN(v)) {
                counts.addUnparsable(k, TypeInference.isNonFiniteWord(e.getKey()));
                continue;
            }
            counts.addEqual(v, k); // the label's k cells pooled into the moments at once
        }
        RowTally missing = examples(s.missing(), cells, indices, cell -> cell == null);
        RowTally nonFiniteRows = examples(counts.nonFinite(), cells, indices,
                cell -> cell != null && TypeInference.isNonFiniteWord(cell));
        RowTally none = RowTally.of(0, new long[0]);
        return ColumnTally.restored(s.name(), type, counts, new RowTally[] {missing, nonFiniteRows, none, none, none}, 0, 0);
    }

    private static double value(ColumnType type, String cell) {
        if (cell == null) {
            return Double.NaN;
        }
        return type == ColumnType.DATETIME ? TypeInference.parseDateTime(cell) : TypeInference.parseNumber(cell);
    }

    /** The training column's exact range: from its tally when streamed or profiled, else from its values. */
    private static double[] range(Snapshot training, String name) {
        ColumnTally tally = training.sampling().map(x -> x.tally(name)).orElse(null);
        if (tally != null) {
            return tally.count() == 0 ? null : new double[] {tally.min(), tally.max()};
        }
        Column column = training.column(name).orElse(null);
        if (column == null || column.numbers() == null) {
            return null;
        }
        double[] present = column.presentNumbers();
        if (present.length == 0) {
            return null;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : present) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi};
    }

    /** The training column's complete label counts, or {@code null} when not every label was counted. */
    private static Map<String, Long> categories(Snapshot training, String name) {
        ColumnTally tally = training.sampling().map(x -> x.tally(name)).orElse(null);
        if (tally != null) {
            return tally.categoryCounts() != null && tally.categoriesComplete() ? tally.categoryCounts() : null;
        }
        Column column = training.column(name).orElse(null);
        if (column == null || !column.isCategorical()) {
            return null;
        }
        Map<String, Long> counts = new HashMap<>();
        for (int r = 0; r < column.size(); r++) {
            String cell = column.text(r);
            if (cell != null) {
                counts.merge(cell, 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The count, with the sample rows that match as examples (file rows, smallest first). */
    private static RowTally examples(long count, String[] cells, long[] indices, Predicate<String> matches) {
        long[] found = new long[RowTally.EXAMPLES];
        int k = 0;
        for (int r = 0; r < cells.length && k < found.length && k < count; r++) {
            if (indices[r] >= 0 && matches.test(cells[r])) {
                found[k++] = indices[r];
            }
        }
        return RowTally.of(count, java.util.Arrays.copyOf(found, k));
    }
}
