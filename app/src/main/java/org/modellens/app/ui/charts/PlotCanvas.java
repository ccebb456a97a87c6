package org.modellens.app.ui.charts;

import java.util.ArrayList;
import java.util.List;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.modellens.app.ui.Formats;

/**
 * A plot of thousands of dots drawn on one canvas (a node per dot would not scale), with its axes.
 * Colours come from the theme's tokens through CSS ({@code -ml-plot-low}, {@code -ml-plot-high},
 * {@code -ml-plot-train}, {@code -ml-plot-prod}, {@code -ml-plot-missing}, {@code -ml-plot-axis},
 * {@code -ml-plot-text}); the defaults only keep a plot legible without a stylesheet.
 */
public abstract class PlotCanvas extends Region {

    private static final StyleablePropertyFactory<PlotCanvas> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final Canvas canvas = new Canvas();
    /** Over the drawing: the shared zoom's rectangle goes here. */
    private final javafx.scene.Group overlay = new javafx.scene.Group();
    private final StyleableProperty<Paint> low = CSS.createStyleablePaintProperty(this, "low", "-ml-plot-low", p -> p.low, Color.BLUE);
    private final StyleableProperty<Paint> high = CSS.createStyleablePaintProperty(this, "high", "-ml-plot-high", p -> p.high, Color.RED);
    private final StyleableProperty<Paint> train = CSS.createStyleablePaintProperty(this, "train", "-ml-plot-train", p -> p.train, Color.STEELBLUE);
    private final StyleableProperty<Paint> prod = CSS.createStyleablePaintProperty(this, "prod", "-ml-plot-prod", p -> p.prod, Color.DARKORANGE);
    private final StyleableProperty<Paint> missing = CSS.createStyleablePaintProperty(this, "missing", "-ml-plot-missing", p -> p.missing, Color.GRAY);
    private final StyleableProperty<Paint> axis = CSS.createStyleablePaintProperty(this, "axis", "-ml-plot-axis", p -> p.axis, Color.GRAY);
    private final StyleableProperty<Paint> text = CSS.createStyleablePaintProperty(this, "text", "-ml-plot-text", p -> p.text, Color.BLACK);

    protected PlotCanvas() {
        getStyleClass().add("plot-canvas");
        getChildren().addAll(canvas, overlay);
        overlay.setManaged(false);
        for (StyleableProperty<Paint> colour : List.of(low, high, train, prod, missing, axis, text)) {
            ((javafx.beans.value.ObservableValue<?>) colour).addListener((obs, old, now) -> redraw());
        }
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(0, getWidth()));
        canvas.setHeight(Math.max(0, getHeight()));
        redraw();
    }

    /** Where a plot that zooms ({@link ZoomablePlot}) shows the zoom's rectangle. */
    public final javafx.scene.Group overlay() {
        return overlay;
    }

    /** Draws the plot anew at the current size. */
    protected final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() < 20 || canvas.getHeight() < 20) {
            return;
        }
        g.setFont(Font.font(11));
        draw(Pen.of(g), canvas.getWidth(), canvas.getHeight());
    }

    /**
     * The plot as SVG elements in its own coordinates (what "Save chart as SVG" writes for it): the
     * same drawing as on screen, each dot a vector.
     */
    public final String svgElements() {
        StringBuilder out = new StringBuilder();
        if (getWidth() >= 20 && getHeight() >= 20) {
            draw(Pen.svg(out), getWidth(), getHeight());
        }
        return out.toString();
    }

    /** Draws on a cleared surface of the given size. */
    abstract void draw(Pen g, double width, double height);

    /** The colour of a place on the value scale, 0 low to 1 high, blended through the middle; missing for {@code NaN}. */
    protected final Color valueColour(double fraction) {
        if (Double.isNaN(fraction)) {
            return colour(missing.getValue());
        }
        return colour(low.getValue()).interpolate(colour(high.getValue()), fraction);
    }

    protected final Color trainColour() {
        return colour(train.getValue());
    }

    protected final Color prodColour() {
        return colour(prod.getValue());
    }

    protected final Color axisColour() {
        return colour(axis.getValue());
    }

    protected final Color textColour() {
        return colour(text.getValue());
    }

    private static Color colour(Paint paint) {
        return paint instanceof Color c ? c : Color.GRAY;
    }

    /** A horizontal axis along {@code y} from {@code left} to {@code right} for values {@code min..max}, with its title. */
    final void drawXAxis(Pen g, double left, double right, double y, double min, double max, String title) {
        g.setStroke(axisColour());
        g.setLineWidth(1);
        g.strokeLine(left, y + 0.5, right, y + 0.5);
        g.setFill(textColour());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double tick : ticks(min, max, Math.max(2, (int) ((right - left) / 70)))) {
            double x = left + (tick - min) / (max - min) * (right - left);
            g.strokeLine(x, y, x, y + 4);
            g.fillText(Formats.number(tick), x, y + 6);
        }
        g.fillText(title, (left + right) / 2, y + 22, Math.max(10, right - left));
    }

    /** A vertical axis along {@code x} from {@code bottom} up to {@code top} for values {@code min..max}. */
    final void drawYAxis(Pen g, double x, double top, double bottom, double min, double max, String title) {
        g.setStroke(axisColour());
        g.setLineWidth(1);
        g.strokeLine(x - 0.5, top, x - 0.5, bottom);
        g.setFill(textColour());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double tick : ticks(min, max, Math.max(2, (int) ((bottom - top) / 40)))) {
            double y = bottom - (tick - min) / (max - min) * (bottom - top);
            g.strokeLine(x - 4, y, x, y);
            g.fillText(Formats.number(tick), x - 6, y);
        }
        g.fillUpwardText(title, 12, (top + bottom) / 2);
    }

    /**
     * About {@code count} round tick values within {@code [min, max]}: steps of 1, 2 or 5 times a power of ten.
     */
    public static List<Double> ticks(double min, double max, int count) {
        List<Double> ticks = new ArrayList<>();
        if (!(max > min) || !Double.isFinite(max - min)) {
            return ticks;
        }
        double raw = (max - min) / Math.max(1, count);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power : 10 * power;
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    /** A range padded by 5% each side, never empty. */
    protected static double[] padded(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return new double[] {-1, 1};
        }
        double pad = max > min ? (max - min) * 0.05 : Math.max(1e-9, Math.abs(min) * 0.05 + 0.5);
        return new double[] {min - pad, max + pad};
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 420;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 120;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 120;
    }
}
