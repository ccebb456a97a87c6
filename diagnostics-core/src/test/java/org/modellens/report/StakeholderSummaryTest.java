package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;

/** What the stakeholder summary names first. */
class StakeholderSummaryTest {

    private static Finding finding(String check, String feature, Severity severity, String title) {
        return new Finding(check, feature, severity, title, title + ".", Map.of(), null);
    }

    private static DiagnosticReport report(List<Finding> findings) {
        return new DiagnosticReport("test", null, findings, List.of(), Map.of(), null, null);
    }

    @Test
    void theModelsQualityDropLeadsAmongEquallyGraveSubjects() {
        StakeholderSummary summary = StakeholderSummary.of(report(List.of(
                finding("feature-drift", "income", Severity.FAIL, "income shifted"),
                finding("out-of-range", "age", Severity.FAIL, "age out of range"),
                finding("performance-drop", null, Severity.FAIL, "the model ranks production cases worse"),
                finding("missing-values", "tenure", Severity.WARN, "tenure often empty"))));
        assertThat(summary.whatChanged()).containsExactly("the model ranks production cases worse", "income shifted",
                "age out of range");
        assertThat(summary.alsoAffected()).containsExactly("tenure");
    }

    /** "Also affected" names columns, and dataset-level causes in words: never an identifier like concept-shift. */
    @Test
    void alsoAffectedNamesColumnsOrSaysDatasetCausesInWords() {
        DiagnosticReport report = ReportFixtures.sampleDiagnosedWithModel();
        java.util.Set<String> columns = new java.util.HashSet<>();
        report.inputs().train().columns().forEach(c -> columns.add(c.name()));
        report.inputs().prod().columns().forEach(c -> columns.add(c.name()));
        List<String> also = StakeholderSummary.of(report).alsoAffected();
        assertThat(also).contains("duplicate rows", "the outcome for the same inputs (concept shift)");
        for (String entry : also) {
            for (String part : entry.split(", ")) {
                assertThat(columns.contains(part) || part.contains(" ")).as(part + " is a column or words").isTrue();
            }
        }
        StakeholderSummary byFindings = StakeholderSummary.of(report(List.of(
                finding("feature-drift", "a", Severity.FAIL, "a"), finding("feature-drift", "b", Severity.FAIL, "b"),
                finding("feature-drift", "c", Severity.FAIL, "c"), finding("duplicate-rows", null, Severity.WARN, "dups"))));
        assertThat(byFindings.alsoAffected()).containsExactly("duplicate rows");
    }

    @Test
    void aGraverFindingStillComesBeforeAnEstimatedDrop() {
        StakeholderSummary summary = StakeholderSummary.of(report(List.of(
                finding("schema-mismatch", "dependents", Severity.FAIL, "dependents renamed"),
                finding("performance-drop", null, Severity.WARN, "estimated AUC fell"))));
        assertThat(summary.whatChanged()).containsExactly("dependents renamed", "estimated AUC fell");
    }

    @Test
    void oneSentencePerColumnToldByItsCause() {
        StakeholderSummary summary = StakeholderSummary.of(report(List.of(
                finding("feature-drift", "interest_rate", Severity.FAIL, "interest_rate shifted"),
                finding("unit-mismatch", "interest_rate", Severity.FAIL, "interest_rate is 100 times larger"))));
        assertThat(summary.whatChanged()).containsExactly("interest_rate is 100 times larger");
    }
}
