package org.modellens.app.ui.charts;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Zoom on a chart with two number axes, or on a {@link ZoomablePlot}: drag a rectangle to show just
 * that region, scroll to zoom around the pointer, double-click (or "Reset zoom") to go back. Going
 * back restores what the axes did before, auto-ranging or fixed bounds; new data (another feature)
 * always goes back first, so a zoom never hides a newly drawn distribution.
 */
final class ChartZoom {

    /** A drag shorter than this, in pixels, is a click, not a zoom. */
    private static final double MIN_DRAG = 5;
    /** Range factor per notch of the mouse wheel (40 pixels of scroll). */
    private static final double WHEEL_STEP = 1.25;
    /** About this many ticks on a zoomed axis. */
    private static final int TICKS = 8;

    /** What zoom needs of a plot: where it plots, value and pixel, and setting the ranges. */
    private interface View {
        boolean inPlot(double sceneX, double sceneY);

        double xAt(double sceneX, double sceneY);

        double yAt(double sceneX, double sceneY);

        double[] range();

        void show(double x0, double x1, double y0, double y1);

        void restore();

        Group overlay();
    }

    private final Region node;
    private final View view;
    private final Rectangle band = new Rectangle();
    private final ReadOnlyBooleanWrapper zoomed = new ReadOnlyBooleanWrapper();
    private Point2D dragStart;

    private ChartZoom(Region node, View view) {
        this.node = node;
        this.view = view;
        band.getStyleClass().add("chart-zoom-band");
        band.setManaged(false);
        band.setMouseTransparent(true);
        band.setVisible(false);
    }

    /** Zoom for charts whose two axes are number axes and for zoomable plots; {@code null} for others. */
    @SuppressWarnings("unchecked")
    static ChartZoom forChart(Region chart) {
        if (chart instanceof XYChart<?, ?> xy && xy.getXAxis() instanceof NumberAxis && xy.getYAxis() instanceof NumberAxis) {
            XYChart<Number, Number> numbers = (XYChart<Number, Number>) xy;
            ChartZoom zoom = new ChartZoom(chart, new Axes(numbers));
            ListChangeListener<XYChart.Series<Number, Number>> dataChanged = c -> zoom.reset();
            numbers.getData().addListener(dataChanged);
            numbers.dataProperty().addListener((Observable o) -> {
                zoom.reset();
                if (numbers.getData() != null) {
                    numbers.getData().addListener(dataChanged);
                }
            });
            return zoom;
        }
        if (chart instanceof ZoomablePlot plot) {
            ChartZoom zoom = new ChartZoom(chart, new Plot(chart, plot));
            // Other data (another feature picked) starts unzoomed.
            plot.onNewData(zoom::forget);
            return zoom;
        }
        return null;
    }

