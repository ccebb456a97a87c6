package org.modellens.app.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.app.ui.RecentProjects;
import org.modellens.app.ui.WorkbenchViewModel;
import org.modellens.app.ui.drift.DriftViewModel;
import org.modellens.app.ui.edgecases.EdgeCasesViewModel;
import org.modellens.causes.Cause;
import org.modellens.checks.AffectedRows;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.report.CauseWords;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * Issue 17.2, causes first, on the view-models (no window): the Overview lists the core's causes in
 * rank order with their findings and impact, opens on the costliest one so that every page shows it,
 * and knows which columns the model reads. The sample case, diagnosed with its model and reference.
 */
class OverviewCausesTest {

    private static final Path CASE = Path.of("../sample-data/case");

    private static DiagnosticReport sample;
    private static DiagnosticReport withoutModel;

    private final List<Runnable> background = new ArrayList<>();

    @BeforeAll
    static void diagnose() throws Exception {
        sample = Diagnosis.run(new DiagnosisRequest(CASE.resolve("train.csv"), CASE.resolve("prod.csv"), "defaulted", "auto",
                Set.of(), Set.of(), Settings.defaults(), CASE.resolve("model.json"), List.of(), null,
                CASE.resolve("reference.csv"), null, null), ProgressListener.NONE);
        withoutModel = Diagnosis.run(new DiagnosisRequest(CASE.resolve("train.csv"), CASE.resolve("prod.csv"), "defaulted",
                "auto", Set.of(), Set.of(), Settings.defaults()), ProgressListener.NONE);
    }

    private WorkbenchViewModel showing(DiagnosticReport report) {
        WorkbenchViewModel workbench = new WorkbenchViewModel(background::add, new RecentProjects(null));
        workbench.show(report);
        return workbench;
    }

    @Test
    void theCausesAreTheCoresInRankOrderEachWithItsFindingsAndWhatItCosts() {
        OverviewViewModel overview = showing(sample).overview();

        List<CauseRow> shown = overview.causes();
        assertThat(shown).hasSize(sample.causes().size()).isNotEmpty();
        for (int i = 0; i < shown.size(); i++) {
            Cause cause = sample.causes().get(i);
            CauseRow row = shown.get(i);
            assertThat(row.rank()).isEqualTo(i + 1).isEqualTo(cause.rank());
            assertThat(row.title()).isEqualTo(cause.title());
            assertThat(row.findings()).containsExactlyElementsOf(cause.findings().stream().map(sample.findings()::get).toList());
            assertThat(row.findings()).contains(row.lead());
            assertThat(row.impact()).isEqualTo(CauseWords.impact(cause, sample));
        }
        // The costliest cause is measured against the model: what repairing it wins back, in the PDF's words.
        assertThat(shown.get(0).modelInput()).isTrue();
        assertThat(shown.get(0).impact()).startsWith("A model input").contains("AUC");
        assertThat(overview.performanceProperty().get()).contains("on the held-out reference data");
        assertThat(overview.verdictTextProperty().get()).startsWith("FAIL");
    }

    @Test
    void theCostliestCauseIsSelectedAtStartSoDriftExplanationsAndEdgeCasesShowIt() {
        WorkbenchViewModel workbench = showing(sample);
        CauseRow top = workbench.overview().causes().get(0);
        String column = top.features().get(0);

        assertThat(workbench.overview().selectedCauseProperty().get()).isEqualTo(top);
        assertThat(workbench.selection().finding()).isEqualTo(top.lead());
        assertThat(workbench.selection().feature()).isEqualTo(column);
        assertThat(workbench.drift().featureProperty().get()).isEqualTo(column);
        assertThat(workbench.drift().kindProperty().get()).isNotEqualTo(DriftViewModel.Kind.NONE);
        assertThat(workbench.explanations().dependenceFeatureProperty().get()).isEqualTo(column);
        assertThat(workbench.explanations().dependence()).isNotEmpty();
        // Edge cases list row-level findings; a distribution shift on top (the sample's income drift) has none to list.
        Finding lead = top.lead();
        boolean rowLevel = EdgeCasesViewModel.CHECKS.contains(lead.check()) && lead.rows() != null && lead.rows().count() > 0;
        assertThat(workbench.edgeCases().rows().isEmpty()).as("affected rows of the top cause (%s)", lead.check())
                .isEqualTo(!rowLevel);
    }

