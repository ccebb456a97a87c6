package org.modellens.app.ui.explanations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
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
import org.modellens.app.ui.Formats;
import org.modellens.app.ui.Selection;
import org.modellens.app.ui.Text;
import org.modellens.data.Column;
import org.modellens.explain.ExplainRows;
import org.modellens.explain.Interactions;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.Explanations.RowExplanation;
import org.modellens.report.Explanations.SampleAttributions;
import org.modellens.report.Explanations;
import org.modellens.settings.Settings;

/**
 * The Explanations page's plots on the sample case with its XGBoost model (exact TreeSHAP from the
 * core): the beeswarm, the dependence plot with its planted unit change, the interaction colouring,
 * the row picker and the waterfall; and on a multiclass model, the class choice driving them all.
 */
class ExplanationsPlotsTest {

    private static DiagnosticReport sample;
    private final ReadOnlyObjectWrapper<DiagnosticReport> report = new ReadOnlyObjectWrapper<>();
    private final Selection selection = new Selection();
    private final ExplanationsViewModel model = new ExplanationsViewModel(report.getReadOnlyProperty(), selection);

    @BeforeAll
    static void diagnose() throws Exception {
        sample = Diagnosis.run(new DiagnosisRequest(Path.of("../sample-data/case/train.csv"), Path.of("../sample-data/case/prod.csv"),
                "defaulted", "auto", Set.of(), Set.of(), Settings.defaults(), Path.of("../sample-data/case/model.json"), List.of(),
                null), ProgressListener.NONE);
    }

    @Test
    void theBeeswarmShowsEverySampledRowPerFeatureInTrainingImportanceOrderOnTrainingsColourScale() {
        report.set(sample);
        Explanations explanations = sample.explanations();
        SampleAttributions train = explanations.samplesTrain().get(0);
        // Binary: the sample's mean |SHAP| is the report's global importance, and orders the lines.
        assertThat(model.beeswarmTrain()).extracting(BeeswarmRow::feature)
                .containsExactlyElementsOf(explanations.globalTrain().keySet());
        assertThat(model.beeswarmProd()).extracting(BeeswarmRow::feature)
                .containsExactlyElementsOf(explanations.globalTrain().keySet());
        for (BeeswarmRow line : model.beeswarmTrain()) {
            assertThat(line.meanAbs()).isCloseTo(explanations.globalTrain().get(line.feature()), within(1e-12));
            assertThat(line.contributions()).containsExactly(train.contributionsOf(line.feature()).orElseThrow());
            assertThat(Arrays.stream(line.offset()).map(Math::abs).max().orElse(0)).isLessThan(1);
        }
        assertThat(model.beeswarmProd().get(0).contributions()).hasSize(explanations.samplesProd().get(0).rows().length);

        // The unit change: production's interest rates (percent) lie above every training rate (fraction),
        // so on training's colour scale every production dot of interest_rate is at the top.
        BeeswarmRow rateTrain = line(model.beeswarmTrain(), "interest_rate");
        BeeswarmRow rateProd = line(model.beeswarmProd(), "interest_rate");
        assertThat(Arrays.stream(rateProd.colour()).filter(c -> !Double.isNaN(c))).isNotEmpty().allSatisfy(c -> assertThat(c).isEqualTo(1.0));
        double[] trainColours = Arrays.stream(rateTrain.colour()).filter(c -> !Double.isNaN(c)).toArray();
        assertThat(Arrays.stream(trainColours).filter(c -> c == 0).count()).isGreaterThan(0);
        assertThat(Arrays.stream(trainColours).filter(c -> c > 0 && c < 1).count()).isGreaterThan(trainColours.length / 2);
        // months_employed has missing values in production: those dots are grey.
        Column months = sample.inputs().prod().column("months_employed").orElseThrow();
        int[] prodRows = explanations.samplesProd().get(0).rows();
        BeeswarmRow monthsProd = line(model.beeswarmProd(), "months_employed");
        for (int r = 0; r < prodRows.length; r++) {
            assertThat(Double.isNaN(monthsProd.colour()[r])).isEqualTo(months.isMissing(prodRows[r]));
        }
    }

    @Test
    void dotsOfOneBinStackInAlternatingLayersAsShapStacksThem() {
        // Five equal contributions share a bin: layers 0, +1, -1, +2, -2, over one more than the top layer.
        double[] offsets = Beeswarm.offsets(new double[] {0.5, 0.5, 0.5, 0.5, 0.5});
        assertThat(Arrays.stream(offsets).sorted().toArray()).containsExactly(new double[] {-2 / 3.0, -1 / 3.0, 0, 1 / 3.0, 2 / 3.0},
                within(1e-12));
        // Two far apart values are each alone in their bin: both on the line.
        assertThat(Beeswarm.offsets(new double[] {-1, 1})).containsExactly(0, 0);
    }

