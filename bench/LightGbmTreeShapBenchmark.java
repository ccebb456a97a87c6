import java.lang.management.*;
import java.nio.file.*;
import java.util.*;
import com.microsoft.ml.lightgbm.*;
import io.github.metarank.lightgbm4j.*;
import org.modellens.model.*;
import org.modellens.explain.TreeShap;
/**
 * TreeSHAP throughput on a 500-tree LightGBM model (binary, 31 leaves, one categorical feature, 5%
 * missing values, trained here by LightGBM 4.3 through lightgbm4j) against LightGBM's own
 * pred_contrib (C API, num_threads=1) on the same 2,000 rows, both single-threaded, three rounds;
 * rows per CPU second of the calling thread (the fair figure on a shared machine) beside rows per
 * wall second, and the largest difference of the contributions.
 *
 * <p>Run from the repository root with the test class path (it needs lightgbm4j, test scope):
 * {@code mvn -q -o -pl diagnostics-core test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}, then
 * {@code java -cp "$(cat cp.txt):diagnostics-core/target/classes" bench/LightGbmTreeShapBenchmark.java}.
 */
public class LightGbmTreeShapBenchmark {
  public static void main(String[] a) throws Exception {
    LGBMBooster.loadNative();
    Random r = new Random(1);
    int n = 5000, p = 6;
    double[] x = new double[n * p]; float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < p; j++) { double v = j == 3 ? r.nextInt(8) : r.nextGaussian(); if (j != 3 && r.nextDouble() < 0.05) v = Double.NaN; x[i*p+j] = v; s += Double.isNaN(v) ? 0.3 : (j == 3 ? (v % 3) - 1 : v * (j + 1) * 0.3); }
      y[i] = r.nextDouble() < 1/(1+Math.exp(-s)) ? 1 : 0;
    }
    String params = "objective=binary num_leaves=31 learning_rate=0.05 verbose=-1 num_threads=1 categorical_feature=3 seed=1";
    String model;
    try (LGBMDataset d = LGBMDataset.createFromMat(x, n, p, true, params, null)) {
      d.setField("label", y);
      try (LGBMBooster b = LGBMBooster.create(d, params)) { for (int i = 0; i < 500; i++) b.updateOneIter(); model = b.saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.SPLIT); }
    }
    Path f = Files.createTempFile("lightgbm-500", ".txt"); Files.writeString(f, model);
    TreeEnsemble e = (TreeEnsemble) ModelLoader.load(f, List.of());
    System.out.println("trees " + e.treeCount() + " max depth " + e.maxDepth());
    int rows = 2000;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    SWIGTYPE_p_p_void hp = lightgbmlib.new_voidpp(); var it = lightgbmlib.new_intp();
    lightgbmlib.LGBM_BoosterLoadModelFromString(model, it, hp);
    SWIGTYPE_p_void b = lightgbmlib.voidpp_value(hp);
    SWIGTYPE_p_double in = lightgbmlib.new_doubleArray((long) rows * p);
    for (int i = 0; i < rows * p; i++) lightgbmlib.doubleArray_setitem(in, i, x[i]);
    SWIGTYPE_p_long_long len = lightgbmlib.new_int64_tp();
    lightgbmlib.LGBM_BoosterCalcNumPredict(b, rows, 3, 0, -1, len);
    SWIGTYPE_p_double out = lightgbmlib.new_doubleArray(lightgbmlib.int64_tp_value(len));
    double[] phi = new double[p];
    for (int round = 0; round < 3; round++) {
      long c0 = mx.getCurrentThreadCpuTime(); long w0 = System.nanoTime();
      lightgbmlib.LGBM_BoosterPredictForMat(b, lightgbmlib.double_to_voidp_ptr(in), 1, rows, p, 1, 3, 0, -1, "num_threads=1", len, out);
      long c1 = mx.getCurrentThreadCpuTime(); long w1 = System.nanoTime();
      TreeShap shap = new TreeShap(e);
      double maxErr = 0;
      for (int i = 0; i < rows; i++) shap.contributions(x, i * p, 0, phi);
      long c2 = mx.getCurrentThreadCpuTime(); long w2 = System.nanoTime();
      for (int i = 0; i < 200; i++) { shap.contributions(x, i * p, 0, phi); for (int j = 0; j < p; j++) maxErr = Math.max(maxErr, Math.abs(phi[j] - lightgbmlib.doubleArray_getitem(out, (long) i * (p + 1) + j))); }
      System.out.printf("round %d: LightGBM pred_contrib %.0f rows/s wall, %.0f rows/CPU-s; ModelLens TreeSHAP %.0f rows/s wall, %.0f rows/CPU-s; max diff %.2g%n", round,
        rows / ((w1 - w0) / 1e9), rows / ((c1 - c0) / 1e9), rows / ((w2 - w1) / 1e9), rows / ((c2 - c1) / 1e9), maxErr);
    }
  }
}