    void install() {
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        node.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        node.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && view.inPlot(e.getSceneX(), e.getSceneY())) {
                reset();
            }
        });
        node.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    ReadOnlyBooleanProperty zoomedProperty() {
        return zoomed.getReadOnlyProperty();
    }

    /** Shows the given data ranges (either order), remembering how the plot was. */
    void zoomTo(double x0, double x1, double y0, double y1) {
        if (!(Math.abs(x1 - x0) > 0) || !(Math.abs(y1 - y0) > 0)) {
            return;
        }
        view.show(Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1));
        zoomed.set(true);
    }

    /** Back to the plot as it was before the first zoom. */
    void reset() {
        band.setVisible(false);
        dragStart = null;
        if (zoomed.get()) {
            view.restore();
            zoomed.set(false);
        }
    }

    /** The plot went back by itself (new data): only the state follows. */
    private void forget() {
        band.setVisible(false);
        dragStart = null;
        zoomed.set(false);
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

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !view.inPlot(e.getSceneX(), e.getSceneY())) {
            dragStart = null;
            return;
        }
        dragStart = new Point2D(e.getSceneX(), e.getSceneY());
        Group overlay = view.overlay();
        if (overlay != null && band.getParent() != overlay) {
            overlay.getChildren().add(band);
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
        zoomTo(view.xAt(start.getX(), start.getY()), view.xAt(e.getSceneX(), e.getSceneY()),
                view.yAt(start.getX(), start.getY()), view.yAt(e.getSceneX(), e.getSceneY()));
        e.consume();
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0 || !view.inPlot(e.getSceneX(), e.getSceneY())) {
            return;
        }
        // Wheel up zooms in, around the point under the pointer.
        double factor = Math.pow(WHEEL_STEP, -e.getDeltaY() / 40);
        double x = view.xAt(e.getSceneX(), e.getSceneY());
        double y = view.yAt(e.getSceneX(), e.getSceneY());
        double[] r = view.range();
        zoomTo(x - (x - r[0]) * factor, x + (r[1] - x) * factor, y - (y - r[2]) * factor, y + (r[3] - y) * factor);
        e.consume();
    }

    /** An XYChart's two number axes: fixed bounds while zoomed, their own ranging restored after. */
    private static final class Axes implements View {
        private final XYChart<Number, Number> chart;
        private final NumberAxis x;
        private final NumberAxis y;
        private AxisState xHome;
        private AxisState yHome;

        Axes(XYChart<Number, Number> chart) {
            this.chart = chart;
            this.x = (NumberAxis) chart.getXAxis();
            this.y = (NumberAxis) chart.getYAxis();
        }

        @Override
        public boolean inPlot(double sceneX, double sceneY) {
            Node plot = chart.lookup(".chart-plot-background");
            return plot != null && plot.localToScene(plot.getLayoutBounds()).contains(sceneX, sceneY);
        }

        @Override
        public double xAt(double sceneX, double sceneY) {
            return x.getValueForDisplay(x.sceneToLocal(sceneX, sceneY).getX()).doubleValue();
        }

        @Override
        public double yAt(double sceneX, double sceneY) {
            return y.getValueForDisplay(y.sceneToLocal(sceneX, sceneY).getY()).doubleValue();
        }

        @Override
        public double[] range() {
            return new double[] {x.getLowerBound(), x.getUpperBound(), y.getLowerBound(), y.getUpperBound()};
        }

        @Override
        public void show(double x0, double x1, double y0, double y1) {
            if (xHome == null) {
                xHome = AxisState.of(x);
                yHome = AxisState.of(y);
            }
            range(x, x0, x1);
            range(y, y0, y1);
        }

        @Override
        public void restore() {
            if (xHome != null) {
                xHome.restore(x);
                yHome.restore(y);
                xHome = null;
                yHome = null;
            }
        }

        @Override
        public Group overlay() {
            return chart.lookup(".plot-content") instanceof Group content ? content : null;
        }

        private static void range(NumberAxis axis, double lower, double upper) {
            axis.setAutoRanging(false);
            axis.setLowerBound(lower);
            axis.setUpperBound(upper);
            axis.setTickUnit(niceStep((upper - lower) / TICKS));
        }
    }

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

    /** A hand-drawn plot: its own ranges and plotting area, linear in both directions. */
    private record Plot(Region node, ZoomablePlot plot) implements View {
        @Override
        public boolean inPlot(double sceneX, double sceneY) {
            Bounds area = plot.plotArea();
            return area != null && area.contains(node.sceneToLocal(sceneX, sceneY));
        }

        @Override
        public double xAt(double sceneX, double sceneY) {
            Bounds area = plot.plotArea();
            double[] r = plot.range();
            return r[0] + (node.sceneToLocal(sceneX, sceneY).getX() - area.getMinX()) / area.getWidth() * (r[1] - r[0]);
        }

        @Override
        public double yAt(double sceneX, double sceneY) {
            Bounds area = plot.plotArea();
            double[] r = plot.range();
            return r[2] + (area.getMaxY() - node.sceneToLocal(sceneX, sceneY).getY()) / area.getHeight() * (r[3] - r[2]);
        }

        @Override
        public double[] range() {
            return plot.range();
        }

        @Override
        public void show(double x0, double x1, double y0, double y1) {
            plot.showRange(x0, x1, y0, y1);
        }

        @Override
        public void restore() {
            plot.showAll();
        }

        @Override
        public Group overlay() {
            return plot.overlay();
        }
    }
}
