package org.modellens.timeline;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.modellens.Diagnosis;
import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.Snapshot;
import org.modellens.data.SourceInfo;
import org.modellens.data.UnreadableInputException;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * Synthetic training data and production streams over time: eight columns of the shapes that make drift
 * statistics misbehave (ties, heavy tails, rare categories, missing values), drawn from one fixed
 * distribution, with a {@link Change} applied to the rows of a production day.
 */
final class Streams {

    static final LocalDateTime START = LocalDateTime.of(2025, 1, 6, 0, 0);   // a Monday

    /** Alters one production row drawn on day {@code day} (0 = START). */
    interface Change {
        void apply(int day, Row row, SplittableRandom random);
    }

    /** One row's values, by column. */
    static final class Row {
        double normal;
        double lognormal;
        double pareto;
        double counts;
        double tenure;
        String region;
        String product;
        String flag;
    }

    private Streams() {
    }

    static Row draw(SplittableRandom r) {
        Row row = new Row();
        row.normal = normal(r);
        row.lognormal = Math.exp(0.8 * normal(r));
        row.pareto = Math.pow(1 - r.nextDouble(), -1 / 1.5);
        row.counts = Math.floor(-Math.log(1 - r.nextDouble()) * 3);
        row.tenure = r.nextDouble() < 0.02 ? Double.NaN : Math.round(Math.abs(normal(r)) * 40);
        String[] regions = {"north", "south", "east", "west", "central"};
        row.region = r.nextDouble() < 0.01 ? null : regions[(int) Math.floor(Math.pow(r.nextDouble(), 1.4) * 5)];
        // 50 products with Zipf-like shares: rare ones appear in some chunks and not others.
        row.product = "p" + (int) Math.min(49, Math.floor(Math.exp(r.nextDouble() * Math.log(50)) - 1));
        row.flag = r.nextDouble() < 0.15 ? "yes" : "no";
        return row;
    }

    static Snapshot training(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> drawn = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            drawn.add(draw(random));
        }
        return snapshot("train", drawn, null);
    }

    /** {@code days} days of production, {@code perDay} rows a day at random times, {@code change} applied (may be null). */
    static Snapshot production(int days, int perDay, long seed, Change change) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> drawn = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            for (int i = 0; i < perDay; i++) {
                Row row = draw(random);
                if (change != null) {
                    change.apply(day, row, random);
                }
                drawn.add(row);
                times.add(START.plusDays(day).plusSeconds(random.nextInt(86400)).toString());
            }
        }
        return snapshot("prod", drawn, times);
    }

    private static Snapshot snapshot(String side, List<Row> rows, List<String> times) {
        int n = rows.size();
        List<Column> columns = new ArrayList<>();
        if (times != null) {
            double[] seconds = new double[n];
            for (int i = 0; i < n; i++) {
                seconds[i] = LocalDateTime.parse(times.get(i)).toEpochSecond(ZoneOffset.UTC);
            }
            columns.add(new Column("ts", ColumnType.DATETIME, false, times.toArray(String[]::new), seconds, 0));
        }
        columns.add(numeric("normal", rows.stream().mapToDouble(r -> r.normal).toArray()));
        columns.add(numeric("lognormal", rows.stream().mapToDouble(r -> r.lognormal).toArray()));
        columns.add(numeric("pareto", rows.stream().mapToDouble(r -> r.pareto).toArray()));
        columns.add(numeric("counts", rows.stream().mapToDouble(r -> r.counts).toArray()));
        columns.add(numeric("tenure", rows.stream().mapToDouble(r -> r.tenure).toArray()));
        columns.add(new Column("region", ColumnType.CATEGORICAL, false, rows.stream().map(r -> r.region).toArray(String[]::new), null, 0));
        columns.add(new Column("product", ColumnType.CATEGORICAL, false, rows.stream().map(r -> r.product).toArray(String[]::new), null, 0));
        columns.add(new Column("flag", ColumnType.BOOLEAN, false, rows.stream().map(r -> r.flag).toArray(String[]::new), null, 0));
        return new Snapshot(new SourceInfo(Path.of(side + ".csv"), "csv", "0"), n, columns);
    }

    private static Column numeric(String name, double[] numbers) {
        String[] text = new String[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            text[i] = Double.isNaN(numbers[i]) ? null : Double.toString(numbers[i]);
        }
        return new Column(name, ColumnType.NUMERIC, false, text, numbers, 0);
    }

    static double normal(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The timeline alone (no checks, no causes): what the many-seed tests afford. */
    static Timeline timeline(Snapshot train, Snapshot prod, String chunk) throws UnreadableInputException {
        Settings settings = Settings.defaults();
        List<org.modellens.profile.FeatureComparison> comparisons = train.columns().stream()
                .map(column -> org.modellens.profile.FeatureComparison.compare(column, prod.column(column.name()).orElse(null),
                        org.modellens.profile.FeatureRole.FEATURE, settings.getInt("drift.categorical.topCategories"),
                        settings.get("drift.categorical.minShare")))
                .toList();
        org.modellens.checks.CheckContext context = new org.modellens.checks.CheckContext(train, prod, null, settings, comparisons);
        return TimelineBuilder.build(context, TimeAxis.of(prod, "ts", chunk, settings), List.of(), null);
    }

    /** The whole diagnosis with production cut into {@code chunk}s of the time column. */
    static DiagnosticReport diagnose(Snapshot train, Snapshot prod, String chunk) throws UnreadableInputException {
        Settings settings = Settings.defaults();
        return Diagnosis.analyse(train, prod, null, null, settings, new ArrayList<>(), (stage, fraction) -> { }, null,
                TimeAxis.of(prod, "ts", chunk, settings));
    }
}
