package org.modellens.causes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.report.DiagnosticReport;

/**
 * Each rule of {@link CauseRules} on a planted case (no model): the planted problem is one cause of the
 * right kind, holding the symptoms the rule says it explains, and nothing else alarms on its own.
 */
class CauseRulesTest {

    @TempDir
    Path dir;

    /** The one cause of a kind, checked against the laws of causes first. */
    private static Cause only(DiagnosticReport report, String kind) {
        CauseInvariants.check(report);
        List<Cause> matching = report.causes().stream().filter(c -> c.kind().equals(kind)).toList();
        assertThat(matching).as("causes: %s", titles(report)).hasSize(1);
        return matching.get(0);
    }

    private static Set<String> checks(DiagnosticReport report, Cause cause) {
        return cause.findings().stream().map(i -> report.findings().get(i).check()).collect(Collectors.toSet());
    }

    private static List<String> titles(DiagnosticReport report) {
        return report.causes().stream().map(c -> c.kind() + ": " + c.title()).toList();
    }

    @Test
    void aCleanControlHasNoCause() {
        DiagnosticReport report = PlantedCase.diagnose(dir, prod -> { });

        CauseInvariants.check(report);
        assertThat(report.causes()).as("causes: %s", titles(report)).isEmpty();
    }

    @Test
    void aUnitChangeAbsorbsTheColumnsDriftRangeAndOutliers() {
        DiagnosticReport report = PlantedCase.diagnose(dir,
                prod -> prod.set("rate", (row, v) -> PlantedCase.format("%.2f", Double.parseDouble(v) * 100)));

        Cause cause = only(report, "unit-change");
        assertThat(cause.features()).containsExactly("rate");
        assertThat(checks(report, cause)).contains("unit-mismatch", "feature-drift", "out-of-range", "outliers");
        assertThat(report.causes()).hasSize(1);
        assertThat(cause.whatToDo()).contains("divide by 100");
    }

    @Test
    void someRowsInAnotherUnitAreAUnitChangeOfThoseRows() {
        IntPredicate typo = PlantedCase.share(0.03, 5);
        DiagnosticReport report = PlantedCase.diagnose(dir, prod -> prod.set("amount",
                (row, v) -> typo.test(row) ? PlantedCase.format("%.2f", Double.parseDouble(v) * 1000) : v));

        Cause cause = only(report, "unit-change");
        assertThat(cause.features()).containsExactly("amount");
        assertThat(checks(report, cause)).contains("unit-mismatch", "out-of-range", "outliers");
        assertThat(cause.impact().rows()).isBetween(60L, 120L);
    }

    @Test
    void aRenameAbsorbsTheSchemaMismatchOfBothNames() {
        DiagnosticReport report = PlantedCase.diagnose(dir, prod -> prod.rename("score", "score_v2"));

        Cause cause = only(report, "renamed-column");
        assertThat(cause.features()).containsExactly("score", "score_v2");
        // score predicts the label, so its absence also reads as "unavailable at serving time": the rename explains it.
        assertThat(checks(report, cause)).containsExactlyInAnyOrder("schema-mismatch", "leakage");
        assertThat(report.causes()).hasSize(1);
        assertThat(report.findings().stream().filter(f -> "score_v2".equals(f.feature())))
                .allMatch(f -> cause.findings().contains(report.findings().indexOf(f)));
        assertThat(cause.whatToDo()).contains("score_v2").contains("score");
    }

    @Test
    void numbersArrivingAsTextAreOneCause() {
        IntPredicate text = PlantedCase.share(0.08, 6);
        DiagnosticReport report = PlantedCase.diagnose(dir, prod -> prod.set("amount",
                (row, v) -> text.test(row) ? "$" + v : v));

        Cause cause = only(report, "text-numbers");
        assertThat(cause.features()).containsExactly("amount");
        assertThat(checks(report, cause)).contains("type-mismatch");
        assertThat(report.causes()).hasSize(1);
    }

    @Test
    void aConstantFillInTrainingIsTheCauseAndOnlyAWarning() {
        DiagnosticReport report = PlantedCase.diagnose(dir, train -> train.set("rate", (row, v) -> "0.1500"), prod -> { });

        Cause cause = only(report, "constant-in-training");
        assertThat(cause.features()).containsExactly("rate");
        assertThat(checks(report, cause)).contains("constant-feature", "out-of-range", "feature-drift");
        // Every production value is "out of range" of a one-value training column: a symptom of the fill, not a failure.
        assertThat(cause.severity()).isEqualTo(Severity.WARN);
        assertThat(report.findings().stream().filter(f -> "rate".equals(f.feature())).map(Finding::severity))
                .doesNotContain(Severity.FAIL);
        assertThat(report.causes()).hasSize(1);
    }

    @Test
    void aConstantCategoryInTrainingIsTheCauseOfItsNewCategories() {
        DiagnosticReport report = PlantedCase.diagnose(dir, train -> train.set("channel", (row, v) -> "web"), prod -> { });

        Cause cause = only(report, "constant-in-training");
        assertThat(checks(report, cause)).contains("constant-feature", "unseen-category");
        assertThat(report.causes()).hasSize(1);
    }

    @Test
    void aColumnStuckInProductionAbsorbsItsDrift() {
        DiagnosticReport report = PlantedCase.diagnose(dir, prod -> prod.set("channel", (row, v) -> "web"));

        Cause cause = only(report, "stuck-in-production");
        assertThat(checks(report, cause)).contains("constant-feature", "feature-drift");
        assertThat(report.causes()).hasSize(1);
    }

