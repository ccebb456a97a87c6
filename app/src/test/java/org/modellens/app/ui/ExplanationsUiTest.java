package org.modellens.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.modellens.app.ui.charts.DependenceChart;
import org.modellens.app.ui.explanations.DependencePoint;
import org.modellens.app.ui.explanations.ExplanationsView;
import org.modellens.app.ui.explanations.ExplanationsViewModel;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.Explanations.RowExplanation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Explanations page of the sample case in a real stage (headless Monocle in CI): the beeswarm per
 * side with its colour legend, the dependence plot where production's unit change lies visibly apart,
 * its interaction colouring, and the row picker driving the waterfall.
 */
@ExtendWith(ApplicationExtension.class)
class ExplanationsUiTest {

    private final ExecutorService executor = WorkbenchApp.backgroundExecutor();
    private WorkbenchViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        model = new WorkbenchViewModel(executor, new RecentProjects(null));
        view = WorkbenchApp.show(stage, model);
        stage.setWidth(1440);
        stage.setHeight(900);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void theSampleCasesPlotsShowBothSidesTheUnitChangeAndTheChosenRow(FxRobot robot) throws Exception {
        robot.clickOn("#open-sample");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.reportProperty().get() != null);
        DiagnosticReport report = model.reportProperty().get();
        robot.interact(() -> model.selection().selectFeature("interest_rate"));
        robot.clickOn("#nav-explanations");
        WaitForAsyncUtils.waitForFxEvents();
        ExplanationsView page = (ExplanationsView) view.page(ViewId.EXPLANATIONS);
        ExplanationsViewModel explanations = model.explanations();

        // Beeswarm side by side: both sides drawn, in the same order, under one value legend.
        assertThat(page.beeswarmTrain().isVisible()).isTrue();
        assertThat(page.beeswarmProd().isVisible()).isTrue();
        assertThat(page.beeswarmTrain().rows()).extracting(r -> r.feature())
                .containsExactlyElementsOf(page.beeswarmProd().rows().stream().map(r -> r.feature()).toList());
        assertThat(page.beeswarmTrain().rows()).hasSize(report.model().features().size());
        assertThat(robot.lookup("#beeswarm-legend").queryAs(javafx.scene.layout.VBox.class).isVisible()).isTrue();
        assertThat(robot.lookup("#beeswarm-legend-title").queryAs(Label.class).getText()).isEqualTo(Text.get("explain.legend.value"));
        robot.clickOn("#beeswarm-training");
        assertThat(explanations.beeswarmSideProperty().get()).isEqualTo(ExplanationsViewModel.Side.TRAINING);
        assertThat(page.beeswarmProd().isVisible()).isFalse();
        robot.clickOn("#beeswarm-both");
        assertThat(page.beeswarmProd().isVisible()).isTrue();

