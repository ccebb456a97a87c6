package org.modellens.app.ui.charts;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.shape.Rectangle;

/**
 * Zoom on a chart with two number axes: drag a rectangle to show just that region, scroll to zoom
 * around the pointer, double-click (or "Reset zoom") to go back. Going back restores what the axes
 * did before, auto-ranging or fixed bounds; new data (another feature) always goes back first, so a
 * zoom never hides a newly drawn distribution.
 */
final class ChartZoom {

    /** A drag shorter than this, in pixels, is a click, not a zoom. */
    private static final double MIN_DRAG = 5;
    /** Range factor per notch of the mouse wheel (40 pixels of scroll). */
    private static final double WHEEL_STEP = 1.25;
    /** About this many ticks on a zoomed axis. */
    private static final int TICKS = 8;

    private final XYChart<Number, Number> chart;
    private final NumberAxis xAxis;
    private final NumberAxis yAxis;
    private final Rectangle band = new Rectangle();
    private final ReadOnlyBooleanWrapper zoomed = new ReadOnlyBooleanWrapper();
    private AxisState xHome;
    private AxisState yHome;
    private Point2D dragStart;

    private record AxisState(boolean auto, double lower, double upper, double tick) {
        static AxisState of(NumberAxis axis) {
            return new AxisState(axis.isAutoRanging(), axis.getLowerBound(), axis.getUpperBound(), axis.getTickUnit());
        }

        void restore(NumberAxis axis) {
            if (auto) {
                axis.setAutoRanging(true);
            } else {
                axis.setLowerBound(lower);
                axis.setUpperBound(upper);
                axis.setTickUnit(tick);
            }
        }
    }

    ChartZoom(XYChart<Number, Number> chart) {
        this.chart = chart;
        this.xAxis = (NumberAxis) chart.getXAxis();
        this.yAxis = (NumberAxis) chart.getYAxis();
        band.getStyleClass().add("chart-zoom-band");
        band.setManaged(false);
        band.setMouseTransparent(true);
        band.setVisible(false);
    }

    /** Zooms only charts whose two axes are number axes. */
    @SuppressWarnings("unchecked")
    static ChartZoom forChart(XYChart<?, ?> chart) {
        if (chart.getXAxis() instanceof NumberAxis && chart.getYAxis() instanceof NumberAxis) {
            return new ChartZoom((XYChart<Number, Number>) chart);
        }
        return null;
    }

    void install() {
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && inPlot(e.getSceneX(), e.getSceneY())) {
                reset();
            }
        });
        chart.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        // Other data (another feature picked) starts unzoomed.
        ListChangeListener<XYChart.Series<Number, Number>> dataChanged = c -> reset();
        chart.getData().addListener(dataChanged);
        chart.dataProperty().addListener((Observable o) -> {
            reset();
            if (chart.getData() != null) {
                chart.getData().addListener(dataChanged);
            }
        });
    }

    ReadOnlyBooleanProperty zoomedProperty() {
        return zoomed.getReadOnlyProperty();
    }

    /** Shows the given data ranges (either order), remembering how the axes were. */
    void zoomTo(double x0, double x1, double y0, double y1) {
        if (!(Math.abs(x1 - x0) > 0) || !(Math.abs(y1 - y0) > 0)) {
            return;
        }
        if (!zoomed.get()) {
            xHome = AxisState.of(xAxis);
            yHome = AxisState.of(yAxis);
        }
        range(xAxis, Math.min(x0, x1), Math.max(x0, x1));
        range(yAxis, Math.min(y0, y1), Math.max(y0, y1));
        zoomed.set(true);
    }

    /** Back to the axes as they were before the first zoom. */
    void reset() {
        band.setVisible(false);
        dragStart = null;
        if (!zoomed.get()) {
            return;
        }
        xHome.restore(xAxis);
        yHome.restore(yAxis);
        zoomed.set(false);
    }

    private static void range(NumberAxis axis, double lower, double upper) {
        axis.setAutoRanging(false);
        axis.setLowerBound(lower);
        axis.setUpperBound(upper);
        axis.setTickUnit(niceStep((upper - lower) / TICKS));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= raw) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private boolean inPlot(double sceneX, double sceneY) {
        Node plot = chart.lookup(".chart-plot-background");
        return plot != null && plot.localToScene(plot.getLayoutBounds()).contains(sceneX, sceneY);
    }

    private double xAt(double sceneX, double sceneY) {
        return xAxis.getValueForDisplay(xAxis.sceneToLocal(sceneX, sceneY).getX()).doubleValue();
    }

    private double yAt(double sceneX, double sceneY) {
        return yAxis.getValueForDisplay(yAxis.sceneToLocal(sceneX, sceneY).getY()).doubleValue();
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !inPlot(e.getSceneX(), e.getSceneY())) {
            dragStart = null;
            return;
        }
        dragStart = new Point2D(e.getSceneX(), e.getSceneY());
        if (band.getParent() == null && chart.lookup(".plot-content") instanceof Group content) {
            content.getChildren().add(band);
        }
    }

    private void dragged(MouseEvent e) {
        if (dragStart == null || band.getParent() == null) {
            return;
        }
        Point2D a = band.getParent().sceneToLocal(dragStart);
        Point2D b = band.getParent().sceneToLocal(e.getSceneX(), e.getSceneY());
        band.setX(Math.min(a.getX(), b.getX()));
        band.setY(Math.min(a.getY(), b.getY()));
        band.setWidth(Math.abs(a.getX() - b.getX()));
        band.setHeight(Math.abs(a.getY() - b.getY()));
        band.setVisible(true);
        band.toFront();
    }

    private void released(MouseEvent e) {
        band.setVisible(false);
        if (dragStart == null) {
            return;
        }
        Point2D start = dragStart;
        dragStart = null;
        if (Math.abs(e.getSceneX() - start.getX()) < MIN_DRAG || Math.abs(e.getSceneY() - start.getY()) < MIN_DRAG) {
            return;
        }
        zoomTo(xAt(start.getX(), start.getY()), xAt(e.getSceneX(), e.getSceneY()),
                yAt(start.getX(), start.getY()), yAt(e.getSceneX(), e.getSceneY()));
        e.consume();
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0 || !inPlot(e.getSceneX(), e.getSceneY())) {
            return;
        }
        // Wheel up zooms in, around the point under the pointer.
        double factor = Math.pow(WHEEL_STEP, -e.getDeltaY() / 40);
        double x = xAt(e.getSceneX(), e.getSceneY());
        double y = yAt(e.getSceneX(), e.getSceneY());
        double xLower = xAxis.getLowerBound();
        double xUpper = xAxis.getUpperBound();
        double yLower = yAxis.getLowerBound();
        double yUpper = yAxis.getUpperBound();
        zoomTo(x - (x - xLower) * factor, x + (xUpper - x) * factor, y - (y - yLower) * factor, y + (yUpper - y) * factor);
        e.consume();
    }
}
