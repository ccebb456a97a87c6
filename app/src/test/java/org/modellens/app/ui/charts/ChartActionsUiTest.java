package org.modellens.app.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.app.ui.Formats;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The shared chart actions on real charts in a headless stage: hover tooltips over points without
 * symbols and over bars, zoom by dragging, scrolling and double-clicking, and the right-click menu
 * saving a PNG and an SVG (parsed back) and copying the image.
 */
@ExtendWith(ApplicationExtension.class)
class ChartActionsUiTest {

    private AreaChart<Number, Number> histogram;
    private ScatterChart<Number, Number> scatter;
    private BarChart<String, Number> bars;
    private DependenceChart dependence;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        histogram = new AreaChart<>(new NumberAxis(), new NumberAxis());
        scatter = new ScatterChart<>(new NumberAxis(), new NumberAxis());
        bars = new BarChart<>(new CategoryAxis(), new NumberAxis());
        histogram.setId("test-histogram");
        histogram.setCreateSymbols(false);
        histogram.getXAxis().setLabel("income");
        histogram.getYAxis().setLabel("share of values");
        histogram.getData().add(series("Training", new double[] {0, 1, 2, 3, 4}, new double[] {0.1, 0.3, 0.4, 0.15, 0.05}));
        histogram.getData().add(series("Production", new double[] {0, 1, 2, 3, 4}, new double[] {0.05, 0.1, 0.2, 0.4, 0.25}));
        scatter.setId("test-scatter");
        scatter.getData().add(series("Training", new double[] {-2, -1, 0.5, 3}, new double[] {-0.4, 0.1, 0.2, 0.9}));
        scatter.getData().add(series("Production", new double[] {-1.5, 2, 2.5}, new double[] {0.3, -0.2, 0.6}));
        bars.setId("test-bars");
        XYChart.Series<String, Number> train = new XYChart.Series<>();
        train.setName("Training");
        train.getData().add(new XYChart.Data<>("red", 0.6));
        train.getData().add(new XYChart.Data<>("green", 0.4));
        XYChart.Series<String, Number> prod = new XYChart.Series<>();
        prod.setName("Production");
        prod.getData().add(new XYChart.Data<>("red", 0.2));
        prod.getData().add(new XYChart.Data<>("green", 0.8));
        bars.getData().add(train);
        bars.getData().add(prod);
        for (var chart : List.of(histogram, scatter, bars)) {
            chart.setAnimated(false);
            chart.setPrefSize(420, 320);
            ChartActions.install(chart);
        }
        dependence = new DependenceChart();
        dependence.setId("test-dependence");
        dependence.setPrefSize(420, 320);
        java.util.List<org.modellens.app.ui.explanations.DependencePoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            points.add(new org.modellens.app.ui.explanations.DependencePoint(i, i * 0.25, null, Math.sin(i / 6.0), i % 2 == 0, 0.5));
        }
        dependence.show(points, true, "income", "contribution");
        ChartActions.install(dependence);
        Scene scene = new Scene(new VBox(new HBox(histogram, scatter), new HBox(bars, dependence)), 860, 660);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void restoreSaveTarget() {
        org.modellens.app.ui.SaveFiles.answerWith(null);
    }

    private static XYChart.Series<Number, Number> series(String name, double[] x, double[] y) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (int i = 0; i < x.length; i++) {
            series.getData().add(new XYChart.Data<>(x[i], y[i]));
        }
        return series;
    }

    /** Where a data point is drawn, in screen coordinates. */
    private static Point2D screenOf(XYChart<Number, Number> chart, Number x, Number y) {
        NumberAxis xAxis = (NumberAxis) chart.getXAxis();
        NumberAxis yAxis = (NumberAxis) chart.getYAxis();
        double screenX = xAxis.localToScreen(xAxis.getDisplayPosition(x), 0).getX();
        double screenY = yAxis.localToScreen(0, yAxis.getDisplayPosition(y)).getY();
        return new Point2D(screenX, screenY);
    }

    @Test
    void hoverNamesThePointOfALineWithoutSymbolsAndTheBarUnderThePointer(FxRobot robot) {
        robot.moveTo(screenOf(histogram, 3, 0.4));
        WaitForAsyncUtils.waitForFxEvents();
        Tooltip tooltip = ChartActions.tooltip(histogram);
        assertThat(tooltip.isShowing()).isTrue();
        assertThat(tooltip.getText()).isEqualTo(Text.get("chart.tooltip", "Production", "income", Formats.number(3),
                "share of values", Formats.number(0.4)));

        // Well away from every point: no tooltip.
        robot.moveTo(screenOf(histogram, 2, 0.05));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tooltip.isShowing()).isFalse();

        Node greenProd = bars.getData().get(1).getData().get(1).getNode();
        robot.moveTo(greenProd);
        WaitForAsyncUtils.waitForFxEvents();
        Tooltip barTip = ChartActions.tooltip(bars);
        assertThat(barTip.isShowing()).isTrue();
        assertThat(barTip.getText()).startsWith("Production").contains("green").contains(Formats.number(0.8));
    }

    @Test
    void dragZoomsToTheRectangleScrollZoomsAroundThePointerAndDoubleClickGoesBack(FxRobot robot) {
        NumberAxis x = (NumberAxis) scatter.getXAxis();
        NumberAxis y = (NumberAxis) scatter.getYAxis();
        double lower = x.getLowerBound();
        double upper = x.getUpperBound();
        assertThat(x.isAutoRanging()).isTrue();

        robot.drag(screenOf(scatter, -1, 0.8), MouseButton.PRIMARY).moveTo(screenOf(scatter, 2, -0.1)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(x.isAutoRanging()).isFalse();
        // A pixel of the screen is a small step on either axis.
        double pixelX = (upper - lower) / x.getWidth();
        assertThat(x.getLowerBound()).isCloseTo(-1, within(2 * pixelX));
        assertThat(x.getUpperBound()).isCloseTo(2, within(2 * pixelX));
        assertThat(y.getLowerBound()).isCloseTo(-0.1, within(0.02));
        assertThat(y.getUpperBound()).isCloseTo(0.8, within(0.02));

        robot.doubleClickOn(screenOf(scatter, 0, 0.3), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(x.isAutoRanging()).isTrue();
        assertThat(x.getLowerBound()).isEqualTo(lower);
        assertThat(x.getUpperBound()).isEqualTo(upper);

        // Scrolling up narrows the range and keeps the value under the pointer where it was.
        Point2D at = screenOf(scatter, 1, 0.2);
        robot.moveTo(at);
        scroll(robot, scatter, at, 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(x.getUpperBound() - x.getLowerBound()).isLessThan(upper - lower);
        double valueUnderPointer = x.getValueForDisplay(x.screenToLocal(at).getX()).doubleValue();
        assertThat(valueUnderPointer).isCloseTo(1, within(2 * pixelX));

        // New data starts unzoomed.
        robot.interact(() -> scatter.getData().get(1).getData().add(new XYChart.Data<>(5, 1)));
        robot.interact(() -> scatter.getData().add(series("Extra", new double[] {6}, new double[] {1})));
        assertThat(x.isAutoRanging()).isTrue();
    }

    @Test
    void aHandDrawnScatterPlotZoomsTheSameWay(FxRobot robot) {
        double[] home = dependence.range();
        javafx.geometry.Bounds area = dependence.plotArea();
        // Pixels of two data points, as the plot maps them.
        Point2D from = dependence.localToScreen(dependence.xOf(2.0), dependence.yOf(0.8));
        Point2D to = dependence.localToScreen(dependence.xOf(6.0), dependence.yOf(-0.4));
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double[] zoomed = dependence.range();
        double pixel = (home[1] - home[0]) / area.getWidth();
        assertThat(zoomed[0]).isCloseTo(2.0, within(2 * pixel));
        assertThat(zoomed[1]).isCloseTo(6.0, within(2 * pixel));
        assertThat(zoomed[2]).isCloseTo(-0.4, within(2 * (home[3] - home[2]) / area.getHeight()));
        assertThat(zoomed[3]).isCloseTo(0.8, within(2 * (home[3] - home[2]) / area.getHeight()));
        // Only the dots in view can be hovered: one left of the zoomed range is not found at its old place.
        assertThat(dependence.nearest(dependence.xOf(1.0), dependence.yOf(Math.sin(4 / 6.0)))).isNull();

        robot.doubleClickOn(dependence.localToScreen(area.getCenterX(), area.getCenterY()), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dependence.range()).containsExactly(home);

        // Scroll up around a point, then new data: back to the full range.
        Point2D at = dependence.localToScreen(dependence.xOf(5.0), dependence.yOf(0.0));
        scroll(robot, dependence, at, 2);
        assertThat(dependence.range()[1] - dependence.range()[0]).isLessThan(home[1] - home[0]);
        robot.interact(() -> dependence.show(dependence.points(), true, "income", "contribution"));
        assertThat(dependence.range()).containsExactly(home);
    }

    @Test
    void rightClickSavesAPngAndAnSvgThatHoldsEverySeriesAndCopiesTheImage(FxRobot robot) throws Exception {
        AtomicReference<Path> target = new AtomicReference<>();
        List<String> askedNames = new ArrayList<>();
        org.modellens.app.ui.SaveFiles.answerWith((owner, title, name, filter, extension) -> {
            askedNames.add(name);
            return target.get();
        });

        target.set(dir.resolve("scatter.png"));
        openMenu(robot, scatter);
        robot.clickOn(Text.get("chart.savePng"));
        WaitForAsyncUtils.waitForFxEvents();
        var png = ImageIO.read(dir.resolve("scatter.png").toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isEqualTo((int) Math.round(scatter.getWidth() * ChartImages.SCALE));
        assertThat(png.getHeight()).isEqualTo((int) Math.round(scatter.getHeight() * ChartImages.SCALE));

        target.set(dir.resolve("scatter.svg"));
        openMenu(robot, scatter);
        robot.clickOn(Text.get("chart.saveSvg"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(askedNames).containsExactly("test-scatter.png", "test-scatter.svg");
        Document svg = parse(Files.readAllBytes(dir.resolve("scatter.svg")));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        // One marked group per data point of each series, and the legend names both series.
        for (XYChart.Series<Number, Number> series : scatter.getData()) {
            assertThat(marked(svg, series.getName())).as(series.getName()).isEqualTo(series.getData().size());
        }
        assertThat(texts(svg)).contains("Training", "Production");

        // The histogram's series are paths (no symbols): each is marked too.
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> text.set(ChartSvg.of(histogram)));
        Document area = parse(text.get().getBytes(StandardCharsets.UTF_8));
        assertThat(marked(area, "Training")).isEqualTo(1);
        assertThat(marked(area, "Production")).isEqualTo(1);
        assertThat(texts(area)).contains("income", "share of values");

        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        openMenu(robot, bars);
        robot.clickOn(Text.get("chart.copy"));
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<javafx.scene.image.Image> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getImage()));
        assertThat(copied.get()).isNotNull();
        assertThat(copied.get().getWidth()).isEqualTo(Math.round(bars.getWidth() * ChartImages.SCALE));
    }

    /**
     * Asks for the chart's menu at its centre, as a platform does on a right-click (Monocle's headless
     * glass sends no menu request for a robot's right-click).
     */
    private static void openMenu(FxRobot robot, Node chart) {
        robot.moveTo(chart);
        Point2D screen = chart.localToScreen(chart.getLayoutBounds().getCenterX(), chart.getLayoutBounds().getCenterY());
        Point2D local = new Point2D(chart.getLayoutBounds().getCenterX(), chart.getLayoutBounds().getCenterY());
        robot.interact(() -> javafx.event.Event.fireEvent(chart, new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                screen.getX(), screen.getY(), false, null)));
    }

    /** Scrolls the wheel by {@code notches} at a screen point, as JavaFX reports it: up is positive. */
    private static void scroll(FxRobot robot, Node chart, Point2D screen, int notches) {
        Point2D scene = chart.getScene().getRoot().screenToLocal(screen);
        robot.interact(() -> javafx.event.Event.fireEvent(chart, new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                false, false, false, false, false, false, 0, 40.0 * notches, 0, 40.0 * notches,
                javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static int marked(Document svg, String series) {
        int count = 0;
        NodeList all = svg.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            if (series.equals(((Element) all.item(i)).getAttribute("data-series"))) {
                count++;
            }
        }
        return count;
    }

    private static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        NodeList all = svg.getElementsByTagName("text");
        for (int i = 0; i < all.getLength(); i++) {
            texts.add(all.item(i).getTextContent());
        }
        return texts;
    }
}
