package org.modellens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.data.UnreadableInputException;
import org.modellens.explain.TreeShap;

/**
 * The LightGBM text reader on a hand-written model (see the README beside the fixture): every
 * missing-value rule, thresholds compared in double with {@code <=}, the sigmoid link.
 */
class LightGbmModelReaderTest {

    private static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    private static Path fixture() throws Exception {
        return Path.of(LightGbmModelReaderTest.class.getResource("lightgbm-handmade.txt").toURI());
    }

    @Test
    void marginsFollowLightGbmsDecisionRules() throws Exception {
        Model model = ModelLoader.load(fixture(), List.of());
        assertThat(model.type()).isEqualTo("lightgbm");
        assertThat(model.features()).containsExactly("a", "b", "c");
        assertThat(model.task()).isEqualTo("binary");
        double[][] rows = {
            // t0: a<=5 -> b<=2.5 -> 0.5; t1: c>0 -> 0.3; t2: c>0 -> -0.4
            {1, 1, 1},
            // t0: a NaN (NaN type, default left) -> b>2.5 -> -0.25; t1: c<=0 -> -0.1; t2: -> 0.2
            {NAN, 3, -1},
            // t0: a>5 -> 1.0; t1: c NaN read as 0 (Zero type) -> default right 0.3; t2: NaN as 0 (None) <= 0 -> 0.2
            {7, 0, NAN},
            // t0: b NaN -> 0 -> Zero type default left -> 0.5; t1: c=0 default right 0.3; t2: 0 <= 0 -> 0.2
            {2, NAN, 0},
            // t0: a equal to the threshold goes left (<=), b=2.5 too -> 0.5; t1: |c|<=1e-35 is zero -> 0.3; t2: LightGBM's
            // predictor reads |c| <= 1e-35f as 0 (its oracle agrees, LightGbmOracleTest), 0 <= 0 -> 0.2
            {5.0000000000000009, 2.5, 1e-40},
            // t0: a one double above the threshold -> 1.0; t1: zero -> 0.3; t2: c<=0 -> 0.2
            {5.000000000000002, -3, -1e-40},
        };
        double[] expected = {0.4, -0.15, 1.5, 1.0, 1.0, 1.5};
        double[] values = new double[rows.length * 3];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, values, i * 3, 3);
        }
        FeatureMatrix matrix = new FeatureMatrix(rows.length, 3, values);
        double[] raw = model.rawOutputs(matrix, 0, rows.length);
        Predictions predictions = model.predict(matrix);
        TreeShap shap = new TreeShap((TreeEnsemble) model);
        double[] phi = new double[3];
        for (int i = 0; i < rows.length; i++) {
            assertThat(raw[i]).as("row %d", i).isCloseTo(expected[i], within(1e-15));
            assertThat(predictions.score()[i]).isCloseTo(1 / (1 + Math.exp(-expected[i])), within(1e-15));
            assertThat(shap.contributions(values, i * 3, 0, phi)).isCloseTo(expected[i], within(1e-12));
        }
        // Base value: cover-weighted means 0.4*0.5 + 0.3*-0.25 + 0.3*1 = 0.425; 0.6*-0.1 + 0.4*0.3 = 0.06; 0.5*0.2 + 0.5*-0.4 = -0.1.
        assertThat(shap.baseValue(0)).isCloseTo(0.385, within(1e-12));
    }

    @Test
    void truncatedAndCorruptFilesAreRefused() throws Exception {
        String text = Files.readString(fixture());
        Path truncated = dir.resolve("model.txt");
        Files.writeString(truncated, text.substring(0, text.indexOf("Tree=2")));
        assertThatThrownBy(() -> ModelLoader.load(truncated, List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessage("model.txt: the LightGBM model has no 'end of trees' line (truncated)");

        Path corrupt = dir.resolve("corrupt.txt");
        Files.writeString(corrupt, text.replace("leaf_value=0.5 -0.25 1", "leaf_value=0.5 x 1"));
        assertThatThrownBy(() -> ModelLoader.load(corrupt, List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("corrupt.txt, tree at line").hasMessageContaining("leaf_value value 'x' is not a number");

        Path shortArray = dir.resolve("short.txt");
        Files.writeString(shortArray, text.replace("split_feature=0 1", "split_feature=0"));
        assertThatThrownBy(() -> ModelLoader.load(shortArray, List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("split_feature has 1 values, expected 2");

        Path badFeature = dir.resolve("feature.txt");
        Files.writeString(badFeature, text.replace("split_feature=0 1", "split_feature=0 7"));
        assertThatThrownBy(() -> ModelLoader.load(badFeature, List.of())).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("splits on feature 7 of 3");
    }

    @Test
    void featureCountMismatchIsRefused() throws Exception {
        assertThatThrownBy(() -> ModelLoader.load(fixture(), List.of("a", "b")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("lightgbm-handmade.txt: --model-features names 2 features but the model takes 3");
    }
}
