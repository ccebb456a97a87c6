package org.modellens.causes;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The density ratio p_baseline(x) / p_production(x) of production rows, from a domain classifier: a
 * logistic regression telling baseline rows from production rows on the model's inputs. Each input enters
 * robustly standardised on the baseline (median and IQR, clipped at +-5, as
 * {@code checks.DomainClassifier}), with its square (a change of spread) and a missing indicator (a
 * change of the missing rate). By Bayes' rule the ratio is {@code exp(-logit) * n_prod / n_baseline};
 * the weights are normalised to mean 1 and capped at {@value #CAP} times the mean, so a few production
 * rows unlike anything in the baseline cannot carry the reweighted metric alone (the cap is an
 * assumption the report states).
 *
 * <p>Why a logistic regression on the model's (repaired) inputs rather than the Tribuo classifier of the
 * dataset-drift check: the ratio must be over what the model reads, after the pipeline repairs, and it is
 * refitted for every subset of feature groups in the Shapley attribution (2^g fits), so it must cost
 * milliseconds. Newton's method on at most {@code 3 x inputs + 1} coefficients does, and converges to the
 * unique optimum (L2 penalty), so the weights are reproducible.
 */
final class DensityRatio {

    /** Largest weight, in multiples of the mean weight. */
    static final double CAP = 20;
    private static final double CLIP = 5;
    /** Ridge penalty per row: keeps separable samples finite without visibly biasing a real fit. */
    private static final double RIDGE = 1e-4;
    private static final int MAX_ITERATIONS = 25;
    /** Rows of each side the classifier is fitted on at most: more changes the weights little and costs time. */
    private static final int MAX_ROWS = 5000;

    private DensityRatio() {
    }

    /**
     * Weights of the production rows, mean 1.
     *
     * @param baseline   row-major baseline inputs
     * @param production row-major production inputs (repaired)
     * @param p          inputs a row
     * @param columns    the inputs the classifier may use; none gives weight 1 everywhere
     * @param seed       seed of the baseline sample
     */
    static double[] weights(double[] baseline, double[] production, int p, int[] columns, long seed) {
        int nProd = production.length / p;
        double[] w = new double[nProd];
        Arrays.fill(w, 1.0);
        if (columns.length == 0) {
            return w;
        }
        int[] baseRows = sample(baseline.length / p, MAX_ROWS, seed);
        // The fit sees a seeded sample of each side, so its cost does not grow with the snapshots; every row is weighted.
        int[] prodRows = sample(nProd, MAX_ROWS, seed + 1);
        Encoding encoding = Encoding.of(baseline, baseRows, p, columns);
        int d = encoding.width();
        int n = baseRows.length + prodRows.length;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int r = 0; r < baseRows.length; r++) {
            x[r] = encoding.encode(baseline, baseRows[r], p);
        }
        for (int r = 0; r < prodRows.length; r++) {
            x[baseRows.length + r] = encoding.encode(production, prodRows[r], p);
            y[baseRows.length + r] = 1;
        }
        double[] beta = fit(x, y, d);
        double prior = (double) prodRows.length / baseRows.length;
        double sum = 0;
        for (int r = 0; r < nProd; r++) {
            double eta = dot(beta, encoding.encode(production, r, p));
            w[r] = Math.exp(Math.max(-50, Math.min(50, -eta))) * prior;
            sum += w[r];
        }
        normaliseAndCap(w, sum);
        return w;
    }

    /** Kish's effective sample size (sum w)^2 / sum w^2: how many equally weighted rows the weights are worth. */
    static double effectiveRows(double[] w) {
        double s = 0;
        double s2 = 0;
        for (double v : w) {
            s += v;
            s2 += v * v;
        }
        return s2 > 0 ? s * s / s2 : 0;
    }

    private static void normaliseAndCap(double[] w, double sum) {
        double mean = sum / w.length;
        for (int round = 0; round < 5; round++) {
            double total = 0;
            for (int r = 0; r < w.length; r++) {
                w[r] = Math.min(w[r] / mean, CAP);
                total += w[r];
            }
            mean = total / w.length;
        }
        for (int r = 0; r < w.length; r++) {
            w[r] /= mean;
        }
    }

    /** L2-penalised logistic regression by Newton's method; the intercept (last coefficient) is not penalised. */
    private static double[] fit(double[][] x, double[] y, int d) {
        int n = y.length;
        double[] beta = new double[d];
        double ridge = RIDGE * n;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < n; i++) {
                double[] xi = x[i];
                double mu = 1 / (1 + Math.exp(-dot(beta, xi)));
                double residual = y[i] - mu;
                double curvature = mu * (1 - mu);
                for (int a = 0; a < d; a++) {
                    if (xi[a] == 0) {
                        continue;
                    }
                    gradient[a] += residual * xi[a];
                    double ca = curvature * xi[a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += ca * xi[b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                if (a < d - 1) {
                    gradient[a] -= ridge * beta[a];
                    hessian[a][a] += ridge;
                }
                hessian[a][a] += 1e-9;
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a < d; a++) {
                beta[a] += step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            if (largest < 1e-8) {
                break;
            }
        }
        return beta;
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting ({@code a} is overwritten). */
    private static double[] solve(double[][] a, double[] b) {
        int d = b.length;
        double[] x = b.clone();
        for (int c = 0; c < d; c++) {
            int pivot = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] row = a[c];
            a[c] = a[pivot];
            a[pivot] = row;
            double t = x[c];
            x[c] = x[pivot];
            x[pivot] = t;
            if (a[c][c] == 0) {
                continue;
            }
            for (int r = c + 1; r < d; r++) {
                double f = a[r][c] / a[c][c];
                if (f == 0) {
                    continue;
                }
                for (int k = c; k < d; k++) {
                    a[r][k] -= f * a[c][k];
                }
                x[r] -= f * x[c];
            }
        }
        for (int c = d - 1; c >= 0; c--) {
            double s = x[c];
            for (int k = c + 1; k < d; k++) {
                s -= a[c][k] * x[k];
            }
            x[c] = a[c][c] == 0 ? 0 : s / a[c][c];
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code min(rows, size)} distinct rows, seeded, ascending; all rows when there are few enough. */
    private static int[] sample(int size, int rows, long seed) {
        int[] all = new int[size];
        Arrays.setAll(all, i -> i);
        if (size <= rows) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < rows; i++) {
            int j = i + random.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, rows);
        Arrays.sort(chosen);
        return chosen;
    }

    /** Standardisation of the chosen inputs, learnt on the baseline sample. */
    private record Encoding(int[] columns, double[] median, double[] scale) {

        static Encoding of(double[] baseline, int[] rows, int p, int[] columns) {
            double[] median = new double[columns.length];
            double[] scale = new double[columns.length];
            for (int c = 0; c < columns.length; c++) {
                double[] present = new double[rows.length];
                int m = 0;
                for (int r : rows) {
                    double v = baseline[r * p + columns[c]];
                    if (!Double.isNaN(v)) {
                        present[m++] = v;
                    }
                }
                double[] sorted = Arrays.copyOf(present, m);
                Arrays.sort(sorted);
                if (m == 0) {
                    scale[c] = 1;
                    continue;
                }
                median[c] = quantile(sorted, 0.5);
                double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
                double range = sorted[m - 1] - sorted[0];
                scale[c] = iqr > 0 ? iqr / 1.349 : range > 0 ? range / 4 : 1;
            }
            return new Encoding(columns, median, scale);
        }

        int width() {
            return 3 * columns.length + 1;
        }

        double[] encode(double[] values, int row, int p) {
            double[] out = new double[width()];
            for (int c = 0; c < columns.length; c++) {
                double v = values[row * p + columns[c]];
                if (Double.isNaN(v)) {
                    out[3 * c + 2] = 1;
                    continue;
                }
                double z = Math.max(-CLIP, Math.min(CLIP, (v - median[c]) / scale[c]));
                out[3 * c] = z;
                out[3 * c + 1] = z * z / CLIP;
            }
            out[out.length - 1] = 1;
            return out;
        }

        private static double quantile(double[] sorted, double q) {
            double position = q * (sorted.length - 1);
            int lo = (int) Math.floor(position);
            int hi = Math.min(sorted.length - 1, lo + 1);
            return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
        }
    }
}