    @Test
    void theColourScaleRunsFromThe5thToThe95thPercentileAsNumpyInterpolatesThem() {
        double[] values = new double[101];
        for (int i = 0; i < 100; i++) {
            values[i] = i + 1;
        }
        values[100] = Double.NaN;
        // numpy.nanpercentile(range(1, 101), [5, 95]) = [5.95, 95.05]
        ColourScale scale = ColourScale.of(values);
        assertThat(scale.low()).isCloseTo(5.95, within(1e-12));
        assertThat(scale.high()).isCloseTo(95.05, within(1e-12));
        assertThat(scale.fraction(50.5)).isCloseTo(0.5, within(1e-12));
        assertThat(scale.fraction(1e6)).isEqualTo(1);
        assertThat(scale.fraction(Double.NaN)).isNaN();
        // Mostly one value: the 1st to 99th percentile (numpy: 0 and 0.07), then the whole range.
        double[] flat = new double[100];
        flat[99] = 7;
        assertThat(ColourScale.of(flat).low()).isZero();
        assertThat(ColourScale.of(flat).high()).isCloseTo(0.07, within(1e-12));
        double[] flatter = new double[1000];
        Arrays.fill(flatter, 995, 1000, 7);
        assertThat(ColourScale.of(flatter)).isEqualTo(new ColourScale(0, 7));
    }

    @Test
    void theDependencePlotOverlaysBothSidesAndPutsTheUnitChangedProductionCloudAHundredTimesFurtherOut() {
        report.set(sample);
        selection.selectFeature("interest_rate");
        Explanations explanations = sample.explanations();
        List<DependencePoint> train = model.dependence().stream().filter(p -> !p.production()).toList();
        List<DependencePoint> prod = model.dependence().stream().filter(DependencePoint::production).toList();
        assertThat(train).hasSize(explanations.samplesTrain().get(0).rows().length);
        assertThat(prod).hasSize(explanations.samplesProd().get(0).rows().length);
        // Each point is the row's value in its own file and the core's contribution for that row.
        Column trainRates = sample.inputs().train().column("interest_rate").orElseThrow();
        double[] phi = explanations.samplesTrain().get(0).contributionsOf("interest_rate").orElseThrow();
        for (int r = 0; r < train.size(); r++) {
            assertThat(train.get(r).value()).isEqualTo(trainRates.numbers()[train.get(r).rowIndex()]);
            assertThat(train.get(r).contribution()).isEqualTo(phi[r]);
        }
        // The planted change: a fraction in training, percent in production. Training's cloud stays within
        // 0.05-0.30, production's sits a hundred times further along the axis.
        double trainMedian = median(train.stream().mapToDouble(DependencePoint::value).toArray());
        double prodMedian = median(prod.stream().mapToDouble(DependencePoint::value).toArray());
        assertThat(train).allSatisfy(p -> assertThat(p.value()).isBetween(0.05, 0.30));
        assertThat(prod.stream().filter(p -> !Double.isNaN(p.value()))).allSatisfy(p -> assertThat(p.value()).isBetween(5.0, 30.0));
        assertThat(prodMedian / trainMedian).isBetween(90.0, 110.0);
        // Every production rate lies beyond the model's training range: one flat stretch of the trees,
        // so production's contributions do not follow the rate at all, while training's rise with it.
        assertThat(Math.abs(correlation(prod))).isLessThan(0.2);
        assertThat(correlation(train)).isGreaterThan(0.5);
        // Coloured by side by default: no point carries a value colour.
        assertThat(model.colourByProperty().get()).isEqualTo(ExplanationsViewModel.ColourBy.SIDE);
        assertThat(model.dependence()).allSatisfy(p -> assertThat(p.colour()).isNaN());
    }

