package org.modellens.app.ui.charts;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * What the canvas plots draw with: the few calls they make, drawn on screen by a canvas or written as
 * SVG elements, so that "Save chart as SVG" gets every dot as a vector and not an empty canvas.
 */
interface Pen {

    void setFill(Color colour);

    void setStroke(Color colour);

    void setLineWidth(double width);

    /** Dashes of these lengths, or {@code null} for a solid line. */
    void setLineDashes(double... dashes);

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillOval(double x, double y, double width, double height);

    void fillPolygon(double[] xs, double[] ys, int points);

    /** Text at a point, squeezed into {@code maxWidth} on screen where longer. */
    void fillText(String text, double x, double y, double maxWidth);

    default void fillText(String text, double x, double y) {
        fillText(text, x, y, Double.MAX_VALUE);
    }

    /** Text turned a quarter anticlockwise, centred on the point (a vertical axis title). */
    void fillUpwardText(String text, double x, double y);

    /** The screen: a canvas's graphics context. */
    static Pen of(GraphicsContext g) {
        return new Pen() {
            @Override public void setFill(Color colour) { g.setFill(colour); }
            @Override public void setStroke(Color colour) { g.setStroke(colour); }
            @Override public void setLineWidth(double width) { g.setLineWidth(width); }
            @Override public void setLineDashes(double... dashes) { g.setLineDashes(dashes); }
            @Override public void setTextAlign(TextAlignment align) { g.setTextAlign(align); }
            @Override public void setTextBaseline(VPos baseline) { g.setTextBaseline(baseline); }
            @Override public void strokeLine(double x1, double y1, double x2, double y2) { g.strokeLine(x1, y1, x2, y2); }
            @Override public void fillOval(double x, double y, double w, double h) { g.fillOval(x, y, w, h); }
            @Override public void fillPolygon(double[] xs, double[] ys, int n) { g.fillPolygon(xs, ys, n); }

            @Override
            public void fillText(String text, double x, double y, double maxWidth) {
                if (maxWidth == Double.MAX_VALUE) {
                    g.fillText(text, x, y);
                } else {
                    g.fillText(text, x, y, maxWidth);
                }
            }

            @Override
            public void fillUpwardText(String text, double x, double y) {
                g.save();
                g.translate(x, y);
                g.rotate(-90);
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(text, 0, 0);
                g.restore();
            }
        };
    }

    /** SVG elements, appended to {@code out}, in the plot's own coordinates. */
    static Pen svg(StringBuilder out) {
        return new Pen() {
            private String fill = "#000000";
            private double fillOpacity = 1;
            private String stroke = "#000000";
            private double strokeOpacity = 1;
            private double lineWidth = 1;
            private String dashes;
            private String anchor = "start";
            private String baseline = "auto";

            @Override
            public void setFill(Color colour) {
                fill = hex(colour);
                fillOpacity = colour.getOpacity();
            }

            @Override
            public void setStroke(Color colour) {
                stroke = hex(colour);
                strokeOpacity = colour.getOpacity();
            }

            @Override public void setLineWidth(double width) { lineWidth = width; }

            @Override
            public void setLineDashes(double... lengths) {
                if (lengths == null || lengths.length == 0) {
                    dashes = null;
                    return;
                }
                StringBuilder list = new StringBuilder();
                for (double length : lengths) {
                    list.append(list.length() == 0 ? "" : " ").append(num(length));
                }
                dashes = list.toString();
            }

            @Override
            public void setTextAlign(TextAlignment align) {
                anchor = switch (align) {
                    case CENTER -> "middle";
                    case RIGHT -> "end";
                    default -> "start";
                };
            }

            @Override
            public void setTextBaseline(VPos vpos) {
                baseline = switch (vpos) {
                    case TOP -> "hanging";
                    case CENTER -> "central";
                    case BOTTOM -> "text-after-edge";
                    default -> "auto";
                };
            }

            @Override
            public void strokeLine(double x1, double y1, double x2, double y2) {
                out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                        .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke).append('"')
                        .append(opacity("stroke-opacity", strokeOpacity)).append(" stroke-width=\"").append(num(lineWidth)).append('"')
                        .append(dashes == null ? "" : " stroke-dasharray=\"" + dashes + "\"").append("/>\n");
            }

            @Override
            public void fillOval(double x, double y, double w, double h) {
                out.append("<ellipse cx=\"").append(num(x + w / 2)).append("\" cy=\"").append(num(y + h / 2)).append("\" rx=\"")
                        .append(num(w / 2)).append("\" ry=\"").append(num(h / 2)).append("\" fill=\"").append(fill).append('"')
                        .append(opacity("fill-opacity", fillOpacity)).append("/>\n");
            }

            @Override
            public void fillPolygon(double[] xs, double[] ys, int n) {
                out.append("<polygon points=\"");
                for (int i = 0; i < n; i++) {
                    out.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
                }
                out.append("\" fill=\"").append(fill).append('"').append(opacity("fill-opacity", fillOpacity)).append("/>\n");
            }

            @Override
            public void fillText(String text, double x, double y, double maxWidth) {
                text(text, "x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" dominant-baseline=\""
                        + baseline + "\"");
            }

            @Override
            public void fillUpwardText(String text, double x, double y) {
                text(text, "transform=\"translate(" + num(x) + ' ' + num(y) + ") rotate(-90)\" text-anchor=\"middle\""
                        + " dominant-baseline=\"" + baseline + "\"");
            }

            private void text(String text, String place) {
                out.append("<text ").append(place).append(" font-size=\"11\" font-family=\"sans-serif\" fill=\"").append(fill)
                        .append('"').append(opacity("fill-opacity", fillOpacity)).append('>').append(escape(text)).append("</text>\n");
            }
        };
    }

    private static String opacity(String name, double opacity) {
        return opacity >= 1 ? "" : " " + name + "=\"" + num(opacity) + "\"";
    }

    private static String hex(Color colour) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(colour.getRed() * 255), Math.round(colour.getGreen() * 255),
                Math.round(colour.getBlue() * 255));
    }

    private static String num(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