        // Hovering a production dot of interest_rate names its row and its value as it arrived (percent).
        org.modellens.app.ui.charts.BeeswarmChart prodSwarm = page.beeswarmProd();
        org.modellens.app.ui.explanations.BeeswarmRow rateLine = prodSwarm.rows().stream()
                .filter(r -> r.feature().equals("interest_rate")).findFirst().orElseThrow();
        javafx.geometry.Point2D dotCentre = prodSwarm.centre(new org.modellens.app.ui.charts.BeeswarmChart.Dot(rateLine, 0));
        robot.moveTo(prodSwarm.localToScreen(dotCentre));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> prodSwarm.tooltip().isShowing());
        // The pointer lands on a whole pixel: the dot under it may be a neighbour of the one aimed at.
        java.util.regex.Matcher said = java.util.regex.Pattern.compile(Text.get("series.prod")
                + " row (\\d+) \\((A\\d+)\\): interest_rate = (\\S+), contribution (\\S+)").matcher(prodSwarm.tooltip().getText());
        assertThat(said.matches()).as(prodSwarm.tooltip().getText()).isTrue();
        int underRow = Integer.parseInt(said.group(1));
        assertThat(said.group(2)).isEqualTo(report.inputs().prod().column("application_id").orElseThrow().text(underRow));
        assertThat(said.group(3)).isEqualTo(report.inputs().prod().column("interest_rate").orElseThrow().text(underRow));
        int dot = java.util.Arrays.stream(rateLine.rows()).boxed().toList().indexOf(underRow);
        assertThat(said.group(4)).isEqualTo(Formats.number(rateLine.contributions()[dot]));
        robot.moveTo("#explanations-view .card");

        // "Save chart as SVG" writes every dot of a canvas plot as a vector, with its labels.
        String[] svg = new String[2];
        robot.interact(() -> {
            svg[0] = org.modellens.app.ui.charts.ChartSvg.of(page.beeswarmTrain());
            svg[1] = org.modellens.app.ui.charts.ChartSvg.of(page.dependenceChart());
        });
        int dots = page.beeswarmTrain().rows().stream().mapToInt(r -> r.contributions().length).sum();
        assertThat(svg[0].split("<ellipse", -1)).hasSize(dots + 1);
        assertThat(svg[0]).contains(">credit_score</text>", ">" + Text.get("explain.axis.contribution", explanations.unitsProperty().get()) + "</text>");
        long diamonds = page.dependenceChart().points().stream().filter(p -> p.production() && !Double.isNaN(p.value())).count();
        assertThat(svg[1].split("<polygon", -1)).hasSize((int) diamonds + 1);

        // Dependence: production's interest rates arrive in percent, so its cloud lies right of every
        // training dot, and drawn over them in production's colour.
        DependenceChart dependence = page.dependenceChart();
        List<DependencePoint> points = dependence.points();
        double rightmostTrain = points.stream().filter(p -> !p.production()).mapToDouble(p -> dependence.xOf(p.value())).max().orElseThrow();
        double leftmostProd = points.stream().filter(p -> p.production() && !Double.isNaN(p.value()))
                .mapToDouble(p -> dependence.xOf(p.value())).min().orElseThrow();
        assertThat(leftmostProd - rightmostTrain).as("pixels between the clouds").isGreaterThan(dependence.getWidth() / 10);
        DependencePoint probe = points.stream().filter(DependencePoint::production).filter(p -> !Double.isNaN(p.value()))
                .findFirst().orElseThrow();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = dependence.snapshot(null, null));
        Color drawn = image[0].getPixelReader().getColor((int) Math.round(dependence.xOf(probe.value())),
                (int) Math.round(dependence.yOf(probe.contribution())));
        Color prodColour = Color.web("#dd8452");
        assertThat(drawn.getRed()).isCloseTo(prodColour.getRed(), within(0.1));
        assertThat(drawn.getGreen()).isCloseTo(prodColour.getGreen(), within(0.1));
        assertThat(drawn.getBlue()).isCloseTo(prodColour.getBlue(), within(0.1));

        // Hovering a production dot names its row, application and values.
        javafx.geometry.Point2D onScreen = dependence.localToScreen(dependence.xOf(probe.value()), dependence.yOf(probe.contribution()));
        robot.moveTo(onScreen);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dependence.tooltip().isShowing());
        // The pointer lands on a whole pixel: the dot under it may be a neighbour of the one aimed at.
        java.util.regex.Matcher hovered = java.util.regex.Pattern.compile(Text.get("series.prod")
                + " row (\\d+) \\((A\\d+)\\): interest_rate = (\\S+), contribution (\\S+)").matcher(dependence.tooltip().getText());
        assertThat(hovered.matches()).as(dependence.tooltip().getText()).isTrue();
        int hoveredRow = Integer.parseInt(hovered.group(1));
        assertThat(hovered.group(2)).isEqualTo(report.inputs().prod().column("application_id").orElseThrow().text(hoveredRow));
        assertThat(hovered.group(3)).isEqualTo(Formats.number(report.inputs().prod().column("interest_rate").orElseThrow()
                .numbers()[hoveredRow]));
        robot.moveTo("#explanations-view .card");

        // Colour by the strongest interaction: its legend names it.
        robot.clickOn("#colour-by-interaction");
        assertThat(explanations.colourByProperty().get()).isEqualTo(ExplanationsViewModel.ColourBy.INTERACTION);
        assertThat(robot.lookup("#dependence-legend").queryAs(javafx.scene.layout.VBox.class).isVisible()).isTrue();
        assertThat(robot.lookup("#dependence-legend-title").queryAs(Label.class).getText())
                .isEqualTo(explanations.interactionChoices().get(0));
        assertThat(dependence.points()).anyMatch(p -> !Double.isNaN(p.colour()));

        // The row picker: search an application id, pick the row, its waterfall shows.
        robot.clickOn("#row-search").write("A2000042");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(page.rowTable().getItems()).hasSize(1);
        TableRow<?> found = robot.lookup("#row-table .table-row-cell").match((TableRow<?> row) -> row.getItem() != null).query();
        robot.clickOn(found);
        RowExplanation chosen = explanations.rowProperty().get();
        assertThat(chosen.rowIndex()).isEqualTo(41);
        assertThat(page.waterfall().steps().get(page.waterfall().steps().size() - 1).end()).isEqualTo(chosen.margin());
        assertThat(robot.lookup("#waterfall-row").queryAs(Label.class).getText()).isEqualTo(ExplanationsViewModel.describe(chosen));
    }
}
