package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Label proxies and features unavailable at serving time are flagged; legitimately strong predictors
 * (single-feature AUC 0.75-0.85, correlation 0.8) are not.
 */
class LeakageCheckTest {

    private static final int ROWS = 5000;

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** A binary label (30% positive) and features built from it. */
    private static final class Binary {
        final boolean[] y = new boolean[ROWS];
        final SplittableRandom random;

        Binary(long seed) {
            random = new SplittableRandom(seed);
            for (int i = 0; i < ROWS; i++) {
                y[i] = random.nextDouble() < 0.3;
            }
        }

        String[] label() {
            return RawCase.cells(ROWS, i -> y[i] ? "1" : "0");
        }

        /** Normal feature whose mean moves by d for positives: AUC = Phi(d / sqrt 2). */
        String[] separating(double d) {
            return RawCase.cells(ROWS, i -> f((y[i] ? d : 0) + SyntheticSnapshots.normal(random)));
        }
    }

    /** A four-level grade that separates about as well as a strong score (AUC about 0.8). */
    private static String tier(boolean positive, SplittableRandom random) {
        double z = (positive ? 1.3 : 0) + SyntheticSnapshots.normal(random);
        return z < -0.5 ? "A" : z < 0.5 ? "B" : z < 1.5 ? "C" : "D";
    }

