package org.modellens.wide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.Diagnosis;
import org.modellens.causes.Cause;
import org.modellens.causes.CauseGrouping;
import org.modellens.causes.CauseRanking;
import org.modellens.checks.Check;
import org.modellens.checks.CheckContext;
import org.modellens.checks.Checks;
import org.modellens.checks.Finding;
import org.modellens.data.SnapshotLoader;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * Wide data (issue 14.5): reading with type inference, every check and the grouping into causes cost time
 * linear in the number of columns. Each step is timed in CPU time of the thread that runs it (the
 * machine is shared, so wall time would measure the neighbours) at {@value #NARROW} and 4 x as many
 * columns, the best of three runs; a step linear in columns takes about 4 times as long, a quadratic
 * one 16 times. The bound, 8, sits between them with room for the JIT and the garbage collector.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class WideDataLinearityTest {

    private static final int NARROW = Integer.getInteger("wide.narrow", 2_000);
    private static final int ROWS = 200;
    /** Steps faster than this at the wide size are below the clock's useful resolution: not judged. */
    private static final long NOISE_NANOS = TimeUnit.MILLISECONDS.toNanos(30);

    @TempDir
    Path dir;

    @Test
    void everyStepIsLinearInColumns() throws Exception {
        // Warm the JIT on the narrow case first: the first run of any code is interpreted.
        measure(NARROW / 4);
        Map<String, Long> narrow = measure(NARROW);
        Map<String, Long> wide = measure(4 * NARROW);
        StringBuilder table = new StringBuilder();
        List<String> quadratic = new ArrayList<>();
        for (Map.Entry<String, Long> step : wide.entrySet()) {
            long small = Math.max(1, narrow.get(step.getKey()));
            double ratio = (double) step.getValue() / small;
            table.append(String.format(Locale.ROOT, "%-28s %8.1f ms %8.1f ms  x%.1f%n", step.getKey(), small / 1e6,
                    step.getValue() / 1e6, ratio));
            if (step.getValue() >= NOISE_NANOS && ratio > 8) {
                quadratic.add(step.getKey());
            }
        }
        System.out.println("CPU time, " + NARROW + " vs " + 4 * NARROW + " columns, " + ROWS + " rows:\n" + table);
        assertThat(quadratic).as(table.toString()).isEmpty();
    }

    /**
     * Production with every column renamed: {@code x12} as {@code x_12} (equal up to case and separators:
     * each found as a rename) or as {@code f12}. Pairing names is where a schema check turns
     * quadratic: every missing column against every new one.
     */
    @Test
    void renamedColumnsArePairedInTimeLinearInColumns() throws Exception {
        for (String renamed : List.of("$1_$2", "f$2")) {
            measureRenames(NARROW / 4, renamed);
            long narrow = measureRenames(NARROW, renamed);
            long wide = measureRenames(4 * NARROW, renamed);
            double ratio = (double) wide / Math.max(1, narrow);
            System.out.printf(Locale.ROOT, "schema-mismatch, columns renamed as %s: %.1f ms vs %.1f ms, x%.1f%n", renamed,
                    narrow / 1e6, wide / 1e6, ratio);
            assertThat(wide < NOISE_NANOS || ratio <= 8).as("x%.1f", ratio).isTrue();
        }
    }

    private long measureRenames(int columns, String renamed) throws Exception {
        Path train = dir.resolve("train" + columns + ".csv");
        Path prod = dir.resolve("prod" + columns + (renamed.startsWith("f") ? "f" : "sep") + ".csv");
        write(train, columns, new Random(1), false);
        write(prod, columns, new Random(1), false);
        List<String> lines = new ArrayList<>(Files.readAllLines(prod));
        lines.set(0, lines.get(0).replaceAll("\\b([xk])(\\d+)", renamed));
        Files.write(prod, lines);
        SnapshotLoader.Loaded loaded = SnapshotLoader.load(new SnapshotLoader.Request(train, prod, null, Set.of(), Set.of(),
                "label"), SnapshotLoader.Streaming.NEVER, (stage, share) -> { });
        CheckContext context = new CheckContext(loaded.train(), loaded.prod(), "label", Settings.defaults(), List.of());
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = cpu();
            List<Finding> findings = new org.modellens.checks.SchemaMismatchCheck().run(context);
            best = Math.min(best, cpu() - start);
            long renames = findings.stream().filter(f -> f.title().contains("seems renamed")).count();
            // Same values under a name equal up to separators: every column is found renamed.
            if (renamed.startsWith("$1")) {
                assertThat(renames).isEqualTo(columns);
            }
        }
        return best;
    }

    /** CPU nanoseconds per step, the best of three runs, on {@code columns} columns. */
    private Map<String, Long> measure(int columns) throws Exception {
        Path train = dir.resolve("train" + columns + ".csv");
        Path prod = dir.resolve("prod" + columns + ".csv");
        write(train, columns, new Random(1), false);
        write(prod, columns, new Random(2), true);
        Map<String, Long> best = new LinkedHashMap<>();
        for (int run = 0; run < 3; run++) {
            Map<String, Long> times = new LinkedHashMap<>();
            long start = cpu();
            SnapshotLoader.Loaded loaded = SnapshotLoader.load(new SnapshotLoader.Request(train, prod, null, Set.of(),
                    Set.of(), "label"), SnapshotLoader.Streaming.NEVER, (stage, share) -> { });
            times.put("read and infer types", cpu() - start);
            Settings settings = Settings.defaults();
            // The analysis compares columns on every core: the process's CPU time, not the thread's.
            start = processCpu();
            DiagnosticReport report = Diagnosis.analyse(loaded.train(), loaded.prod(), "label", "auto", settings,
                    List.of(), (stage, share) -> { });
            times.put("whole analysis (all threads)", processCpu() - start);
            CheckContext context = new CheckContext(loaded.train(), loaded.prod(), "label", settings, report.features());
            List<Finding> findings = new ArrayList<>();
            for (Check check : Checks.all()) {
                start = cpu();
                findings.addAll(check.run(context));
                times.put(check.id(), cpu() - start);
            }
            start = cpu();
            List<Cause> causes = CauseGrouping.group(findings, context, null);
            CauseRanking.rank(causes, findings, false);
            times.put("causes", cpu() - start);
            if (run == 0) {
                // The planted problems are found at every width: the checks did their work, not skip it.
                assertThat(findings.stream().filter(f -> f.check().equals("unseen-category"))).hasSize(columns / 10);
                assertThat(findings.stream().filter(f -> f.check().equals("feature-drift"))).hasSizeGreaterThanOrEqualTo(columns / 10);
                assertThat(findings.stream().filter(f -> f.check().equals("missing-values"))).hasSizeGreaterThan(columns / 10);
            }
            times.forEach((step, nanos) -> best.merge(step, nanos, Math::min));
        }
        return best;
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Numeric and categorical columns in turn; production shifts every fifth numeric column, brings a new
     * category in every fifth categorical one and empties cells of every seventh: findings on a share of
     * the columns, as a wide extract with real problems has them.
     */
    private static void write(Path file, int columns, Random random, boolean production) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                header.append(c % 2 == 0 ? "x" : "k").append(c).append(',');
            }
            out.write(header.append("label\n").toString());
            for (int r = 0; r < ROWS; r++) {
                StringBuilder row = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    boolean planted = production && (c / 2) % 5 == 0;
                    if (production && c % 7 == 3 && r % 3 == 0) {
                        row.append(',');
                    } else if (c % 2 == 0) {
                        row.append(String.format(Locale.ROOT, "%.3f", random.nextGaussian() + (planted ? 3 : 0))).append(',');
                    } else {
                        row.append(planted && r % 2 == 0 ? "new" : "c" + random.nextInt(4)).append(',');
                    }
                }
                out.write(row.append(random.nextInt(2)).append('\n').toString());
            }
        }
    }
}
