package org.modellens.app.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;


import org.modellens.app.ui.explanations.DependencePoint;

/**
 * SHAP's dependence plot: a feature's value across, its contribution up, a dot per row. Training rows
 * are circles and production rows diamonds, drawn over training; coloured by side, or by another
 * feature's value (low to high) when the points carry that colour. A categorical feature's labels are
 * spread along the axis with a little seeded jitter.
 */
public final class DependenceChart extends PlotCanvas implements ZoomablePlot {

    private static final double DOT = 5;
    private static final double LEFT = 64;

    private List<DependencePoint> points = List.of();
    private List<String> categories = List.of();
    private boolean bySide = true;
    private String xTitle = "";
    private String yTitle = "";
    private double xMin = -1;
    private double xMax = 1;
    private double yMin = -1;
    private double yMax = 1;
    /** The ranges the data call for, {x lower, x upper, y lower, y upper}: where "Reset zoom" goes back to. */
    private double[] home = {-1, 1, -1, 1};
    private Runnable newData = () -> { };

    /** How near the pointer must come to a dot for its tooltip, in pixels. */
    private static final double HOVER = 8;

    private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
    private java.util.function.Function<DependencePoint, String> describe = p -> "";

    public DependenceChart() {
        getStyleClass().add("dependence-chart");
        tip.setId("dependence-tooltip");
        setOnMouseMoved(e -> {
            DependencePoint near = nearest(e.getX(), e.getY());
            if (near == null) {
                tip.hide();
            } else {
                tip.setText(describe.apply(near));
                tip.show(this, e.getScreenX() + 14, e.getScreenY() + 14);
            }
        });
        setOnMouseExited(e -> tip.hide());
    }

    /** The words of a dot's tooltip. */
    public void setDescriber(java.util.function.Function<DependencePoint, String> text) {
        describe = text;
    }

    /** For tests: the hover tooltip. */
    public javafx.scene.control.Tooltip tooltip() {
        return tip;
    }

