package org.modellens.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ReadOnlyObjectWrapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.app.ui.charts.Ecdf;
import org.modellens.app.ui.drift.CategoryBar;
import org.modellens.app.ui.drift.DriftViewModel;
import org.modellens.app.ui.edgecases.EdgeCasesViewModel;
import org.modellens.app.ui.explanations.ExplanationsViewModel;
import org.modellens.app.ui.explanations.WaterfallStep;
import org.modellens.app.ui.features.FeatureRow;
import org.modellens.app.ui.features.FeaturesViewModel;
import org.modellens.app.ui.model.ModelViewModel;
import org.modellens.app.ui.overview.OverviewViewModel;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.profile.FeatureComparison;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.Explanations;
import org.modellens.report.ModelSection;
import org.modellens.settings.Settings;

/**
 * The view-models over a real report (the sample case diagnosed by the core), without any node:
 * what each page shows and how a selection in one page moves the others.
 */
class ViewModelsTest {

    private static final Path TRAIN = Path.of("../sample-data/case/train.csv");
    private static final Path PROD = Path.of("../sample-data/case/prod.csv");
    private static DiagnosticReport sample;
    private static List<String[]> prodRows;

    private final ReadOnlyObjectWrapper<DiagnosticReport> report = new ReadOnlyObjectWrapper<>();
    private final Selection selection = new Selection();

    @BeforeAll
    static void diagnoseSample() throws Exception {
        sample = Diagnosis.run(new DiagnosisRequest(TRAIN, PROD, "defaulted", "auto", Set.of(), Set.of(), Settings.defaults()),
                ProgressListener.NONE);
        // The sample CSV has no quoted fields: a plain split reads it independently of the core's reader.
        prodRows = Files.readAllLines(PROD, StandardCharsets.UTF_8).stream().skip(1).map(line -> line.split(",", -1)).toList();
    }

    @Test
    void overviewCountsAndFiltersFindingsByCheckAndSeverity() {
        OverviewViewModel overview = new OverviewViewModel(report.getReadOnlyProperty(), selection);
        report.set(sample);

        assertThat(overview.verdictProperty().get()).isEqualTo("fail");
        long fails = sample.findings().stream().filter(f -> f.severity() == Severity.FAIL).count();
        assertThat(overview.failCountProperty().get()).isEqualTo(fails);
        assertThat(overview.findings()).hasSize(sample.findings().size());

        overview.checkFilterProperty().set("out-of-range");
        assertThat(overview.findings()).isNotEmpty().allMatch(f -> f.check().equals("out-of-range"));
        overview.showSeverity(Severity.FAIL, false);
        assertThat(overview.findings()).allMatch(f -> f.check().equals("out-of-range") && f.severity() != Severity.FAIL)
                .hasSize((int) sample.findings().stream().filter(f -> f.check().equals("out-of-range") && f.severity() != Severity.FAIL).count());
        overview.checkFilterProperty().set(OverviewViewModel.ALL_CHECKS);
        overview.showSeverity(Severity.FAIL, true);
        assertThat(overview.findings()).hasSize(sample.findings().size());
    }

    @Test
    void selectingAFeatureMovesDriftEdgeCasesAndExplanations() {
        FeaturesViewModel features = new FeaturesViewModel(report.getReadOnlyProperty(), selection);
        DriftViewModel drift = new DriftViewModel(report.getReadOnlyProperty(), selection);
        EdgeCasesViewModel edges = new EdgeCasesViewModel(report.getReadOnlyProperty(), selection);
        ExplanationsViewModel explanations = new ExplanationsViewModel(report.getReadOnlyProperty(), selection);
        report.set(sample);

        FeatureRow months = features.rows().stream().filter(r -> r.name().equals("months_employed")).findFirst().orElseThrow();
        features.select(months);

        assertThat(drift.featureProperty().get()).isEqualTo("months_employed");
        assertThat(drift.kindProperty().get()).isEqualTo(DriftViewModel.Kind.NUMERIC);
        assertThat(explanations.dependenceFeatureProperty().get()).isEqualTo("months_employed");
        // The edge-case page shows the column's missing-values finding and its rows.
        assertThat(edges.rowColumns().get(1)).isEqualTo("months_employed");
        assertThat(edges.rows()).isNotEmpty();
        int monthsColumn = indexOf("months_employed");
        for (List<String> row : edges.rows()) {
            String[] csv = prodRows.get(Integer.parseInt(row.get(0)));
            assertThat(row.get(1)).isEqualTo(csv[monthsColumn].isEmpty() ? Text.get("edge.rows.missing") : csv[monthsColumn]);
        }
    }

