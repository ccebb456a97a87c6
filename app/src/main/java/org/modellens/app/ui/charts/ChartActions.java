package org.modellens.app.ui.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import org.modellens.app.ui.Formats;
import org.modellens.app.ui.SaveFiles;
import org.modellens.app.ui.Text;
import org.modellens.data.AtomicFiles;

/**
 * What every chart in the workbench offers, installed by one call: a right-click menu "Save chart as
 * PNG…", "Save chart as SVG…", "Copy" (the image, to the clipboard); on an {@link XYChart}, a tooltip
 * naming the point or bar under the pointer; on an XYChart with two number axes or a
 * {@link ZoomablePlot}, zoom (drag a rectangle or scroll; double-click or "Reset zoom" goes back).
 *
 * <pre>{@code
 * ChartActions.install(chart);                          // default tooltip: series, x and y with the axis labels
 * ChartActions.install(chart, (series, data) -> ...);   // your own tooltip text
 * ChartActions.install(customRegion);                   // any Region: the menu only
 * }</pre>
 */
public final class ChartActions {

    /** The text of a chart point's tooltip. */
    @FunctionalInterface
    public interface PointText {
        String of(XYChart.Series<?, ?> series, XYChart.Data<?, ?> data);
    }

    private static final String INSTALLED = ChartActions.class.getName();

    private ChartActions() {
    }

    /** Installs the menu, and on an XYChart the tooltips and (two number axes) zoom, with the default tooltip text. */
    public static void install(Region chart) {
        install(chart, ChartActions::defaultText);
    }

    /** As {@link #install(Region)}, with tooltips worded by {@code text}. Installing twice does nothing. */
    public static void install(Region chart, PointText text) {
        if (chart.getProperties().containsKey(INSTALLED)) {
            return;
        }
        ChartZoom zoom = null;
        ChartTooltips tooltips = null;
        if (chart instanceof XYChart<?, ?> xy) {
            tooltips = new ChartTooltips(xy, text);
            tooltips.install();
        }
        zoom = ChartZoom.forChart(chart);
        if (zoom != null) {
            zoom.install();
        }
        chart.getProperties().put(INSTALLED, new Installed(tooltips, zoom));
        ContextMenu menu = menu(chart, zoom);
        chart.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            menu.show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private record Installed(ChartTooltips tooltips, ChartZoom zoom) {
    }

    private static ContextMenu menu(Region chart, ChartZoom zoom) {
        MenuItem png = new MenuItem(Text.get("chart.savePng"));
        png.setId("chart-save-png");
        png.setOnAction(e -> save(chart, "png"));
        MenuItem svg = new MenuItem(Text.get("chart.saveSvg"));
        svg.setId("chart-save-svg");
        svg.setOnAction(e -> save(chart, "svg"));
        MenuItem copy = new MenuItem(Text.get("chart.copy"));
        copy.setId("chart-copy");
        copy.setOnAction(e -> copy(chart));
        ContextMenu menu = new ContextMenu(png, svg, copy);
        if (zoom != null) {
            MenuItem reset = new MenuItem(Text.get("chart.resetZoom"));
            reset.setId("chart-reset-zoom");
            reset.disableProperty().bind(zoom.zoomedProperty().not());
            reset.setOnAction(e -> zoom.reset());
            menu.getItems().addAll(new SeparatorMenuItem(), reset);
        }
        return menu;
    }

    /** Writes the chart as drawn now to a PNG file, atomically. */
    public static void savePng(Node chart, Path file) throws IOException {
        var image = ChartImages.snapshot(chart);
        AtomicFiles.write(file, out -> ChartImages.writePng(image, out));
    }

    /** Writes the chart as drawn now to an SVG file, atomically. */
    public static void saveSvg(Node chart, Path file) throws IOException {
        byte[] svg = ChartSvg.of(chart).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(svg));
    }

    /** Puts the chart's image on the clipboard. */
    public static void copy(Node chart) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(ChartImages.snapshot(chart));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The hover tooltip of a chart set up by {@link #install}, or {@code null}: for tests. */
    public static Tooltip tooltip(Region chart) {
        return chart.getProperties().get(INSTALLED) instanceof Installed installed && installed.tooltips() != null
                ? installed.tooltips().tooltip() : null;
    }

    private static void save(Region chart, String extension) {
        String name = (chart.getId() == null ? "chart" : chart.getId()) + "." + extension;
        Window owner = chart.getScene() == null ? null : chart.getScene().getWindow();
        Path file = SaveFiles.ask(owner, Text.get("chart.save.title"), name, Text.get("chart.filter." + extension), extension);
        if (file == null) {
            return;
        }
        try {
            if ("svg".equals(extension)) {
                saveSvg(chart, file);
            } else {
                savePng(chart, file);
            }
        } catch (IOException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.initOwner(owner);
            alert.setHeaderText(Text.get("chart.save.failed"));
            alert.setContentText(e.getMessage());
            alert.show();
        }
    }

    /** "Training / share of values: 12.3% ..." from the series name and the axis labels. */
    static String defaultText(XYChart.Series<?, ?> series, XYChart.Data<?, ?> data) {
        XYChart<?, ?> chart = series.getChart();
        String xLabel = label(chart == null ? null : chart.getXAxis(), "chart.axis.x");
        String yLabel = label(chart == null ? null : chart.getYAxis(), "chart.axis.y");
        String x = value(data.getXValue());
        String y = value(data.getYValue());
        return series.getName() == null || series.getName().isBlank()
                ? Text.get("chart.tooltip.unnamed", xLabel, x, yLabel, y)
                : Text.get("chart.tooltip", series.getName(), xLabel, x, yLabel, y);
    }

    private static String label(Axis<?> axis, String fallbackKey) {
        return axis == null || axis.getLabel() == null || axis.getLabel().isBlank() ? Text.get(fallbackKey) : axis.getLabel();
    }

    private static String value(Object value) {
        return value instanceof Number number ? Formats.number(number.doubleValue()) : String.valueOf(value);
    }
}