    @Test
    void aMissingValueJumpIsOneCause() {
        IntPredicate empty = PlantedCase.share(0.3, 7);
        DiagnosticReport report = PlantedCase.diagnose(dir, prod -> prod.set("score", (row, v) -> empty.test(row) ? "" : v));

        Cause cause = only(report, "missing-values");
        assertThat(cause.features()).containsExactly("score");
        assertThat(cause.impact().rowShare()).isBetween(0.25, 0.35);
    }

    @Test
    void unseenCategoriesAbsorbTheChangedCategoryMix() {
        IntPredicate fresh = PlantedCase.share(0.15, 8);
        DiagnosticReport report = PlantedCase.diagnose(dir, prod -> prod.set("grade", (row, v) -> fresh.test(row) ? "E" : v));

        Cause cause = only(report, "unseen-categories");
        assertThat(checks(report, cause)).contains("unseen-category", "feature-drift");
        assertThat(report.causes()).hasSize(1);
    }

    @Test
    void aLeakAbsorbsItsColumnBeingStuckInProduction() {
        IntPredicate noise = PlantedCase.share(0.02, 9);
        DiagnosticReport report = PlantedCase.diagnose(dir,
                train -> train.add("collected", (row, v) -> noise.test(row) ? "0" : train.rows.get(row)[train.column("label")]),
                prod -> prod.add("collected", (row, v) -> "0"));

        Cause cause = only(report, "leakage");
        assertThat(cause.features()).containsExactly("collected");
        assertThat(checks(report, cause)).contains("leakage", "constant-feature");
        // No model given: nothing is known about its use, so the advice is about the data.
        assertThat(cause.whatToDo()).doesNotContain("does not use");
        assertThat(report.causes().stream().map(Cause::kind)).doesNotContain("stuck-in-production", "concept-shift");
    }

    @Test
    void duplicatedRowsAreOneCause() {
        DiagnosticReport report = PlantedCase.diagnose(dir, prod -> {
            for (int i = 0; i < 150; i++) {
                prod.rows.set(PlantedCase.ROWS - 1 - i, prod.rows.get(i).clone());
            }
        });

        Cause cause = only(report, "duplicates");
        assertThat(cause.features()).isEmpty();
        assertThat(cause.impact().rows()).isEqualTo(150);
    }

    @Test
    void personalDataIsOneCausePerColumn() {
        DiagnosticReport report = PlantedCase.diagnose(dir,
                train -> train.add("email", (row, v) -> "user" + row + "@example.org"),
                prod -> prod.add("email", (row, v) -> "client" + row + "@example.net"));

        Cause cause = only(report, "personal-data");
        assertThat(cause.features()).containsExactly("email");
        assertThat(cause.title()).doesNotContain("@example");
    }

    @Test
    void aChangedOutcomeRateIsALabelShift() {
        IntPredicate flip = PlantedCase.share(0.12, 10);
        DiagnosticReport report = PlantedCase.diagnose(dir, prod -> prod.set("label", (row, v) -> flip.test(row) ? "1" : v));

        Cause cause = only(report, "label-shift");
        assertThat(cause.features()).containsExactly("label");
        assertThat(checks(report, cause)).containsExactly("label-drift");
    }

    @Test
    void aDriftWithNoPipelineCauseIsACovariateShiftOfItsColumn() {
        DiagnosticReport report = PlantedCase.diagnose(dir,
                prod -> prod.set("score", (row, v) -> PlantedCase.format("%.0f", Double.parseDouble(v) + 40)));

        Cause cause = only(report, "covariate-shift");
        assertThat(cause.features()).containsExactly("score");
        assertThat(cause.title()).contains("higher");
        assertThat(cause.impact().rowShare()).isEqualTo(1.0);
    }

    @Test
    void valuesBeyondTheRangeWithoutADriftAreARangeShift() {
        IntPredicate beyond = PlantedCase.share(0.04, 11);
        DiagnosticReport report = PlantedCase.diagnose(dir, prod -> prod.set("rate",
                (row, v) -> beyond.test(row) ? PlantedCase.format("%.4f", 0.31 + 0.05 * (row % 7) / 7.0) : v));

        Cause cause = only(report, "range-shift");
        assertThat(checks(report, cause)).contains("out-of-range");
    }

    @Test
    void withoutAModelCausesGoBySeverityThenRows() {
        IntPredicate empty = PlantedCase.share(0.3, 7);
        IntPredicate fresh = PlantedCase.share(0.02, 8);
        DiagnosticReport report = PlantedCase.diagnose(dir, prod -> {
            prod.set("score", (row, v) -> empty.test(row) ? "" : v);
            prod.set("grade", (row, v) -> fresh.test(row) ? "E" : v);
            prod.set("channel", (row, v) -> "web");
            for (int i = 0; i < 30; i++) {
                prod.rows.set(PlantedCase.ROWS - 1 - i, prod.rows.get(i).clone());
            }
        });

        CauseInvariants.check(report);
        List<Cause> causes = report.causes();
        for (int i = 1; i < causes.size(); i++) {
            Cause before = causes.get(i - 1);
            Cause after = causes.get(i);
            assertThat(before.severity().compareTo(after.severity()) > 0
                    || before.severity() == after.severity() && before.impact().rows() >= after.impact().rows())
                    .as("%s before %s", before.title(), after.title()).isTrue();
        }
        assertThat(causes.stream().map(Cause::kind)).contains("missing-values", "unseen-categories", "stuck-in-production",
                "duplicates");
    }
}
