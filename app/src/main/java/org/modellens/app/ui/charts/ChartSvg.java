package org.modellens.app.ui.charts;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.shape.VLineTo;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.NonInvertibleTransformException;
import javafx.scene.transform.Transform;

/**
 * Writes what a chart shows as SVG by walking its scene graph: region backgrounds and borders, shapes
 * and text, each placed with its transform relative to the chart, so the file matches the window
 * (colours as CSS made them) and scales without blur. An {@link XYChart}'s series nodes carry a
 * {@code data-series} attribute with the series name, so the file says which mark is which.
 *
 * <p>Approximations, deliberate: gradients are drawn in their first colour, images and canvases are
 * left out (a {@link PlotCanvas} writes its own drawing instead), a clip is its bounding rectangle.
 */
public final class ChartSvg {

    private static final String NS = "http://www.w3.org/2000/svg";

    private final Node root;
    private final Transform rootInverse;
    private final Map<Node, String> seriesOf = new IdentityHashMap<>();
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder defs = new StringBuilder();
    private int clips;

    private ChartSvg(Node root) {
        this.root = root;
        try {
            this.rootInverse = root.getLocalToSceneTransform().createInverse();
        } catch (NonInvertibleTransformException e) {
            throw new IllegalStateException("the chart is scaled to nothing", e);
        }
        if (root instanceof XYChart<?, ?> chart) {
            for (XYChart.Series<?, ?> series : chart.getData()) {
                String name = series.getName() == null ? "" : series.getName();
                if (series.getNode() != null) {
                    seriesOf.put(series.getNode(), name);
                }
                for (XYChart.Data<?, ?> data : series.getData()) {
                    if (data.getNode() != null) {
                        seriesOf.put(data.getNode(), name);
                    }
                }
            }
        }
    }

