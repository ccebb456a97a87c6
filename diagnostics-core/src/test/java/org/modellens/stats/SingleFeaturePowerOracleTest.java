package org.modellens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AUC, Pearson, Spearman, ranks and mutual information against scikit-learn and scipy: the expected
 * values in power_oracles.json were computed by make_power_oracles.py (sklearn roc_auc_score and
 * mutual_info_score, scipy pearsonr, spearmanr, rankdata and entropy).
 */
class SingleFeaturePowerOracleTest {

    private static JsonNode root;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = SingleFeaturePowerOracleTest.class.getResourceAsStream("power_oracles.json")) {
            root = new ObjectMapper().readTree(in);
        }
    }

    private static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    private static int[] ints(JsonNode n) {
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asInt();
        }
        return out;
    }

    @Test
    void aucEqualsSklearnRocAucScore() {
        assertThat(root.get("auc").size()).isGreaterThan(30);
        for (JsonNode c : root.get("auc")) {
            JsonNode p = c.get("positive");
            boolean[] positive = new boolean[p.size()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = p.get(i).asBoolean();
            }
            assertThat(SingleFeaturePower.auc(doubles(c.get("score")), positive)).as(c.get("name").asText())
                    .isCloseTo(c.get("auc").asDouble(), within(1e-12));
        }
    }

    @Test
    void correlationsAndRanksEqualScipy() {
        for (JsonNode c : root.get("correlation")) {
            double[] x = doubles(c.get("x"));
            double[] y = doubles(c.get("y"));
            String name = c.get("name").asText();
            assertThat(RankCorrelation.pearson(x, y)).as(name).isCloseTo(c.get("pearson").asDouble(), within(1e-10));
            assertThat(RankCorrelation.spearman(x, y)).as(name).isCloseTo(c.get("spearman").asDouble(), within(1e-10));
            assertThat(RankCorrelation.ranks(x)).as(name).containsExactly(doubles(c.get("ranks")), within(1e-9));
        }
    }

    @Test
    void mutualInformationAndEntropyEqualSklearnAndScipy() {
        for (JsonNode c : root.get("mutualInformation")) {
            int[] a = ints(c.get("a"));
            int[] b = ints(c.get("b"));
            String name = c.get("name").asText();
            assertThat(SingleFeaturePower.mutualInformation(a, b)).as(name).isCloseTo(c.get("mi").asDouble(), within(1e-12));
            assertThat(SingleFeaturePower.entropy(a)).as(name).isCloseTo(c.get("entropyA").asDouble(), within(1e-12));
        }
    }

    @Test
    void infiniteScoresRankAsTiesAtTheEnds() {
        double inf = Double.POSITIVE_INFINITY;
        assertThat(RankCorrelation.ranks(new double[] {inf, 1, -inf, inf, -inf, 0.0, -0.0}))
                .containsExactly(6.5, 5, 1.5, 6.5, 1.5, 3.5, 3.5);
        // missing values placed above every score: the two positives with missing scores rank highest
        assertThat(SingleFeaturePower.auc(new double[] {1, 2, inf, inf}, new boolean[] {false, false, true, true})).isEqualTo(1.0);
    }

    @Test
    void degenerateInputsGiveNaNNotNumbers() {
        assertThat(SingleFeaturePower.auc(new double[] {1, 2}, new boolean[] {true, true})).isNaN();
        assertThat(RankCorrelation.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThat(RankCorrelation.spearman(new double[] {1}, new double[] {2})).isNaN();
    }
}
