package org.modellens.app.ui.charts;

import javafx.geometry.Bounds;
import javafx.scene.Group;

/**
 * A plot drawn by hand (not an {@code XYChart}) that the shared zoom of {@link ChartActions} can move:
 * it says where its plotting area is and which data ranges it shows, and shows others on request.
 * Coordinates are the plot node's own.
 */
public interface ZoomablePlot {

    /** The plotting area, inside the axes; {@code null} while nothing is plotted or zoom does not apply. */
    Bounds plotArea();

    /** The ranges shown now: {x lower, x upper, y lower, y upper}. */
    double[] range();

    /** Shows these data ranges (lower below upper) until {@link #showAll} or new data. */
    void showRange(double xLower, double xUpper, double yLower, double yUpper);

    /** Back to the ranges the data call for. */
    void showAll();

    /** Where the zoom draws its rectangle, over the plot. */
    Group overlay();

    /** Called with a runnable to run whenever the plot gets new data, so a zoom never outlives its data. */
    void onNewData(Runnable action);
}