    @Test
    void aPValueTooSmallForADoubleReadsLessThanTheSmallestNotZero() {
        FeaturesViewModel features = new FeaturesViewModel(report.getReadOnlyProperty(), selection);
        DriftViewModel drift = new DriftViewModel(report.getReadOnlyProperty(), selection);
        report.set(sample);
        // interest_rate arrives x100: the two samples do not overlap, so scipy's KS p-value underflows to 0.
        features.select(features.rows().stream().filter(r -> r.name().equals("interest_rate")).findFirst().orElseThrow());

        assertThat(drift.statistics()).filteredOn(row -> row.label().equals(Text.get("stat.label.ksPValue")))
                .singleElement().extracting(StatisticRow::value).isEqualTo("< 1e-300");
    }

    @Test
    void featuresTableSearchesByNameAndKeepsOnlyColumnsWithFindings() {
        FeaturesViewModel features = new FeaturesViewModel(report.getReadOnlyProperty(), selection);
        report.set(sample);
        assertThat(features.rows()).hasSize(sample.features().size());

        features.searchProperty().set("LOAN_");
        assertThat(features.rows()).extracting(FeatureRow::name).containsExactlyInAnyOrder("loan_amount", "loan_term_months", "loan_purpose");
        features.searchProperty().set("");
        features.onlyWithFindingsProperty().set(true);
        Set<String> named = new java.util.HashSet<>();
        sample.findings().stream().map(Finding::feature).filter(java.util.Objects::nonNull).forEach(named::add);
        assertThat(features.rows()).extracting(FeatureRow::name).containsExactlyInAnyOrderElementsOf(
                sample.features().stream().map(FeatureComparison::name).filter(named::contains).toList());
        FeatureRow income = features.allRows().stream().filter(r -> r.name().equals("income")).findFirst().orElseThrow();
        assertThat(income.worst()).isEqualTo(Severity.FAIL);
        assertThat(income.driftName()).isEqualTo("KS");
    }

