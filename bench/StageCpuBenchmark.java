import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.modellens.checks.Check;
import org.modellens.checks.CheckContext;
import org.modellens.checks.Checks;
import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotLoader;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.FeatureRole;
import org.modellens.settings.Settings;

/**
 * CPU of the comparison stage and of each check, one at a time, on a case's train.csv and prod.csv
 * (bench/GenerateCases.java, target y): the snapshots are read once, then every round compares all
 * columns and runs every check in turn, and each is charged the process CPU time it took. Printed: the
 * median of the later half of the rounds (C1 has compiled the code by then) for each part over 5 ms.
 * One part at a time, so that the other engineers' builds on a shared machine lengthen the wall time
 * but not the CPU charged; the process CPU clock ticks in 10 ms, so compare figures, not digits.
 * Usage (after `mvn -B -q package -DskipTests`):
 * java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.util.concurrent.ForkJoinPool.common.parallelism=1 \
 *   -cp app/target/modellens-app.jar bench/StageCpuBenchmark.java CASE_DIR [ROUNDS]
 */
public final class StageCpuBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        SnapshotLoader.Loaded<Void> loaded = SnapshotLoader.load(new SnapshotLoader.Request(dir.resolve("train.csv"),
                dir.resolve("prod.csv"), null, Set.of(), Set.of(), "y"), SnapshotLoader.Streaming.NEVER, (stage, done) -> { });
        Snapshot train = loaded.train();
        Snapshot prod = loaded.prod();
        Settings settings = Settings.defaults();
        int top = settings.getInt("drift.categorical.topCategories");
        double minShare = settings.get("drift.categorical.minShare");
        Map<String, List<Long>> cpu = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            long start = cpuNanos();
            List<FeatureComparison> comparisons = new ArrayList<>();
            for (Column column : train.columns()) {
                FeatureRole role = column.name().equals("y") ? FeatureRole.TARGET
                        : column.identifier() ? FeatureRole.ID : FeatureRole.FEATURE;
                comparisons.add(FeatureComparison.compare(column, prod.column(column.name()).orElse(null), role, top, minShare));
            }
            cpu.computeIfAbsent("(comparison)", k -> new ArrayList<>()).add(cpuNanos() - start);
            CheckContext context = new CheckContext(train, prod, "y", settings, comparisons);
            for (Check check : Checks.all()) {
                long before = cpuNanos();
                check.run(context);
                cpu.computeIfAbsent(check.id(), k -> new ArrayList<>()).add(cpuNanos() - before);
            }
        }
        long total = 0;
        for (Map.Entry<String, List<Long>> part : cpu.entrySet()) {
            List<Long> later = new ArrayList<>(part.getValue().subList(rounds / 2, rounds));
            Collections.sort(later);
            long median = later.get(later.size() / 2);
            total += median;
            if (median > 5_000_000) {
                System.out.printf("%-24s %7.0f ms%n", part.getKey(), median / 1e6);
            }
        }
        System.out.printf("%-24s %7.0f ms%n", "all", total / 1e6);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
