package org.modellens.app.ui.charts;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import org.modellens.app.ui.Views;

/**
 * One tooltip per chart that follows the pointer: over a bar it names that bar, elsewhere the data
 * point nearest the pointer within a few pixels, whether or not the series draws symbols (the
 * histogram and the curves draw none). Points whose node has a tooltip of its own are left to it.
 */
final class ChartTooltips {

    /** How near, in pixels, the pointer must be to a point to name it. */
    static final double RADIUS = 10;
    /** Where {@link Tooltip#install} keeps a node's own tooltip. */
    private static final String OWN_TOOLTIP = "javafx.scene.control.Tooltip";

    private final XYChart<?, ?> chart;
    private final ChartActions.PointText text;
    private final Tooltip tooltip = Views.tooltip("");

    ChartTooltips(XYChart<?, ?> chart, ChartActions.PointText text) {
        this.chart = chart;
        this.text = text;
        tooltip.getStyleClass().add("chart-tooltip");
    }

    void install() {
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tooltip.hide());
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> tooltip.hide());
    }

    Tooltip tooltip() {
        return tooltip;
    }

    private void moved(MouseEvent event) {
        Hit hit = hit(event.getSceneX(), event.getSceneY());
        if (hit == null) {
            tooltip.hide();
            return;
        }
        tooltip.setText(text.of(hit.series(), hit.data()));
        double x = event.getScreenX() + 14;
        double y = event.getScreenY() + 14;
        if (tooltip.isShowing()) {
            tooltip.setAnchorX(x);
            tooltip.setAnchorY(y);
        } else {
            tooltip.show(chart, x, y);
        }
    }

    record Hit(XYChart.Series<?, ?> series, XYChart.Data<?, ?> data) {
    }

    /** The bar under, or the point nearest to, a scene position inside the plot area; null if none. */
    @SuppressWarnings("unchecked")
    Hit hit(double sceneX, double sceneY) {
        Node plot = chart.lookup(".chart-plot-background");
        if (plot == null || !plot.localToScene(plot.getLayoutBounds()).contains(sceneX, sceneY)) {
            return null;
        }
        Axis<Object> xAxis = (Axis<Object>) chart.getXAxis();
        Axis<Object> yAxis = (Axis<Object>) chart.getYAxis();
        // Axes are translated, never rotated or scaled: one offset per axis serves every point.
        Point2D xOrigin = xAxis.localToScene(0, 0);
        Point2D yOrigin = yAxis.localToScene(0, 0);
        Hit best = null;
        double bestDistance = RADIUS * RADIUS;
        for (XYChart.Series<?, ?> series : chart.getData()) {
            for (XYChart.Data<?, ?> data : series.getData()) {
                Node node = data.getNode();
                if (node != null && node.getProperties().containsKey(OWN_TOOLTIP)) {
                    continue;
                }
                if (chart instanceof BarChart<?, ?>) {
                    if (node != null && node.isVisible()) {
                        Bounds bar = node.localToScene(node.getLayoutBounds());
                        if (bar.contains(sceneX, sceneY)) {
                            return new Hit(series, data);
                        }
                    }
                    continue;
                }
                double x = xOrigin.getX() + xAxis.getDisplayPosition(data.getXValue());
                double y = yOrigin.getY() + yAxis.getDisplayPosition(data.getYValue());
                double distance = (x - sceneX) * (x - sceneX) + (y - sceneY) * (y - sceneY);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = new Hit(series, data);
                }
            }
        }
        return best;
    }
}