    private static List<Finding> leakage(RawCase c) {
        return c.findings(LeakageCheck.ID);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void legitimatelyStrongPredictorsAreNotFlagged(long seed) {
        Binary train = new Binary(seed);
        Binary prod = new Binary(seed + 100);
        RawCase c = new RawCase().target("defaulted").both("defaulted", train.label(), prod.label());
        // d = 0.954 -> AUC 0.75, 1.466 -> 0.85, 1.8 -> 0.90
        double[] shifts = {0.954, 1.2, 1.466, 1.8};
        for (int k = 0; k < shifts.length; k++) {
            c.both("score_" + k, train.separating(shifts[k]), prod.separating(shifts[k]));
        }
        String[] tiers = {"A", "B", "C", "D"};
        c.both("risk_tier", RawCase.cells(ROWS, i -> tier(train.y[i], train.random)),
                RawCase.cells(ROWS, i -> tier(prod.y[i], prod.random)));
        // many-valued category that carries no signal: out-of-fold encoding must not see one
        c.both("branch_code", RawCase.cells(ROWS, i -> "B" + train.random.nextInt(3000)),
                RawCase.cells(ROWS, i -> "B" + prod.random.nextInt(3000)));

        assertThat(leakage(c)).isEmpty();
    }

    @Test
    void labelProxiesAreFlaggedAndSayWhy() {
        Binary train = new Binary(11);
        Binary prod = new Binary(12);
        RawCase c = new RawCase().target("defaulted").both("defaulted", train.label(), prod.label())
                .both("income", train.separating(1.0), prod.separating(1.0))
                // written off amount: positive only for defaulted loans (1% mistakes)
                .both("written_off", RawCase.cells(ROWS, i -> train.y[i] ^ train.random.nextDouble() < 0.01
                        ? f(100 + 50 * train.random.nextDouble()) : "0"), prod.separating(0))
                // recovery rate: only filled for defaulted loans
                .both("recovery_rate", RawCase.cells(ROWS, i -> train.y[i] ? f(train.random.nextDouble()) : null),
                        RawCase.cells(ROWS, i -> null))
                // account status text set after the outcome
                .both("status", RawCase.cells(ROWS, i -> train.y[i] ? (train.random.nextDouble() < 0.97 ? "charged_off" : "open")
                        : (train.random.nextBoolean() ? "open" : "closed")), RawCase.cells(ROWS, i -> "open"));

        List<Finding> findings = leakage(c);

        assertThat(findings).extracting(Finding::feature).containsExactlyInAnyOrder("written_off", "recovery_rate", "status");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isIn(Severity.WARN, Severity.FAIL);
            assertThat((Double) f.evidence().get("auc")).isGreaterThan(0.92);
            assertThat(f.detail()).contains("not known at prediction time");
        });
        assertThat(findings).filteredOn(f -> f.feature().equals("recovery_rate")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("production", "always empty"));
    }

    @Test
    void theAucOfAFeatureWithMissingValuesIsTheBetterOfBothPlacementsRankedAnew() {
        Binary train = new Binary(41);
        Binary prod = new Binary(42);
        // filled mostly for defaulted loans, with ties (two decimals) and missing cells on both classes
        String[] cells = RawCase.cells(ROWS, i -> train.random.nextDouble() < (train.y[i] ? 0.15 : 0.9) ? null
                : String.format(Locale.ROOT, "%.2f", (train.y[i] ? 3 : 0) + SyntheticSnapshots.normal(train.random)));
        RawCase c = new RawCase().target("defaulted").both("defaulted", train.label(), prod.label())
                .both("collection_fee", cells, prod.separating(0));
        // the oracle: every row is in the leakage sample (fewer rows than leakage.sampleRows), missing
        // cells replaced by -Inf and by +Inf and each ranked from scratch
        double best = 0;
        for (double fill : new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
            double[] score = new double[ROWS];
            for (int i = 0; i < ROWS; i++) {
                score[i] = cells[i] == null ? fill : Double.parseDouble(cells[i]);
            }
            double auc = org.modellens.stats.SingleFeaturePower.auc(score, train.y);
            best = Math.max(best, Math.max(auc, 1 - auc));
        }
        double expected = best;

        assertThat(leakage(c)).singleElement().satisfies(f -> assertThat(f.evidence().get("auc")).isEqualTo(expected));
    }

    @Test
    void aCopyOfTheLabelIsNamedACopy() {
        Binary train = new Binary(21);
        Binary prod = new Binary(22);
        RawCase c = new RawCase().target("defaulted").both("defaulted", train.label(), prod.label())
                .both("outcome_code", RawCase.cells(ROWS, i -> train.y[i] ? "D" : "P"), RawCase.cells(ROWS, i -> "P"));

        assertThat(leakage(c)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat(f.title()).contains("copy of the target");
        });
    }

    @Test
    void aPredictiveFeatureConstantOrAbsentInProductionIsNotAvailableAtServingTime() {
        Binary train = new Binary(31);
        Binary prod = new Binary(32);
        RawCase c = new RawCase().target("defaulted").both("defaulted", train.label(), prod.label())
                .both("days_past_due", train.separating(1.3), RawCase.cells(ROWS, i -> "0"))
                .train("calls_to_collections", train.separating(1.3))
                .both("weak", train.separating(0.2), RawCase.cells(ROWS, i -> "0"));

        List<Finding> findings = leakage(c);

        assertThat(findings).extracting(Finding::feature).containsExactlyInAnyOrder("days_past_due", "calls_to_collections");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.title()).contains("strongly predictive in training");
        });
        assertThat(findings).filteredOn(f -> f.feature().equals("calls_to_collections")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("production", "absent"));
    }

    @Test
    void regressionTargetComponentsAndNearCopiesAreFlaggedStrongPredictorsAreNot() {
        SplittableRandom r = new SplittableRandom(41);
        double[] base = new double[ROWS];
        double[] tax = new double[ROWS];
        String[] total = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            base[i] = Math.round(Math.exp(4 + 0.5 * SyntheticSnapshots.normal(r)) * 100) / 100.0;
            tax[i] = Math.round(base[i] * 19) / 100.0;
            total[i] = f(base[i] + tax[i]);
        }
        RawCase c = new RawCase().target("total")
                .train("total", total)
                .train("net_amount", RawCase.cells(ROWS, i -> f(base[i])))
                .train("tax_amount", RawCase.cells(ROWS, i -> f(tax[i])))
                .train("invoice_in_cents", RawCase.cells(ROWS, i -> f(Double.parseDouble(total[i]) * 100 + r.nextDouble())))
                .train("basket_size", RawCase.cells(ROWS, i -> f(Math.log(Double.parseDouble(total[i])) + 0.4 * SyntheticSnapshots.normal(r))))
                .prod("total", total).prod("net_amount", total).prod("tax_amount", total).prod("invoice_in_cents", total)
                .prod("basket_size", total);
        // basket_size correlates about 0.8 with the total: strong, and legitimate

        List<Finding> findings = leakage(c);

        // net and tax are near-copies by correlation (tax is 19% of net) or components: either way flagged
        assertThat(findings).extracting(Finding::feature).contains("net_amount", "tax_amount", "invoice_in_cents")
                .doesNotContain("basket_size");
        assertThat(findings).filteredOn(f -> f.feature().equals("invoice_in_cents")).singleElement()
                .satisfies(f -> assertThat((Double) f.evidence().get("pearson")).isGreaterThan(0.99));
    }

    @Test
    void componentsOfARegressionTargetAreNamedEvenWhenEachCorrelatesModestly() {
        SplittableRandom r = new SplittableRandom(51);
        double[] a = new double[ROWS];
        double[] b = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            a[i] = Math.round(100 * (50 + 10 * SyntheticSnapshots.normal(r))) / 100.0;
            b[i] = Math.round(100 * (50 + 10 * SyntheticSnapshots.normal(r))) / 100.0;
        }
        String[] target = RawCase.cells(ROWS, i -> f(a[i] + b[i]));
        RawCase c = new RawCase().target("total_cost").train("total_cost", target)
                .train("parts_cost", RawCase.cells(ROWS, i -> f(a[i]))).train("labour_cost", RawCase.cells(ROWS, i -> f(b[i])))
                .prod("total_cost", target).prod("parts_cost", target).prod("labour_cost", target);

        List<Finding> findings = leakage(c);

        assertThat(findings).extracting(Finding::feature).containsExactlyInAnyOrder("parts_cost", "labour_cost");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.title()).contains("component of the target total_cost");
            assertThat(f.evidence()).containsKey("otherComponent");
        });
    }

    @Test
    void aMulticlassLabelRelabelledIsACopy() {
        SplittableRandom r = new SplittableRandom(61);
        String[] classes = {"low", "mid", "high"};
        String[] codes = {"L1", "M2", "H3"};
        int[] k = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            k[i] = r.nextInt(3);
        }
        RawCase c = new RawCase().target("risk").both("risk", RawCase.cells(ROWS, i -> classes[k[i]]), RawCase.cells(ROWS, i -> classes[k[i]]))
                .both("risk_code", RawCase.cells(ROWS, i -> codes[k[i]]), RawCase.cells(ROWS, i -> codes[k[i]]))
                .both("noise", RawCase.normal(ROWS, 3, 0, 1), RawCase.normal(ROWS, 4, 0, 1));

        assertThat(leakage(c)).singleElement().satisfies(f -> {
            assertThat(f.feature()).isEqualTo("risk_code");
            assertThat(f.title()).contains("copy of the target");
            assertThat((Double) f.evidence().get("uncertaintyCoefficient")).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        });
    }
}