    @Test
    void aFindingPickedAnywhereShowsTheCauseItBelongsTo() {
        WorkbenchViewModel workbench = showing(sample);
        CauseRow third = workbench.overview().causes().get(2);
        Finding other = third.findings().get(third.findings().size() - 1);

        workbench.edgeCases().select(other);

        assertThat(workbench.overview().selectedCauseProperty().get()).isEqualTo(third);
        assertThat(workbench.selection().finding()).isEqualTo(other);
    }

    @Test
    void selectingACauseAboutNoColumnKeepsAColumnForTheOtherPages() {
        WorkbenchViewModel workbench = showing(sample);
        OverviewViewModel overview = workbench.overview();
        Finding duplicates = finding("duplicate-rows", null, "3.0% duplicates", 90);
        CauseRow datasetLevel = new CauseRow(99, "duplicates", List.of(), false, Severity.WARN, "duplicates", "",
                "drop them", List.of(duplicates), duplicates);
        workbench.selection().clear();

        overview.selectCause(datasetLevel);

        assertThat(workbench.selection().finding()).isEqualTo(datasetLevel.lead());
        assertThat(workbench.selection().feature()).isEqualTo(overview.causes().get(0).features().get(0));
    }

    @Test
    void theModelsInputsAreKnownToEveryListThatMarksThem() {
        WorkbenchViewModel workbench = showing(sample);
        List<String> inputs = sample.model().features();
        String notInput = sample.features().stream().map(f -> f.name()).filter(n -> !inputs.contains(n)).findFirst().orElseThrow();

        for (String input : inputs) {
            assertThat(workbench.overview().isModelInput(input)).as(input).isTrue();
            assertThat(workbench.features().isModelInput(input)).as(input).isTrue();
            assertThat(workbench.drift().isModelInput(input)).as(input).isTrue();
            assertThat(workbench.edgeCases().isModelInput(input)).as(input).isTrue();
        }
        assertThat(workbench.drift().modelInputProperty().get()).as("the column shown on Drift, the top cause's").isTrue();
        workbench.selection().selectFeature(notInput);
        assertThat(workbench.drift().modelInputProperty().get()).isFalse();
        assertThat(workbench.overview().isModelInput(notInput)).isFalse();
        assertThat(workbench.features().isModelInput(notInput)).isFalse();
        assertThat(workbench.drift().isModelInput(notInput)).isFalse();
        assertThat(workbench.overview().isModelInput(null)).isFalse();

        WorkbenchViewModel noModel = showing(withoutModel);
        assertThat(inputs).noneMatch(noModel.overview()::isModelInput).noneMatch(noModel.features()::isModelInput);
        assertThat(noModel.overview().causes()).isNotEmpty().noneMatch(CauseRow::modelInput);
    }

    @Test
    void aCauseIsToldByTheFindingNamedLikeItElseByTheMostSpecificWithRowsOnItsColumn() {
        Finding drift = finding("feature-drift", "rate", "rate shifted", 0);
        Finding outOfRange = finding("out-of-range", "rate", "rate out of range", 3000);
        Finding unit = finding("unit-mismatch", "rate", "rate is 100 times larger", 3000);
        Finding dataset = finding("dataset-drift", null, "a classifier tells them apart", 0);

        assertThat(CauseRow.lead("rate is 100 times larger", List.of("rate"), List.of(drift, outOfRange, unit, dataset)))
                .isEqualTo(unit);
        assertThat(CauseRow.lead("the rate changed unit", List.of("rate"), List.of(dataset, drift, outOfRange, unit)))
                .as("no title matches: the most specific finding with rows on the cause's column").isEqualTo(unit);
        assertThat(CauseRow.lead("the rate changed", List.of("rate"), List.of(dataset, drift, outOfRange)))
                .isEqualTo(outOfRange);
        assertThat(CauseRow.lead("the rate changed", List.of("rate"), List.of(dataset, drift))).isEqualTo(drift);
    }

    private static Finding finding(String check, String feature, String title, long rows) {
        return new Finding(check, feature, Severity.FAIL, title, title + " (detail)", Map.of(),
                rows == 0 ? null : new AffectedRows(rows, List.of(0, 1, 2)));
    }
}