    @Test
    void theInteractionColourDefaultsToTheCoresStrongestInteractionAndKeepsTheUsersChoice() {
        report.set(sample);
        selection.selectFeature("credit_score");
        SampleAttributions train = sample.explanations().samplesTrain().get(0);
        double[][] values = new double[train.features().size()][];
        for (int k = 0; k < values.length; k++) {
            double[] numbers = sample.inputs().train().column(train.features().get(k)).orElseThrow().numbers();
            values[k] = Arrays.stream(train.rows()).mapToDouble(r -> numbers[r]).toArray();
        }
        int self = train.features().indexOf("credit_score");
        int[] ranking = Interactions.ranking(values[self], train.contributionsOf("credit_score").orElseThrow(), values, self);
        assertThat(model.interactionChoices()).hasSize(train.features().size() - 1);
        assertThat(model.interactionChoices().get(0)).isEqualTo(train.features().get(ranking[0]));
        assertThat(model.interactionFeatureProperty().get()).isEqualTo(model.interactionChoices().get(0));

        model.colourByProperty().set(ExplanationsViewModel.ColourBy.INTERACTION);
        String strongest = model.interactionFeatureProperty().get();
        Column partner = sample.inputs().prod().column(strongest).orElseThrow();
        ColourScale scale = model.interactionScaleProperty().get();
        for (DependencePoint p : model.dependence().stream().filter(DependencePoint::production).toList()) {
            double value = partner.numbers()[p.rowIndex()];
            if (Double.isNaN(value)) {
                assertThat(p.colour()).isNaN();
            } else {
                assertThat(p.colour()).isEqualTo(scale.fraction(value));
            }
        }
        // A chosen partner stays chosen when another feature is plotted.
        String other = model.interactionChoices().get(model.interactionChoices().size() - 1);
        model.chooseInteraction(other);
        selection.selectFeature("income");
        if (!other.equals("income")) {
            assertThat(model.interactionFeatureProperty().get()).isEqualTo(other);
        }
        assertThat(model.interactionChoices()).doesNotContain("income");
    }

