package org.modellens.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compares org.modellens.stats against scipy/numpy oracles produced by make_oracles.py. */
class OracleTest {
    private static JsonNode root;
    static double worstKsP;
    static double worstKsStat;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = OracleTest.class.getResourceAsStream("oracles.json")) {
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

    private static long[] longs(JsonNode n) {
        long[] out = new long[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asLong();
        }
        return out;
    }

    static boolean close(double actual, double expected, double tol) {
        if (Double.isNaN(expected)) {
            return Double.isNaN(actual);
        }
        if (actual == expected) {
            return true;
        }
        double diff = Math.abs(actual - expected);
        return diff <= tol || diff <= tol * Math.abs(expected);
    }

    static boolean rel(double actual, double expected, double tol) {
        if (actual == expected) {
            return true;
        }
        return Math.abs(actual - expected) <= tol * Math.max(Math.abs(expected), 1e-300);
    }

    private static double relErr(double a, double e) {
        if (a == e) {
            return 0;
        }
        return Math.abs(a - e) / Math.max(Math.abs(e), Double.MIN_NORMAL);
    }

    @Test
    void ksAndWasserstein() {
        double[] shared = doubles(root.get("ksSharedA"));
        StringBuilder failures = new StringBuilder();
        double worstRelP = 0;
        double worstAbsStat = 0;
        double worstPureRel = 0;
        String worstName = "";
        for (JsonNode c : root.get("ks")) {
            double[] a = c.get("aShared").asBoolean() ? shared : doubles(c.get("a"));
            double[] b = doubles(c.get("b"));
            KsResult r = KolmogorovSmirnov.twoSample(a, b);
            double es = c.get("statistic").asDouble();
            double ep = c.get("pvalue").asDouble();
            worstAbsStat = Math.max(worstAbsStat, Math.abs(r.statistic() - es));
            worstRelP = Math.max(worstRelP, Math.min(relErr(r.pValue(), ep), Math.abs(r.pValue() - ep)));
            if (relErr(r.pValue(), ep) > worstPureRel) {
                worstPureRel = relErr(r.pValue(), ep);
                worstName = c.get("name").asText() + " p=" + ep;
            }
            if (Math.abs(r.statistic() - es) > 1e-12 || !rel(r.pValue(), ep, 1e-12)) {
                failures.append(c.get("name").asText()).append(": stat ").append(r.statistic()).append(" vs ")
                    .append(es).append(", p ").append(r.pValue()).append(" vs ").append(ep).append('\n');
            }
            double w = Wasserstein.distance(a, b);
            if (!rel(w, c.get("wasserstein").asDouble(), 1e-12)) {
                failures.append(c.get("name").asText()).append(": wasserstein ").append(w).append(" vs ")
                    .append(c.get("wasserstein").asDouble()).append('\n');
            }
        }
        System.out.println("KS worst |stat diff| = " + worstAbsStat + ", worst p-value min(rel,abs) error = " + worstRelP
            + ", worst pure relative p error = " + worstPureRel + " (" + worstName + ")");
        assertThat(failures.toString()).isEmpty();
    }

    @Test
    void psi() {
        for (JsonNode c : root.get("psi")) {
            double v = Psi.compute(doubles(c.get("train")), doubles(c.get("prod")));
            assertThat(rel(v, c.get("psi").asDouble(), 1e-12)).as(c.get("name").asText() + " " + v).isTrue();
        }
    }

    @Test
    void categorical() {
        for (JsonNode c : root.get("categorical")) {
            long[] t = longs(c.get("train"));
            long[] p = longs(c.get("prod"));
            String name = c.get("name").asText();
            if (c.has("chi2")) {
                ChiSquareResult r = ChiSquare.twoByK(t, p);
                assertThat(rel(r.statistic(), c.get("chi2").asDouble(), 1e-12)).as(name + " chi2 " + r).isTrue();
                assertThat(rel(r.pValue(), c.get("chi2p").asDouble(), 1e-12)).as(name + " p " + r).isTrue();
                assertThat(r.dof()).as(name).isEqualTo(c.get("dof").asInt());
            }
            if (c.has("cramer")) {
                double v = CategoricalDistance.cramersV(t, p);
                assertThat(rel(v, c.get("cramer").asDouble(), 1e-12)).as(name + " V " + v).isTrue();
            }
            if (c.has("js")) {
                double[] td = Arrays.stream(t).asDoubleStream().toArray();
                double[] pd = Arrays.stream(p).asDoubleStream().toArray();
                double js = CategoricalDistance.jensenShannon(td, pd);
                assertThat(rel(js, c.get("js").asDouble(), 1e-12)).as(name + " js " + js).isTrue();
                double tv = CategoricalDistance.totalVariation(td, pd);
                assertThat(rel(tv, c.get("tv").asDouble(), 1e-12)).as(name + " tv " + tv).isTrue();
            }
        }
    }

    @Test
    void descriptive() {
        for (JsonNode c : root.get("descriptive")) {
            double[] a = doubles(c.get("a"));
            double[] b = doubles(c.get("b"));
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            JsonNode ps = c.get("ps");
            JsonNode qs = c.get("quantiles");
            for (int i = 0; i < ps.size(); i++) {
                double q = Descriptive.quantile(sorted, ps.get(i).asDouble());
                assertThat(rel(q, qs.get(i).asDouble(), 1e-12)).as("quantile " + ps.get(i)).isTrue();
            }
            assertThat(rel(Descriptive.mean(a), c.get("mean").asDouble(), 1e-12)).isTrue();
            assertThat(rel(Descriptive.std(a), c.get("std").asDouble(), 1e-12)).isTrue();
            assertThat(rel(Descriptive.standardizedMeanDifference(a, b), c.get("smd").asDouble(), 1e-12)).isTrue();
        }
        assertThat(Descriptive.standardizedMeanDifference(new double[] {1, 1}, new double[] {1, 1})).isZero();
        assertThat(Descriptive.standardizedMeanDifference(new double[] {1, 1}, new double[] {2, 2})).isNaN();
    }

    @Test
    void proportionsAndBinomial() {
        for (JsonNode c : root.get("proportions")) {
            double v = Proportions.twoProportionPValue(c.get("x1").asLong(), c.get("n1").asLong(),
                c.get("x2").asLong(), c.get("n2").asLong());
            assertThat(rel(v, c.get("p").asDouble(), 1e-12)).as(c + " -> " + v).isTrue();
        }
        for (JsonNode c : root.get("binomial")) {
            double v = Binomial.upperTailPValue(c.get("k").asLong(), c.get("n").asLong(), c.get("p").asDouble());
            assertThat(rel(v, c.get("sf").asDouble(), 1e-10)).as(c + " -> " + v).isTrue();
        }
    }
}
