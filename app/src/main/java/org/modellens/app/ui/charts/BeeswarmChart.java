package org.modellens.app.ui.charts;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;

import org.modellens.app.ui.explanations.BeeswarmRow;

/**
 * SHAP's beeswarm summary: a line per feature, most important on top, a dot per row at its
 * contribution, lifted off the line where dots crowd and coloured by the feature's value (low to
 * high), a vertical line at zero. Several charts share a contribution range through
 * {@link #setRange(double, double)} so that side by side they compare.
 */
public final class BeeswarmChart extends PlotCanvas {

    private static final double DOT = 4.5;
    /** Of the space between two lines, how much the densest pile of dots may fill: SHAP's 0.9 x 0.4 each side. */
    private static final double SPREAD = 0.36;
    /** Room above the first line, for the title. */
    private static final double TOP = 22;

    private List<BeeswarmRow> rows = List.of();
    private String axisTitle = "";
    private String title = "";
    private boolean labels = true;
    private double labelWidth;
    private double min = -1;
    private double max = 1;

    /** How near the pointer must come to a dot for its tooltip, in pixels. */
    private static final double HOVER = 6;

    private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
    private java.util.function.BiFunction<BeeswarmRow, Integer, String> describe = (line, dot) -> line.feature();

    public BeeswarmChart() {
        getStyleClass().add("beeswarm-chart");
        setOnMouseMoved(e -> {
            Dot near = nearest(e.getX(), e.getY());
            if (near == null) {
                tip.hide();
            } else {
                tip.setText(describe.apply(near.line(), near.index()));
                tip.show(this, e.getScreenX() + 14, e.getScreenY() + 14);
            }
        });
        setOnMouseExited(e -> tip.hide());
    }

    /** One dot: the line and its place in the line's arrays. */
    public record Dot(BeeswarmRow line, int index) {
    }

    /** The words of a dot's tooltip. */
    public void setDescriber(java.util.function.BiFunction<BeeswarmRow, Integer, String> text) {
        describe = text;
    }

    /** For tests: the hover tooltip. */
    public javafx.scene.control.Tooltip tooltip() {
        return tip;
    }

    /** The pixel centre of a dot. */
    public javafx.geometry.Point2D centre(Dot dot) {
        double pitch = (getHeight() - 40 - TOP) / rows.size();
        int line = rows.indexOf(dot.line());
        double y = TOP + (line + 0.5) * pitch + dot.line().offset()[dot.index()] * pitch * SPREAD;
        return new javafx.geometry.Point2D(xOf(dot.line().contributions()[dot.index()]), y);
    }

    /** The dot under a pixel (within {@value #HOVER} px; the last drawn where they overlap), or {@code null}. */
    public Dot nearest(double x, double y) {
        Dot best = null;
        double bestDistance = HOVER * HOVER;
        for (BeeswarmRow line : rows) {
            for (int r = 0; r < line.contributions().length; r++) {
                javafx.geometry.Point2D c = centre(new Dot(line, r));
                double distance = (c.getX() - x) * (c.getX() - x) + (c.getY() - y) * (c.getY() - y);
                if (distance <= bestDistance) {
                    best = new Dot(line, r);
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** Shows these lines (top first) under a title, the x axis titled {@code axisTitle}. */
    public void show(List<BeeswarmRow> shown, String chartTitle, String axis) {
        rows = List.copyOf(shown);
        labelWidth = widest(rows);
        title = chartTitle;
        axisTitle = axis;
        redraw();
    }

    /** Whether the feature names are written left of the lines (off for the second of two side by side). */
    public void setLabels(boolean shown) {
        labels = shown;
        redraw();
    }

    /** The contribution range drawn, padded. */
    public void setRange(double from, double to) {
        double[] range = padded(from, to);
        min = range[0];
        max = range[1];
        redraw();
    }

    /** The smallest and largest contribution over the lines. */
    public static double[] extent(List<BeeswarmRow> rows) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (BeeswarmRow row : rows) {
            for (double c : row.contributions()) {
                lo = Math.min(lo, c);
                hi = Math.max(hi, c);
            }
        }
        return new double[] {lo, hi};
    }

    /** For tests: the lines drawn, top first. */
    public List<BeeswarmRow> rows() {
        return rows;
    }

    /** For tests: the horizontal pixel of a contribution. */
    public double xOf(double contribution) {
        return left() + (contribution - min) / (max - min) * (getWidth() - left() - 12);
    }

    /** Room for the longest feature name (as drawn), up to 45% of the width. */
    private double left() {
        return labels ? Math.min(labelWidth + 16, getWidth() * 0.45) : 12;
    }

    /** The widest feature name as drawn, measured once per change of the lines. */
    private static double widest(List<BeeswarmRow> rows) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(javafx.scene.text.Font.font(11));
        double widest = 0;
        for (BeeswarmRow row : rows) {
            measure.setText(row.feature());
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return widest;
    }

    @Override
    void draw(Pen g, double width, double height) {
        double top = TOP;
        double bottom = height - 40;
        double left = left();
        double right = width - 12;
        g.setFill(textColour());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, (left + right) / 2, 2);
        if (rows.isEmpty() || bottom <= top) {
            return;
        }
        double pitch = (bottom - top) / rows.size();
        double zero = xOf(0);
        g.setStroke(axisColour());
        g.setLineWidth(1);
        g.strokeLine(zero, top, zero, bottom);
        for (int i = 0; i < rows.size(); i++) {
            BeeswarmRow row = rows.get(i);
            double y = top + (i + 0.5) * pitch;
            g.setStroke(axisColour());
            g.setLineDashes(2, 4);
            g.strokeLine(left, y, right, y);
            g.setLineDashes(null);
            if (labels) {
                g.setFill(textColour());
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(row.feature(), left - 8, y, left - 12);
            }
            double[] contributions = row.contributions();
            for (int r = 0; r < contributions.length; r++) {
                g.setFill(valueColour(row.colour()[r]));
                double x = xOf(contributions[r]);
                double dy = row.offset()[r] * pitch * SPREAD;
                g.fillOval(x - DOT / 2, y + dy - DOT / 2, DOT, DOT);
            }
        }
        drawXAxis(g, left, right, bottom + 2, min, max, axisTitle);
    }
}
