package org.modellens.app.ui.charts;

import javafx.scene.layout.Pane;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;

/**
 * A tiny histogram: training as a filled shape, production as a line over it. Two shapes per
 * sparkline, styled by CSS, so a table of a thousand columns stays light.
 */
public final class Sparkline extends Pane {

    public static final double WIDTH = 110;
    public static final double HEIGHT = 22;

    private final Polygon train = new Polygon();
    private final Polyline prod = new Polyline();

    public Sparkline() {
        getStyleClass().add("sparkline");
        train.getStyleClass().add("sparkline-train");
        prod.getStyleClass().add("sparkline-prod");
        getChildren().addAll(train, prod);
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
    }

    public void show(Histogram histogram) {
        train.getPoints().clear();
        prod.getPoints().clear();
        if (histogram == null) {
            return;
        }
        double max = 0;
        for (int i = 0; i < histogram.bins(); i++) {
            max = Math.max(max, Math.max(histogram.train()[i], histogram.prod()[i]));
        }
        if (max == 0) {
            return;
        }
        double step = WIDTH / histogram.bins();
        train.getPoints().addAll(0.0, HEIGHT);
        for (int i = 0; i < histogram.bins(); i++) {
            double y = HEIGHT - histogram.train()[i] / max * (HEIGHT - 2);
            train.getPoints().addAll(i * step, y, (i + 1) * step, y);
            double x = (i + 0.5) * step;
            prod.getPoints().addAll(x, HEIGHT - histogram.prod()[i] / max * (HEIGHT - 2));
        }
        train.getPoints().addAll(WIDTH, HEIGHT);
    }
}
