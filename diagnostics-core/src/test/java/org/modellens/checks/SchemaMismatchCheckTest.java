package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Renames are told from dropped columns by name and distribution together. */
class SchemaMismatchCheckTest {

    private static final int ROWS = 2000;

    @Test
    void renamedColumnIsReportedWithItsLikelyCounterpart() {
        List<Finding> findings = new RawCase()
                .both("age", RawCase.normal(ROWS, 1, 40, 10), RawCase.normal(ROWS, 2, 40, 10))
                .train("income", RawCase.normal(ROWS, 3, 50_000, 15_000))
                .prod("annual_income", RawCase.normal(ROWS, 4, 50_000, 15_000))
                .findings(SchemaMismatchCheck.ID);

        assertThat(findings).hasSize(1);
        Finding rename = findings.get(0);
        assertThat(rename.feature()).isEqualTo("income");
        assertThat(rename.severity()).isEqualTo(Severity.FAIL);
        assertThat(rename.title()).contains("renamed to annual_income");
        assertThat(rename.evidence()).containsEntry("likelyRenamedTo", "annual_income");
        assertThat((Double) rename.evidence().get("ksStatistic")).isLessThan(0.1);
    }

    @Test
    void droppedColumnWithAnUnrelatedNewColumnIsNoRename() {
        // Similar names, different quantities: dropped income, new income_tax_band (categorical).
        List<Finding> findings = new RawCase()
                .both("age", RawCase.normal(ROWS, 1, 40, 10), RawCase.normal(ROWS, 2, 40, 10))
                .train("income", RawCase.normal(ROWS, 3, 50_000, 15_000))
                .prod("income_tax", RawCase.normal(ROWS, 4, 9_000, 4_000))
                .findings(SchemaMismatchCheck.ID);

        assertThat(findings).extracting(Finding::feature, Finding::severity, Finding::title).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("income", Severity.FAIL, "Column income is missing from production"),
                org.assertj.core.groups.Tuple.tuple("income_tax", Severity.INFO, "Production has an extra column income_tax"));
    }

    @Test
    void sameDistributionUnderAnUnrelatedNameIsNoRename() {
        List<Finding> findings = new RawCase()
                .train("temperature", RawCase.normal(ROWS, 3, 20, 5))
                .prod("humidity", RawCase.normal(ROWS, 4, 20, 5))
                .findings(SchemaMismatchCheck.ID);

        assertThat(findings).noneMatch(f -> f.evidence().containsKey("likelyRenamedTo"));
        assertThat(findings).anyMatch(f -> f.title().equals("Column temperature is missing from production"));
    }

    @Test
    void renamedCategoricalColumnIsFoundByItsCategoryMix() {
        String[] levels = {"north", "south", "east"};
        List<Finding> findings = new RawCase()
                .train("sales_region", RawCase.cells(ROWS, i -> levels[i % 3]))
                .prod("region", RawCase.cells(ROWS, i -> levels[(i / 2) % 3]))
                .findings(SchemaMismatchCheck.ID);

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("likelyRenamedTo", "region"));
    }

    @Test
    void unlabelledProductionIsInfoNotASchemaProblem() {
        List<Finding> findings = new RawCase()
                .both("age", RawCase.normal(ROWS, 1, 40, 10), RawCase.normal(ROWS, 2, 40, 10))
                .train("churned", RawCase.cells(ROWS, i -> i % 5 == 0 ? "1" : "0"))
                .target("churned")
                .findings(SchemaMismatchCheck.ID);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.detail()).contains("not a schema problem");
        });
    }

    @Test
    void nameSimilarityRewardsSharedWordsAndSpelling() {
        assertThat(SchemaMismatchCheck.nameSimilarity("cust_email", "customer_email")).isGreaterThanOrEqualTo(0.5);
        assertThat(SchemaMismatchCheck.nameSimilarity("loanAmount", "loan_amount")).isEqualTo(1.0);
        assertThat(SchemaMismatchCheck.nameSimilarity("temperature", "humidity")).isLessThan(0.5);
    }
}