    @Test
    void theRowPickerSearchesTheIdColumnAndSortsByPredictionErrorOrContributionAndDrivesTheWaterfall() {
        report.set(sample);
        selection.selectFeature("interest_rate");
        assertThat(model.idColumnProperty().get()).isEqualTo("application_id");
        assertThat(model.labelledProperty().get()).isTrue();
        assertThat(model.rowChoices()).hasSize(sample.explanations().rows().size());

        model.rowSearchProperty().set("a2000010");
        assertThat(model.rowChoices()).extracting(RowChoice::id).containsExactly("A2000010");
        assertThat(model.rowChoices().get(0).row().rowIndex()).isEqualTo(9);
        model.rowSearchProperty().set("");

        model.rowSortProperty().set(ExplanationsViewModel.RowSort.PREDICTION);
        assertThat(model.rowChoices()).extracting(c -> c.row().prediction()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        model.rowSortProperty().set(ExplanationsViewModel.RowSort.ERROR);
        Column labels = sample.inputs().prod().column("defaulted").orElseThrow();
        for (RowChoice choice : model.rowChoices()) {
            double y = Double.parseDouble(labels.text(choice.row().rowIndex()));
            assertThat(choice.error()).isCloseTo(Math.abs(y - choice.row().prediction()), within(1e-12));
        }
        assertThat(model.rowChoices()).extracting(RowChoice::error).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        model.rowSortProperty().set(ExplanationsViewModel.RowSort.CONTRIBUTION);
        assertThat(model.rowChoices()).allSatisfy(c ->
                assertThat(c.contribution()).isEqualTo(c.row().contributions().get("interest_rate")));
        assertThat(model.rowChoices()).extracting(RowChoice::contribution).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        // Choosing the worst-predicted row shows its waterfall: from E[f(x)] to f(x), with probabilities.
        model.rowSortProperty().set(ExplanationsViewModel.RowSort.ERROR);
        RowExplanation worst = model.rowChoices().get(0).row();
        model.rowProperty().set(worst);
        List<WaterfallStep> steps = model.waterfall();
        assertThat(steps.get(0).end()).isEqualTo(worst.baseValue());
        assertThat(steps.get(0).note()).isEqualTo(Text.get("explain.waterfall.probability",
                Formats.number(1 / (1 + Math.exp(-worst.baseValue())))));
        WaterfallStep output = steps.get(steps.size() - 1);
        assertThat(output.end()).isEqualTo(worst.margin());
        assertThat(output.note()).isEqualTo(Text.get("explain.waterfall.probability", Formats.number(worst.prediction())));
        assertThat(steps.get(steps.size() - 2).end()).isCloseTo(worst.margin(), within(1e-9));
        // Largest contributions first.
        assertThat(steps.subList(1, steps.size() - 1)).extracting(s -> Math.abs(s.value()))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void aWaterfallPoolsTheSmallestContributionsAndGivesNoProbabilityWhereTheLinkIsNotLogistic() {
        Map<String, Double> contributions = new LinkedHashMap<>();
        double sum = 0;
        for (int i = 0; i < 13; i++) {
            contributions.put("f" + i, (i % 2 == 0 ? 1 : -1) * (13 - i) * 0.1);
            sum += contributions.get("f" + i);
        }
        // A regression row: no class, no probability.
        RowExplanation row = new RowExplanation(4, 3.2 + sum, 3.2 + sum, 3.2, contributions);
        List<WaterfallStep> steps = ExplanationsViewModel.steps(row, Map.of());
        assertThat(steps).hasSize(1 + ExplanationsViewModel.WATERFALL_FEATURES + 1 + 1);
        WaterfallStep pooled = steps.get(steps.size() - 2);
        assertThat(pooled.label()).isEqualTo(Text.get("explain.waterfall.rest", 3));
        assertThat(pooled.value()).isCloseTo(0.3 - 0.2 + 0.1, within(1e-12));
        assertThat(steps).allSatisfy(s -> assertThat(s.note()).isNull());
        // A binary row whose probability is not the logistic of its margin gets none either.
        RowExplanation probit = new RowExplanation(4, 0.9, 0.5, 0.1, contributions, "1", null);
        assertThat(ExplanationsViewModel.logistic(probit)).isFalse();
    }

    @Test
    void onAMulticlassModelTheClassChoiceDrivesTheBeeswarmDependenceAndRows() throws Exception {
        Path fixtures = Path.of("../diagnostics-core/src/test/resources/org/modellens/model/xgboost/v1.7.4");
        DiagnosticReport multi = Diagnosis.run(new DiagnosisRequest(fixtures.resolve("train.csv"), fixtures.resolve("test.csv"),
                null, "auto", Set.of(), Set.of(), Settings.defaults(), fixtures.resolve("multi-softprob.json"), List.of(),
                ExplainRows.DEFAULT_ROWS_ALL_CLASSES), ProgressListener.NONE);
        report.set(multi);
        selection.selectFeature("income");
        assertThat(model.classes()).containsExactly(ExplanationsViewModel.PREDICTED_CLASS, "0", "1", "2");
        SampleAttributions predicted = multi.explanations().sample(true, null).orElseThrow();
        assertThat(model.beeswarmTrain().get(0).contributions()).hasSize(predicted.rows().length);

        model.explainedClassProperty().set("2");
        SampleAttributions two = multi.explanations().sample(true, "2").orElseThrow();
        assertThat(two.outputClass()).isEqualTo("2");
        BeeswarmRow income = line(model.beeswarmTrain(), "income");
        assertThat(income.contributions()).containsExactly(two.contributionsOf("income").orElseThrow());
        double[] meanAbs = two.meanAbs();
        assertThat(model.beeswarmTrain()).extracting(BeeswarmRow::meanAbs).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .contains(meanAbs[two.features().indexOf("income")]);
        double[] prodIncome = multi.explanations().sample(false, "2").orElseThrow().contributionsOf("income").orElseThrow();
        assertThat(model.dependence().stream().filter(DependencePoint::production).mapToDouble(DependencePoint::contribution).toArray())
                .containsExactly(prodIncome);
        assertThat(model.rows()).allSatisfy(r -> assertThat(r.outputClass()).isEqualTo("2"));
        assertThat(model.rowChoices()).allSatisfy(c -> assertThat(c.row().outputClass()).isEqualTo("2"));
        assertThat(model.waterfall().get(model.waterfall().size() - 1).end()).isEqualTo(model.rowProperty().get().margin());

        // A categorical input: its points carry the category; coloured by another categorical input, by
        // that label's place among the sorted labels of both files.
        selection.selectFeature("color");
        Column color = multi.inputs().prod().column("color").orElseThrow();
        assertThat(model.dependence()).isNotEmpty().allSatisfy(p -> assertThat(p.value()).isNaN());
        model.dependence().stream().filter(DependencePoint::production)
                .forEach(p -> assertThat(p.category()).isEqualTo(color.text(p.rowIndex())));
        model.chooseInteraction("city");
        java.util.TreeSet<String> cities = new java.util.TreeSet<>();
        Column prodCity = multi.inputs().prod().column("city").orElseThrow();
        Column trainCity = multi.inputs().train().column("city").orElseThrow();
        for (Column c : List.of(prodCity, trainCity)) {
            for (int i = 0; i < c.size(); i++) {
                if (c.text(i) != null) {
                    cities.add(c.text(i));
                }
            }
        }
        List<String> sorted = List.copyOf(cities);
        model.dependence().stream().filter(DependencePoint::production).forEach(p -> {
            String city = prodCity.text(p.rowIndex());
            if (city == null) {
                assertThat(p.colour()).isNaN();
            } else {
                assertThat(p.colour()).isCloseTo(sorted.indexOf(city) / (double) (sorted.size() - 1), within(1e-12));
            }
        });
    }

    private static BeeswarmRow line(List<BeeswarmRow> lines, String feature) {
        return lines.stream().filter(l -> l.feature().equals(feature)).findFirst().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static double correlation(List<DependencePoint> points) {
        double[][] xy = points.stream().filter(p -> !Double.isNaN(p.value()))
                .map(p -> new double[] {p.value(), p.contribution()}).toArray(double[][]::new);
        double mx = Arrays.stream(xy).mapToDouble(p -> p[0]).average().orElseThrow();
        double my = Arrays.stream(xy).mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : xy) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