    @Test
    void theMarkedEcdfGapIsTheReportsKsDistanceForEveryNumericColumn() {
        int checked = 0;
        for (FeatureComparison c : sample.features()) {
            if (c.drift() != null && c.drift().isNumeric()) {
                Ecdf ecdf = Ecdf.of(c.trainSorted(), c.prodSorted());
                assertThat(ecdf.gap()).as(c.name()).isCloseTo(c.drift().ks().statistic(), within(1e-12));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void categoricalDriftHighlightsUnseenCategories() {
        DriftViewModel drift = new DriftViewModel(report.getReadOnlyProperty(), selection);
        report.set(sample);
        selection.selectFeature("loan_purpose");

        assertThat(drift.kindProperty().get()).isEqualTo(DriftViewModel.Kind.CATEGORICAL);
        FeatureComparison purpose = sample.features().stream().filter(f -> f.name().equals("loan_purpose")).findFirst().orElseThrow();
        for (CategoryBar bar : drift.categories()) {
            assertThat(bar.unseen()).as(bar.label()).isEqualTo(!purpose.trainCategories().contains(bar.label()));
            assertThat(bar.prod()).isCloseTo((double) purpose.prodCategories().count(bar.label()) / purpose.prodCategories().total(), within(1e-12));
        }
        assertThat(drift.categories()).anyMatch(CategoryBar::unseen);
        assertThat(drift.statistics()).extracting(StatisticRow::label).contains(Text.get("stat.label.totalVariation"));
    }

    @Test
    void aMulticlassReportOffersAClassChooserDefaultingToThePredictedClass() {
        ExplanationsViewModel explanations = new ExplanationsViewModel(report.getReadOnlyProperty(), selection);
        DiagnosticReport withModel = TestReports.withModel(sample);
        // Rows 0 and 5 explained for every class of a three-class model; row 0 predicted "b", row 5 "c".
        List<Explanations.RowExplanation> rows = new java.util.ArrayList<>();
        for (int row : new int[] {0, 5}) {
            for (String c : List.of("a", "b", "c")) {
                rows.add(new Explanations.RowExplanation(row, c.equals("a") ? 0.1 : 0.45, 0.5, 0.1,
                        Map.of("income", 0.4), c, row == 0 ? "b" : "c"));
            }
        }
        Explanations multi = new Explanations("margin", "tree-shap", withModel.explanations().globalTrain(),
                withModel.explanations().globalProd(), rows);
        report.set(new DiagnosticReport(withModel.toolVersion(), withModel.inputs(), withModel.findings(),
                withModel.features(), withModel.settings(), withModel.model(), multi));

        assertThat(explanations.classes()).containsExactly(ExplanationsViewModel.PREDICTED_CLASS, "a", "b", "c");
        assertThat(explanations.explainedClassProperty().get()).isEqualTo(ExplanationsViewModel.PREDICTED_CLASS);
        assertThat(explanations.rows()).extracting(Explanations.RowExplanation::outputClass).containsExactly("b", "c");
        assertThat(ExplanationsViewModel.describe(explanations.rows().get(0)))
                .isEqualTo("row 0 \u00b7 class b: probability 0.45 (predicted: b)");

        explanations.explainedClassProperty().set("a");
        assertThat(explanations.rows()).extracting(Explanations.RowExplanation::rowIndex).containsExactly(0, 5);
        assertThat(explanations.rows()).allSatisfy(r -> assertThat(r.outputClass()).isEqualTo("a"));
        assertThat(explanations.rowProperty().get().outputClass()).isEqualTo("a");
        assertThat(ExplanationsViewModel.describeClass("a")).isEqualTo("class a");
        assertThat(ExplanationsViewModel.describeClass(ExplanationsViewModel.PREDICTED_CLASS))
                .isEqualTo("each row's predicted class");
    }

    @Test
    void withoutAModelTheModelAndExplanationPagesSaySo() {
        ModelViewModel model = new ModelViewModel(report.getReadOnlyProperty());
        ExplanationsViewModel explanations = new ExplanationsViewModel(report.getReadOnlyProperty(), selection);
        report.set(sample);

        assertThat(model.availableProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("No model given");
        assertThat(explanations.availableProperty().get()).isFalse();
        assertThat(explanations.messageProperty().get()).startsWith("No model given");
    }

    @Test
    void aModelThatCannotScoreSaysWhyOnTheModelAndExplanationPages() throws Exception {
        Path corpus = Path.of("../diagnostics-core/src/test/resources/org/modellens/corpus/train.csv");
        DiagnosticReport unscored = Diagnosis.run(new DiagnosisRequest(corpus, corpus, null, "auto", Set.of(), Set.of(),
                Settings.defaults(), Path.of("../sample-data/case/model.json"), List.of(), null), ProgressListener.NONE);
        ModelViewModel model = new ModelViewModel(report.getReadOnlyProperty());
        ExplanationsViewModel explanations = new ExplanationsViewModel(report.getReadOnlyProperty(), selection);
        report.set(unscored);

        assertThat(model.summaryProperty().get()).contains("The model cannot score production").contains("lacks");
        assertThat(explanations.availableProperty().get()).isFalse();
        assertThat(explanations.messageProperty().get()).contains("The model cannot score production")
                .doesNotContain(Text.get("explain.empty.noModel"));
    }

    @Test
    void withAModelTheyShowMetricsCurvesWaterfallAndDependence() {
        ModelViewModel model = new ModelViewModel(report.getReadOnlyProperty());
        ExplanationsViewModel explanations = new ExplanationsViewModel(report.getReadOnlyProperty(), selection);
        report.set(TestReports.withModel(sample));

        assertThat(model.availableProperty().get()).isTrue();
        assertThat(model.metrics()).extracting(m -> m.metric()).containsExactly("auc", "brier");
        assertThat(model.metrics().get(0).change()).isEqualTo("-0.12");
        assertThat(model.roc()).hasSize(2);
        assertThat(model.calibration()).hasSize(1);
        assertThat(model.cost()).hasSize(5);

        assertThat(explanations.availableProperty().get()).isTrue();
        assertThat(explanations.importance().get(0).feature()).isEqualTo("interest_rate");
        List<WaterfallStep> steps = explanations.waterfall();
        // base, the ten largest contributions, the other two pooled, the output.
        assertThat(steps).hasSize(1 + 10 + 1 + 1);
        WaterfallStep last = steps.get(steps.size() - 2);
        Explanations.RowExplanation row0 = explanations.rows().get(0);
        assertThat(last.end()).isCloseTo(row0.margin(), within(1e-9));
        assertThat(steps.get(steps.size() - 1).end()).isEqualTo(row0.margin());
        assertThat(steps.get(1).label()).startsWith("interest_rate = " + prodRows.get(row0.rowIndex())[indexOf("interest_rate")]);

        selection.selectFeature("income");
        // Each side's sampled rows, production's values read from the production file.
        assertThat(explanations.dependence()).hasSize(2 * explanations.rows().size());
        int income = indexOf("income");
        explanations.dependence().stream().filter(p -> p.production()).forEach(p ->
                assertThat(p.value()).isEqualTo(Double.parseDouble(prodRows.get(p.rowIndex())[income])));
    }

    private static String[] header() {
        try {
            return Files.readAllLines(PROD, StandardCharsets.UTF_8).get(0).split(",");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(String column) {
        return List.of(header()).indexOf(column);
    }

    @Test
    void tooltipsSayWhatAStatisticMeansAndTheThresholdsInForce() {
        Map<String, Double> settings = sample.settings();
        assertThat(StatisticHelp.tooltip("feature-drift", "ks", settings))
                .contains("largest vertical gap").contains("Warn at 0.1, fail at 0.2.");
        assertThat(StatisticHelp.tooltip("out-of-range", "share", settings)).contains("Warn at 0.01, fail at 0.05.");
        assertThat(StatisticHelp.tooltip("outliers", "share", settings)).contains("Warn at 0.001, fail at 0.01.");
        assertThat(StatisticHelp.tooltip("missing-values", "pValue", settings)).contains("below 0.01");
        assertThat(StatisticHelp.tooltip("feature-drift", "wasserstein", settings)).contains(Text.get("stat.notJudged"));
    }
}
