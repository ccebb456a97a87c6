package org.modellens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * The decile Jensen-Shannon distance against numpy/scipy (decile_js_oracles.json, made by
 * make_decile_js_oracles.py beside it): ties, skewed samples, a unit change, identical samples and a
 * constant training column.
 */
class DecileJensenShannonTest {

    @Test
    void matchesNumpyAndScipy() throws Exception {
        JsonNode root;
        try (InputStream in = DecileJensenShannonTest.class.getResourceAsStream("decile_js_oracles.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int n = 0;
        for (JsonNode c : root.get("cases")) {
            double value = DecileJensenShannon.distance(doubles(c.get("train")), doubles(c.get("prod")));
            assertThat(value).as(c.get("name").asText()).isCloseTo(c.get("js").asDouble(), within(1e-12));
            assertThat(value).isBetween(0.0, 1.0);
            n++;
        }
        assertThat(n).isEqualTo(22);
    }

    @Test
    void isSymmetricInItsBinsAndZeroForTheSameSample() {
        double[] train = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(DecileJensenShannon.distance(train, train.clone())).isZero();
        // All of production beyond training's range: the last bin only, against a tenth of training.
        double[] far = {100, 200, 300};
        double p = 0.1;
        double m = (p + 1) / 2;
        double expected = Math.sqrt((0.9 * Math.log(0.9 / 0.45) + p * Math.log(p / m) + Math.log(1 / m)) / 2 / Math.log(2));
        assertThat(DecileJensenShannon.distance(train, far)).isCloseTo(expected, within(1e-12));
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
