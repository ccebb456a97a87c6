package org.modellens.spark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.modellens.profile.format.Profile;
import org.modellens.profile.format.ProfileBuilder;
import org.modellens.profile.format.ProfileOptions;

/**
 * Rows per second of the Spark job against the single-machine streamed profile on the same Parquet
 * file, and how the job scales with partitions and cores. Not part of the normal build: run by
 * {@code bench/spark-profiler-benchmark.sh} (-Dmodellens.bench=true). Wall and process CPU time
 * (user + system, all threads) are both measured: the machine may be shared.
 */
@EnabledIfSystemProperty(named = "modellens.bench", matches = "true")
class SparkProfilerBenchmark {

    private static final Path DIR = Path.of("target", "bench");

    private record Run(String what, int cores, int partitions, long rows, double wall, double cpu) {
        String line() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %,d | %.1f | %.1f | %,.0f | %,.0f |", what, cores, partitions, rows,
                    wall, cpu, rows / wall, rows / cpu);
        }
    }

    @Test
    void benchmark() throws Exception {
        long rows = Long.getLong("modellens.bench.rows", 10_000_000L);
        ProfileOptions options = ProfileOptions.of(200_000, 20261123L, 100_000, 100_000);
        List<Run> runs = new ArrayList<>();
        Path file;
        SparkSession spark = session(2, Long.MAX_VALUE);
        try {
            file = PlantedData.generate(spark, DIR, "prod-" + rows, rows, true, 8 << 20);
        } finally {
            spark.stop();
        }
        long size = Files.size(file);
        long total = 0;

        double cpu0 = SparkProfilerTest.cpuSeconds();
        long t0 = System.nanoTime();
        Profile local = ProfileBuilder.profile(file, options, Set.of(), Set.of(), "label", "bench", n -> { });
        runs.add(new Run("single machine (profile command's path)", 1, 1, local.rows(), (System.nanoTime() - t0) / 1e9,
                SparkProfilerTest.cpuSeconds() - cpu0));
        total = local.rows();
        report(runs, total, size);

        int[][] configs = {{2, 2}, {1, 2}, {2, 8}};
        for (int[] config : configs) {
            spark = session(config[0], Math.max(1, size / config[1] + 1));
            try {
                int partitions = spark.read().parquet(file.toString()).javaRDD().getNumPartitions();
                double cpu = SparkProfilerTest.cpuSeconds();
                long t = System.nanoTime();
                Profile p = SparkProfiler.profile(spark, new SparkProfiler.Job(file.toString(), null, null, null, List.of(),
                        "label", Set.of(), Set.of(), options, null, null, null));
                runs.add(new Run("Spark local[" + config[0] + "]", config[0], partitions, p.rows(), (System.nanoTime() - t) / 1e9,
                        SparkProfilerTest.cpuSeconds() - cpu));
                report(runs, total, size);
                if (p.rows() != total || !p.exactDifferences(local, true).isEmpty()) {
                    throw new AssertionError("the Spark profile differs from the single-machine one: " + p.exactDifferences(local, true));
                }
            } finally {
                spark.stop();
            }
        }
    }

    /** Writes the table so far (a long run leaves its finished rows behind). */
    private static void report(List<Run> runs, long total, long size) throws java.io.IOException {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Parquet file: %,d rows, 7 columns, %.0f MB; sample 200,000 rows; %d cores (%s)%n%n",
                total, size / 1e6, Runtime.getRuntime().availableProcessors(), java.time.Instant.now()));
        md.append("| run | cores | partitions | rows | wall s | CPU s | rows/s wall | rows per CPU s |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        runs.forEach(r -> md.append(r.line()).append('\n'));
        Files.writeString(DIR.resolve("spark-profiler-benchmark.md"), md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
        System.out.flush();
    }

    private static SparkSession session(int cores, long maxPartitionBytes) {
        SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("modellens-bench")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(2 * cores))
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.files.maxPartitionBytes", String.valueOf(maxPartitionBytes))
                .config("spark.sql.files.openCostInBytes", "0")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return spark;
    }
}
