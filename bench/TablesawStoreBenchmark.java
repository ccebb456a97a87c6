import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Set;

import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotLoader;

import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Tablesaw's columns as the in-memory store, against ModelLens's: reads a case's train.csv and prod.csv
 * (bench/GenerateCases.java) into one store and prints the reading time (wall and process CPU) and the
 * heap the two tables hold (used heap after a full collection, both alive). Run one store per JVM, so
 * each starts cold; bench/tablesaw-store.sh runs both on the three cases.
 * Usage: java -cp CLASSPATH bench/TablesawStoreBenchmark.java modellens|tablesaw CASE_DIR
 */
public final class TablesawStoreBenchmark {

    public static void main(String[] args) throws Exception {
        String store = args[0];
        Path dir = Path.of(args[1]);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Object[] kept;
        if (store.equals("modellens")) {
            Snapshot train = SnapshotLoader.readTraining(dir.resolve("train.csv"), Set.of(), Set.of(), "y");
            Snapshot prod = SnapshotLoader.readLike(dir.resolve("prod.csv"), train);
            kept = new Object[] {train, prod};
        } else {
            // Only an empty cell is missing, as in ModelLens ("NA" is data).
            Table train = Table.read().csv(CsvReadOptions.builder(dir.resolve("train.csv").toFile()).missingValueIndicator("").build());
            Table prod = Table.read().csv(CsvReadOptions.builder(dir.resolve("prod.csv").toFile()).missingValueIndicator("")
                    .columnTypes(train.typeArray()).build());
            kept = new Object[] {train, prod};
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        System.out.printf("%s %s read %.2f s wall %.2f s cpu, tables hold %d MB%n", store, dir.getFileName(), wall, cpu,
                used / (1024 * 1024));
        if (kept.length != 2) {
            throw new IllegalStateException();
        }
    }
}