    /**
     * The dot under a pixel (within {@value #HOVER} px), production before training as drawn on top;
     * {@code null} where there is none.
     */
    public DependencePoint nearest(double x, double y) {
        DependencePoint best = null;
        double bestDistance = HOVER * HOVER;
        for (DependencePoint p : points) {
            if (p.category() == null && !Double.isFinite(p.value()) || !inView(p)) {
                continue;
            }
            double dx = xOf(p) - x;
            double dy = yOf(p.contribution()) - y;
            double distance = dx * dx + dy * dy;
            if (distance < bestDistance || distance == bestDistance && best != null && p.production() && !best.production()) {
                best = p;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * @param shown  the points, training and production
     * @param side   colour by side ({@code true}) or by each point's colour value
     * @param xAxis  the feature's name
     * @param yAxis  what the contributions are
     */
    public void show(List<DependencePoint> shown, boolean side, String xAxis, String yAxis) {
        points = List.copyOf(shown);
        bySide = side;
        xTitle = xAxis;
        yTitle = yAxis;
        TreeSet<String> labels = new TreeSet<>();
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (DependencePoint p : points) {
            if (p.category() != null) {
                labels.add(p.category());
            } else if (Double.isFinite(p.value())) {
                x0 = Math.min(x0, p.value());
                x1 = Math.max(x1, p.value());
            }
            y0 = Math.min(y0, p.contribution());
            y1 = Math.max(y1, p.contribution());
        }
        categories = new ArrayList<>(labels);
        double[] x = categories.isEmpty() ? padded(x0, x1) : new double[] {-0.5, categories.size() - 0.5};
        double[] y = padded(y0, y1);
        home = new double[] {x[0], x[1], y[0], y[1]};
        newData.run();
        showAll();
    }

    /** Numeric features zoom (a category's place is no quantity to zoom into). */
    @Override
    public javafx.geometry.Bounds plotArea() {
        if (points.isEmpty() || !categories.isEmpty()) {
            return null;
        }
        return new javafx.geometry.BoundingBox(LEFT, 10, Math.max(1, getWidth() - LEFT - 14), Math.max(1, getHeight() - 50));
    }

    @Override
    public double[] range() {
        return new double[] {xMin, xMax, yMin, yMax};
    }

    @Override
    public void showRange(double xLower, double xUpper, double yLower, double yUpper) {
        xMin = xLower;
        xMax = xUpper;
        yMin = yLower;
        yMax = yUpper;
        redraw();
    }

    @Override
    public void showAll() {
        showRange(home[0], home[1], home[2], home[3]);
    }

    @Override
    public void onNewData(Runnable action) {
        newData = action;
    }

    /** Inside the ranges shown: a zoomed plot draws and names only the dots in view. */
    private boolean inView(DependencePoint p) {
        double value = p.category() == null ? p.value() : xMin;
        return value >= xMin && value <= xMax && p.contribution() >= yMin && p.contribution() <= yMax;
    }

    /** For tests: the points drawn. */
    public List<DependencePoint> points() {
        return points;
    }

    /** The horizontal pixel of a numeric value (or of a category's place). */
    public double xOf(double value) {
        return LEFT + (value - xMin) / (xMax - xMin) * (getWidth() - LEFT - 14);
    }

    /** The vertical pixel of a contribution. */
    public double yOf(double contribution) {
        return yOf(contribution, getHeight());
    }

    private double yOf(double contribution, double height) {
        double bottom = height - 40;
        return bottom - (contribution - yMin) / (yMax - yMin) * (bottom - 10);
    }

    private double xOf(DependencePoint p) {
        if (p.category() == null) {
            return xOf(p.value());
        }
        // A stable jitter per row, so categories show their spread and not one stacked dot.
        double jitter = ((p.rowIndex() * 2654435761L) % 1000) / 1000.0 - 0.5;
        return xOf(categories.indexOf(p.category()) + 0.6 * jitter);
    }

    @Override
    void draw(Pen g, double width, double height) {
        double bottom = height - 40;
        if (points.isEmpty()) {
            return;
        }
        g.setStroke(axisColour());
        g.setLineDashes(2, 4);
        double zero = yOf(0, height);
        if (zero > 10 && zero < bottom) {
            g.strokeLine(LEFT, zero, width - 14, zero);
        }
        g.setLineDashes(null);
        // Training first, production over it: the side that may have gone wrong stays visible.
        for (boolean production : new boolean[] {false, true}) {
            for (DependencePoint p : points) {
                if (p.production() != production || p.category() == null && !Double.isFinite(p.value()) || !inView(p)) {
                    continue;
                }
                g.setFill(bySide ? (production ? prodColour() : trainColour()) : valueColour(p.colour()));
                double x = xOf(p);
                double y = yOf(p.contribution(), height);
                if (production) {
                    g.fillPolygon(new double[] {x, x + DOT * 0.6, x, x - DOT * 0.6},
                            new double[] {y - DOT * 0.6, y, y + DOT * 0.6, y}, 4);
                } else {
                    g.fillOval(x - DOT / 2, y - DOT / 2, DOT, DOT);
                }
            }
        }
        drawYAxis(g, LEFT, 10, bottom, yMin, yMax, yTitle);
        if (categories.isEmpty()) {
            drawXAxis(g, LEFT, width - 14, bottom, xMin, xMax, xTitle);
        } else {
            g.setStroke(axisColour());
            g.strokeLine(LEFT, bottom + 0.5, width - 14, bottom + 0.5);
            g.setFill(textColour());
            g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            g.setTextBaseline(javafx.geometry.VPos.TOP);
            double room = (width - LEFT - 14) / categories.size();
            for (int i = 0; i < categories.size(); i++) {
                g.fillText(categories.get(i), xOf(i), bottom + 6, room - 4);
            }
            g.fillText(xTitle, (LEFT + width - 14) / 2, bottom + 22);
        }
    }
}
