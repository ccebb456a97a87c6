import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.modellens.explain.TreeShap;
import org.modellens.model.ModelLoader;
import org.modellens.model.TreeEnsemble;

/**
 * Times ModelLens's TreeSHAP on every row of WORKDIR/data.csv with WORKDIR/model.json, one thread,
 * and checks the result against XGBoost's WORKDIR/contribs.csv.
 * Usage: java -cp app/target/modellens-app.jar bench/TreeShapBenchmark.java WORKDIR RUNS
 */
public class TreeShapBenchmark {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        TreeEnsemble model = (TreeEnsemble) ModelLoader.load(work.resolve("model.json"), List.of());
        List<String> lines = Files.readAllLines(work.resolve("data.csv"));
        int n = lines.size() - 1;
        int p = model.features().size();
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < p; j++) {
                x[i * p + j] = cells[j].equals("nan") ? Double.NaN : Double.parseDouble(cells[j]);
            }
        }
        double[][] phi = new double[n][p];
        TreeShap shap = new TreeShap(model);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double bestWall = 0;
        double bestCpu = 0;
        for (int run = 0; run < runs + 2; run++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                shap.contributions(x, i * p, 0, phi[i]);
            }
            if (run >= 2) { // two warm-up passes for the JIT
                bestWall = Math.max(bestWall, n / ((System.nanoTime() - start) / 1e9));
                bestCpu = Math.max(bestCpu, n / ((threads.getCurrentThreadCpuTime() - startCpu) / 1e9));
            }
        }
        List<String> expected = Files.readAllLines(work.resolve("contribs.csv"));
        double worst = 0;
        for (int i = 0; i < n; i++) {
            String[] cells = expected.get(i).split(",");
            for (int j = 0; j < p; j++) {
                worst = Math.max(worst, Math.abs(phi[i][j] - Double.parseDouble(cells[j])));
            }
        }
        System.out.printf("ModelLens TreeSHAP, 1 thread: %,.0f rows per CPU second, %,.0f rows per wall second (best of %d); "
                + "max |difference| to XGBoost %.2g%n", bestCpu, bestWall, runs, worst);
    }
}