    /** The SVG document of {@code node} as laid out now (call on the FX thread). */
    public static String of(Node node) {
        ChartSvg svg = new ChartSvg(node);
        Bounds bounds = node.getLayoutBounds();
        svg.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"").append(NS).append("\" version=\"1.1\"")
                .append(" width=\"").append(num(bounds.getWidth())).append('"')
                .append(" height=\"").append(num(bounds.getHeight())).append('"')
                .append(" viewBox=\"").append(num(bounds.getMinX())).append(' ').append(num(bounds.getMinY())).append(' ')
                .append(num(bounds.getWidth())).append(' ').append(num(bounds.getHeight())).append("\">\n");
        int body = svg.out.length();
        svg.walk(node, 1);
        if (svg.defs.length() > 0) {
            svg.out.insert(body, "  <defs>\n" + svg.defs + "  </defs>\n");
        }
        svg.out.append("</svg>\n");
        return svg.out.toString();
    }

    private void walk(Node node, int depth) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        StringBuilder group = new StringBuilder("<g");
        classes(group, node);
        String series = seriesOf.get(node);
        if (series != null) {
            attr(group, "data-series", series);
        }
        if (node.getOpacity() < 1) {
            attr(group, "opacity", num(node.getOpacity()));
        }
        String clipId = clip(node);
        if (clipId != null) {
            attr(group, "clip-path", "url(#" + clipId + ")");
        }
        indent(depth).append(group).append(">\n");
        if (node instanceof Region region) {
            region(region, depth + 1);
        }
        if (node instanceof PlotCanvas plot) {
            // A canvas plot draws itself as SVG: thousands of dots, each a vector.
            indent(depth + 1).append("<g transform=\"").append(transform(plot)).append("\">\n")
                    .append(plot.svgElements()).append("</g>\n");
        }
        if (node instanceof javafx.scene.text.Text text) {
            text(text, depth + 1);
        } else if (node instanceof Shape shape) {
            shape(shape, depth + 1);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, depth + 1);
            }
        }
        indent(depth).append("</g>\n");
    }

    /** A rectangular clip as a clipPath in the chart's coordinates. */
    private String clip(Node node) {
        if (!(node.getClip() instanceof Rectangle rectangle)) {
            return null;
        }
        Bounds local = rectangle.getBoundsInParent();
        Bounds inRoot = rootInverse.transform(node.localToScene(local));
        String id = "clip" + (++clips);
        defs.append("    <clipPath id=\"").append(id).append("\"><rect x=\"").append(num(inRoot.getMinX()))
                .append("\" y=\"").append(num(inRoot.getMinY())).append("\" width=\"").append(num(inRoot.getWidth()))
                .append("\" height=\"").append(num(inRoot.getHeight())).append("\"/></clipPath>\n");
        return id;
    }

    private void region(Region region, int depth) {
        double w = region.getWidth();
        double h = region.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        String transform = transform(region);
        if (region.getBackground() != null) {
            for (BackgroundFill fill : region.getBackground().getFills()) {
                String paint = paint(fill.getFill());
                if (paint == null) {
                    continue;
                }
                Insets in = fill.getInsets();
                StringBuilder rect = rect(in.getLeft(), in.getTop(), w - in.getLeft() - in.getRight(),
                        h - in.getTop() - in.getBottom(), fill.getRadii(), w, h);
                if (rect == null) {
                    continue;
                }
                attr(rect, "fill", paint);
                opacity(rect, "fill-opacity", fill.getFill());
                attr(rect, "transform", transform);
                indent(depth).append(rect).append("/>\n");
            }
        }
        if (region.getBorder() != null) {
            for (BorderStroke stroke : region.getBorder().getStrokes()) {
                String paint = paint(stroke.getTopStroke());
                double width = stroke.getWidths().getTop();
                if (paint == null || width <= 0) {
                    continue;
                }
                Insets in = stroke.getInsets();
                StringBuilder rect = rect(in.getLeft() + width / 2, in.getTop() + width / 2,
                        w - in.getLeft() - in.getRight() - width, h - in.getTop() - in.getBottom() - width,
                        stroke.getRadii(), w, h);
                if (rect == null) {
                    continue;
                }
                attr(rect, "fill", "none");
                attr(rect, "stroke", paint);
                opacity(rect, "stroke-opacity", stroke.getTopStroke());
                attr(rect, "stroke-width", num(width));
                attr(rect, "transform", transform);
                indent(depth).append(rect).append("/>\n");
            }
        }
    }

    private static StringBuilder rect(double x, double y, double w, double h, CornerRadii radii, double width, double height) {
        if (w <= 0 || h <= 0) {
            return null;
        }
        StringBuilder rect = new StringBuilder("<rect");
        attr(rect, "x", num(x));
        attr(rect, "y", num(y));
        attr(rect, "width", num(w));
        attr(rect, "height", num(h));
        if (radii != null) {
            double rx = radii.getTopLeftHorizontalRadius() * (radii.isTopLeftHorizontalRadiusAsPercentage() ? width : 1);
            double ry = radii.getTopLeftVerticalRadius() * (radii.isTopLeftVerticalRadiusAsPercentage() ? height : 1);
            if (rx > 0 || ry > 0) {
                attr(rect, "rx", num(Math.min(rx, w / 2)));
                attr(rect, "ry", num(Math.min(ry, h / 2)));
            }
        }
        return rect;
    }

    private void shape(Shape shape, int depth) {
        StringBuilder element;
        if (shape instanceof Rectangle r) {
            element = new StringBuilder("<rect");
            attr(element, "x", num(r.getX()));
            attr(element, "y", num(r.getY()));
            attr(element, "width", num(r.getWidth()));
            attr(element, "height", num(r.getHeight()));
            if (r.getArcWidth() > 0) {
                attr(element, "rx", num(r.getArcWidth() / 2));
                attr(element, "ry", num(r.getArcHeight() / 2));
            }
        } else if (shape instanceof Circle c) {
            element = new StringBuilder("<circle");
            attr(element, "cx", num(c.getCenterX()));
            attr(element, "cy", num(c.getCenterY()));
            attr(element, "r", num(c.getRadius()));
        } else if (shape instanceof Ellipse e) {
            element = new StringBuilder("<ellipse");
            attr(element, "cx", num(e.getCenterX()));
            attr(element, "cy", num(e.getCenterY()));
            attr(element, "rx", num(e.getRadiusX()));
            attr(element, "ry", num(e.getRadiusY()));
        } else if (shape instanceof Line l) {
            element = new StringBuilder("<line");
            attr(element, "x1", num(l.getStartX()));
            attr(element, "y1", num(l.getStartY()));
            attr(element, "x2", num(l.getEndX()));
            attr(element, "y2", num(l.getEndY()));
        } else if (shape instanceof Polyline p) {
            element = new StringBuilder("<polyline");
            attr(element, "points", points(p.getPoints()));
        } else if (shape instanceof Polygon p) {
            element = new StringBuilder("<polygon");
            attr(element, "points", points(p.getPoints()));
        } else if (shape instanceof Path p) {
            String d = path(p.getElements());
            if (d.isEmpty()) {
                return;
            }
            element = new StringBuilder("<path");
            attr(element, "d", d);
        } else if (shape instanceof SVGPath p) {
            element = new StringBuilder("<path");
            attr(element, "d", p.getContent());
        } else {
            return;
        }
        String fill = paint(shape.getFill());
        attr(element, "fill", fill == null ? "none" : fill);
        opacity(element, "fill-opacity", shape.getFill());
        String stroke = paint(shape.getStroke());
        if (stroke != null && shape.getStrokeWidth() > 0) {
            attr(element, "stroke", stroke);
            opacity(element, "stroke-opacity", shape.getStroke());
            attr(element, "stroke-width", num(shape.getStrokeWidth()));
            if (!shape.getStrokeDashArray().isEmpty()) {
                StringBuilder dashes = new StringBuilder();
                for (Double dash : shape.getStrokeDashArray()) {
                    dashes.append(dashes.length() == 0 ? "" : " ").append(num(dash));
                }
                attr(element, "stroke-dasharray", dashes.toString());
            }
            attr(element, "stroke-linecap", shape.getStrokeLineCap().name().toLowerCase(Locale.ROOT));
            attr(element, "stroke-linejoin", shape.getStrokeLineJoin().name().toLowerCase(Locale.ROOT));
        }
        attr(element, "transform", transform(shape));
        indent(depth).append(element).append("/>\n");
    }

    private void text(javafx.scene.text.Text text, int depth) {
        String content = text.getText();
        String fill = paint(text.getFill());
        if (content == null || content.isBlank() || fill == null) {
            return;
        }
        Bounds layout = text.getLayoutBounds();
        String[] lines = content.split("\n", -1);
        double lineHeight = layout.getHeight() / lines.length;
        // Baseline of the first line, whatever the node's text origin.
        double baseline = text.getTextOrigin() == VPos.BASELINE ? text.getY() : layout.getMinY() + text.getBaselineOffset();
        String anchor = "start";
        double x = layout.getMinX();
        if (lines.length > 1 && text.getTextAlignment() == TextAlignment.CENTER) {
            anchor = "middle";
            x = layout.getMinX() + layout.getWidth() / 2;
        } else if (lines.length > 1 && text.getTextAlignment() == TextAlignment.RIGHT) {
            anchor = "end";
            x = layout.getMaxX();
        }
        Font font = text.getFont();
        StringBuilder element = new StringBuilder("<text");
        attr(element, "x", num(x));
        attr(element, "y", num(baseline));
        attr(element, "font-family", family(font.getFamily()));
        attr(element, "font-size", num(font.getSize()));
        // Font.getStyle() names the face: "Regular", "Bold", "Bold Italic", ...
        String style = font.getStyle().toLowerCase(Locale.ROOT);
        if (style.contains("bold")) {
            attr(element, "font-weight", "bold");
        }
        if (style.contains("italic") || style.contains("oblique")) {
            attr(element, "font-style", "italic");
        }
        attr(element, "text-anchor", anchor);
        attr(element, "fill", fill);
        opacity(element, "fill-opacity", text.getFill());
        attr(element, "transform", transform(text));
        indent(depth).append(element).append('>');
        if (lines.length == 1) {
            out.append(escape(content));
        } else {
            for (int i = 0; i < lines.length; i++) {
                out.append("<tspan x=\"").append(num(x)).append("\" dy=\"").append(num(i == 0 ? 0 : lineHeight)).append("\">")
                        .append(escape(lines[i])).append("</tspan>");
            }
        }
        out.append("</text>\n");
    }

    /** JavaFX's logical font names as CSS generic families; a real family with a generic fallback. */
    private static String family(String family) {
        return switch (family) {
            case "System", "SansSerif" -> "sans-serif";
            case "Serif" -> "serif";
            case "Monospaced" -> "monospace";
            default -> "'" + family.replace("'", "") + "', sans-serif";
        };
    }

    /** The node's local coordinates to the chart's, as an SVG matrix. */
    private String transform(Node node) {
        Transform t = rootInverse.createConcatenation(node.getLocalToSceneTransform());
        return "matrix(" + num(t.getMxx()) + ' ' + num(t.getMyx()) + ' ' + num(t.getMxy()) + ' ' + num(t.getMyy())
                + ' ' + num(t.getTx()) + ' ' + num(t.getTy()) + ')';
    }

    private static String path(List<PathElement> elements) {
        StringBuilder d = new StringBuilder();
        for (PathElement element : elements) {
            boolean abs = element.isAbsolute();
            if (element instanceof MoveTo m) {
                d.append(abs ? 'M' : 'm').append(num(m.getX())).append(' ').append(num(m.getY()));
            } else if (element instanceof LineTo l) {
                d.append(abs ? 'L' : 'l').append(num(l.getX())).append(' ').append(num(l.getY()));
            } else if (element instanceof HLineTo h) {
                d.append(abs ? 'H' : 'h').append(num(h.getX()));
            } else if (element instanceof VLineTo v) {
                d.append(abs ? 'V' : 'v').append(num(v.getY()));
            } else if (element instanceof CubicCurveTo c) {
                d.append(abs ? 'C' : 'c').append(num(c.getControlX1())).append(' ').append(num(c.getControlY1())).append(' ')
                        .append(num(c.getControlX2())).append(' ').append(num(c.getControlY2())).append(' ')
                        .append(num(c.getX())).append(' ').append(num(c.getY()));
            } else if (element instanceof QuadCurveTo q) {
                d.append(abs ? 'Q' : 'q').append(num(q.getControlX())).append(' ').append(num(q.getControlY())).append(' ')
                        .append(num(q.getX())).append(' ').append(num(q.getY()));
            } else if (element instanceof ArcTo a) {
                d.append(abs ? 'A' : 'a').append(num(a.getRadiusX())).append(' ').append(num(a.getRadiusY())).append(' ')
                        .append(num(a.getXAxisRotation())).append(' ').append(a.isLargeArcFlag() ? 1 : 0).append(' ')
                        .append(a.isSweepFlag() ? 1 : 0).append(' ').append(num(a.getX())).append(' ').append(num(a.getY()));
            } else if (element instanceof ClosePath) {
                d.append('Z');
            }
            d.append(' ');
        }
        return d.toString().trim();
    }

    private static String points(List<Double> points) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 1 < points.size(); i += 2) {
            text.append(i == 0 ? "" : " ").append(num(points.get(i))).append(',').append(num(points.get(i + 1)));
        }
        return text.toString();
    }

    /** An SVG colour, or {@code null} for no paint; gradients in their first stop's colour. */
    static String paint(Paint paint) {
        Color color = color(paint);
        if (color == null || color.getOpacity() == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(color.getRed() * 255),
                Math.round(color.getGreen() * 255), Math.round(color.getBlue() * 255));
    }

    private static Color color(Paint paint) {
        if (paint instanceof Color color) {
            return color;
        }
        if (paint instanceof LinearGradient gradient && !gradient.getStops().isEmpty()) {
            return gradient.getStops().get(0).getColor();
        }
        if (paint instanceof RadialGradient gradient && !gradient.getStops().isEmpty()) {
            return gradient.getStops().get(0).getColor();
        }
        return null;
    }

    private static void opacity(StringBuilder element, String name, Paint paint) {
        Color color = color(paint);
        if (color != null && color.getOpacity() < 1) {
            attr(element, name, num(color.getOpacity()));
        }
    }

    private static void classes(StringBuilder element, Node node) {
        if (!node.getStyleClass().isEmpty()) {
            attr(element, "class", String.join(" ", node.getStyleClass()));
        }
        if (node.getId() != null) {
            attr(element, "id", node.getId());
        }
    }

    private static void attr(StringBuilder element, String name, String value) {
        element.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }

    private StringBuilder indent(int depth) {
        return out.append("  ".repeat(Math.min(depth, 40)));
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    // XML 1.0 allows no control characters but tab, newline and carriage return.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static String num(double value) {
        if (!Double.isFinite(value)) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.3f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
