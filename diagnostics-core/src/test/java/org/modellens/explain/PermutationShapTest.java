package org.modellens.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.modellens.model.FeatureMatrix;
import org.modellens.model.Model;
import org.modellens.model.ModelLoader;
import org.modellens.model.TreeEnsemble;

/**
 * The model-agnostic estimate: exact on a linear model (closed form {@code w_j (x_j - mean_j)}),
 * additive on any model, and close to the exact interventional Shapley values on a tree ensemble.
 */
class PermutationShapTest {

    private static final double[] W = {0.5, -2.0, 1.5, 0.25};

    @Test
    void linearOnnxModelGetsItsClosedFormShapValues() throws Exception {
        Model model = ModelLoader.load(Path.of(getClass().getResource("/org/modellens/model/linear.onnx").toURI()),
                List.of("a", "b", "c", "d"));
        Random random = new Random(1);
        double[] bg = new double[50 * 4];
        for (int i = 0; i < bg.length; i++) {
            bg[i] = random.nextGaussian() * 3;
        }
        FeatureMatrix background = new FeatureMatrix(50, 4, bg);
        double[] x = {1, 2, 3, 4, -1.5, 0, 0.25, 10};
        Attributions a = new PermutationShapExplainer(model, background, 4, 7).explain(new FeatureMatrix(2, 4, x), new int[] {0, 1});
        for (int r = 0; r < 2; r++) {
            for (int j = 0; j < 4; j++) {
                double mean = 0;
                for (int b = 0; b < 50; b++) {
                    mean += bg[b * 4 + j] / 50;
                }
                assertThat(a.phi()[r][j]).as("row %d feature %d", r, j).isCloseTo(W[j] * (x[r * 4 + j] - mean), within(1e-4));
            }
            double sum = a.baseValue()[r];
            for (double v : a.phi()[r]) {
                sum += v;
            }
            assertThat(sum).isCloseTo(a.output()[r], within(1e-9));
        }
    }

    @Test
    void approachesExactInterventionalShapleyOnATreeEnsemble() {
        Random random = new Random(11);
        int p = 5;
        TreeEnsemble model = TreeShapPropertiesTest.randomEnsemble(random, p, 6, 4, false);
        FeatureMatrix background = TreeShapPropertiesTest.randomRows(random, 40, p);
        FeatureMatrix rows = TreeShapPropertiesTest.randomRows(random, 10, p);
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Attributions estimate = new PermutationShapExplainer(model, background, 64, 3).explain(rows, all);
        double error = 0;
        double scale = 0;
        for (int r = 0; r < all.length; r++) {
            double[] exact = exactInterventional(model, rows, r, background);
            double sum = estimate.baseValue()[r];
            for (int j = 0; j < p; j++) {
                error += Math.abs(estimate.phi()[r][j] - exact[j]);
                scale += Math.abs(exact[j]);
                sum += estimate.phi()[r][j];
            }
            assertThat(sum).isCloseTo(estimate.output()[r], within(1e-9));
        }
        assertThat(error / scale).as("mean relative error").isLessThan(0.05);
    }

    /** Shapley values of v(S) = mean over background b of f(x_S, b_rest), by enumerating every subset. */
    private static double[] exactInterventional(TreeEnsemble model, FeatureMatrix rows, int row, FeatureMatrix background) {
        int p = rows.columns();
        int m = background.rows();
        double[] value = new double[1 << p];
        for (int s = 0; s < value.length; s++) {
            double[] z = new double[m * p];
            for (int b = 0; b < m; b++) {
                for (int j = 0; j < p; j++) {
                    z[b * p + j] = (s & (1 << j)) != 0 ? rows.get(row, j) : background.get(b, j);
                }
            }
            double[] out = model.rawOutputs(new FeatureMatrix(m, p, z), 0, m);
            for (double o : out) {
                value[s] += o / m;
            }
        }
        double[] factorial = new double[p + 1];
        factorial[0] = 1;
        for (int k = 1; k <= p; k++) {
            factorial[k] = factorial[k - 1] * k;
        }
        double[] phi = new double[p];
        for (int j = 0; j < p; j++) {
            for (int s = 0; s < value.length; s++) {
                if ((s & (1 << j)) == 0) {
                    int size = Integer.bitCount(s);
                    phi[j] += factorial[size] * factorial[p - size - 1] / factorial[p] * (value[s | (1 << j)] - value[s]);
                }
            }
        }
        return phi;
    }
}
