package org.modellens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The units a report prints beside a contribution agree with how the model turns its raw output into
 * its prediction: "log-odds" only where the output is the logistic of the margin, the target's units
 * only where the margin is the prediction itself.
 */
class OutputUnitsTest {

    private static final Path MODELS = Path.of("src/test/resources/org/modellens/model");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "lightgbm/v4/binary.txt|log-odds",
        "lightgbm/v4/binary-sigmoid.txt|log-odds / 0.7",
        "lightgbm/v4/multiclass.txt|log-odds (softmax score)",
        "lightgbm/v4/regression.txt|target units",
        "lightgbm/v4/poisson.txt|log of the prediction",
        "lightgbm/v4/regression-sqrt.txt|signed square root of the prediction",
        "xgboost/v3.0.4/binary-logistic.json|log-odds",
        "xgboost/v2.1.4/reg-tweedie.json|log of the prediction",
        "logistic.onnx|probability",
    })
    void unitsFollowTheLink(String file, String units) throws Exception {
        Model model = ModelLoader.load(MODELS.resolve(file), List.of());
        assertThat(model.outputUnits()).isEqualTo(units);
        double margin = 0.8;
        double[] raw = model.outputCount() == 3 ? new double[]{margin, -0.3, 0.1} : new double[]{margin};
        double out = model.link(raw)[0];
        switch (units) {
            case "log-odds" -> assertThat(out).isCloseTo(1 / (1 + Math.exp(-margin)), within(1e-12));
            case "log-odds / 0.7" -> assertThat(out).isCloseTo(1 / (1 + Math.exp(-0.7 * margin)), within(1e-12));
            case "target units" -> assertThat(out).isEqualTo(margin);
            case "log of the prediction" -> assertThat(out).isCloseTo(Math.exp(margin), within(1e-12));
            case "signed square root of the prediction" -> assertThat(out).isCloseTo(margin * margin, within(1e-12));
            case "log-odds (softmax score)" -> {
                double[] p = model.link(new double[]{margin, -0.3, 0.1});
                assertThat(Math.log(p[0] / p[1])).isCloseTo(margin + 0.3, within(1e-12));
            }
            default -> assertThat(model.outputSpace()).isEqualTo("probability");
        }
    }
}
