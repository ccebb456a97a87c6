import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import org.modellens.data.SnapshotReaders;

/**
 * Times the start page's column list for one file in a fresh JVM, as the workbench does when a
 * training file is chosen: {@code whole} reads the file (the old way, SnapshotReaders.read(..).names()),
 * {@code header} reads the header alone (SnapshotReaders.columnNames). Prints wall and process CPU time.
 * Usage (see bench/column-list-benchmark.sh): java -cp CORE_CLASSPATH bench/ColumnListBenchmark.java whole|header FILE
 */
public final class ColumnListBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<String> names = "whole".equals(args[0]) ? SnapshotReaders.read(file).names() : SnapshotReaders.columnNames(file);
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        System.out.printf("%s %s: %d columns, wall %.0f ms, cpu %.0f ms%n", args[0], file.getFileName(), names.size(),
                wall / 1e6, cpu / 1e6);
    }
}
