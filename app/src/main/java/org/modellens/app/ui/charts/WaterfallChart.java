package org.modellens.app.ui.charts;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

import org.modellens.app.ui.Formats;
import org.modellens.app.ui.explanations.WaterfallStep;

/**
 * A horizontal waterfall: one line per step, the label on the left, a bar from the running total
 * before to the running total after, its value on the right. Bars are styled by CSS
 * (waterfall-base, waterfall-up, waterfall-down, waterfall-total).
 */
public final class WaterfallChart extends Region {

    private static final double LABEL_WIDTH = 220;
    private static final double VALUE_WIDTH = 120;
    private static final double ROW = 21;

    private List<WaterfallStep> steps = List.of();
    private final List<Label> labels = new ArrayList<>();
    private final List<Label> values = new ArrayList<>();
    private final List<Rectangle> bars = new ArrayList<>();
    private final Line zero = new Line();

    public WaterfallChart() {
        getStyleClass().add("waterfall");
        zero.getStyleClass().add("waterfall-axis");
    }

    public void show(List<WaterfallStep> shown) {
        steps = List.copyOf(shown);
        getChildren().clear();
        labels.clear();
        values.clear();
        bars.clear();
        getChildren().add(zero);
        for (WaterfallStep step : steps) {
            Label label = new Label(step.label());
            label.getStyleClass().add("waterfall-label");
            Label value = new Label(step.kind() == WaterfallStep.Kind.CONTRIBUTION
                    ? (step.value() >= 0 ? "+" : "") + Formats.number(step.value()) : Formats.number(step.end())
                    + (step.note() == null ? "" : " " + step.note()));
            value.getStyleClass().add("waterfall-value");
            Rectangle bar = new Rectangle();
            bar.getStyleClass().add(switch (step.kind()) {
                case BASE -> "waterfall-base";
                case TOTAL -> "waterfall-total";
                case CONTRIBUTION -> step.value() >= 0 ? "waterfall-up" : "waterfall-down";
            });
            labels.add(label);
            values.add(value);
            bars.add(bar);
            getChildren().addAll(bar, label, value);
        }
        setPrefHeight(Math.max(ROW * 2, steps.size() * ROW + 8));
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (steps.isEmpty()) {
            return;
        }
        // As SHAP's waterfall: the axis spans the running totals, from E[f(x)] to f(x) and what lies
        // between; the two ends are marks at their values, not bars from zero that would dwarf the steps.
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (WaterfallStep step : steps) {
            double from = step.kind() == WaterfallStep.Kind.CONTRIBUTION ? step.start() : step.end();
            min = Math.min(min, Math.min(from, step.end()));
            max = Math.max(max, Math.max(from, step.end()));
        }
        double pad = (max - min) * 0.05;
        min -= pad;
        max += pad;
        double plotLeft = LABEL_WIDTH + 8;
        double plotWidth = Math.max(40, getWidth() - plotLeft - VALUE_WIDTH - 8);
        double span = max - min == 0 ? 1 : max - min;
        double scale = plotWidth / span;
        double zeroX = plotLeft + (0 - min) * scale;
        zero.setVisible(zeroX >= plotLeft && zeroX <= plotLeft + plotWidth);
        zero.setStartX(zeroX);
        zero.setEndX(zeroX);
        zero.setStartY(0);
        zero.setEndY(steps.size() * ROW);
        for (int i = 0; i < steps.size(); i++) {
            WaterfallStep step = steps.get(i);
            double y = i * ROW;
            boolean end = step.kind() != WaterfallStep.Kind.CONTRIBUTION;
            double from = end ? plotLeft + (step.end() - min) * scale - 1.5
                    : plotLeft + (Math.min(step.start(), step.end()) - min) * scale;
            double width = end ? 3 : Math.max(1.5, Math.abs(step.end() - step.start()) * scale);
            Rectangle bar = bars.get(i);
            bar.setX(from);
            bar.setY(y + 5);
            bar.setWidth(width);
            bar.setHeight(ROW - 10);
            labels.get(i).resizeRelocate(0, y, LABEL_WIDTH, ROW);
            labels.get(i).setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
            values.get(i).resizeRelocate(plotLeft + plotWidth + 8, y, VALUE_WIDTH, ROW);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return LABEL_WIDTH + VALUE_WIDTH + 300;
    }

    /** For tests: the steps drawn. */
    public List<WaterfallStep> steps() {
        return steps;
    }
}
