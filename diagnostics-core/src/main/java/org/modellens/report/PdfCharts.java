package org.modellens.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.modellens.profile.ColumnProfile;
import org.modellens.text.Numbers;

/**
 * Vector charts drawn straight into the PDF with lines, rectangles and text (no AWT: the core stays
 * headless). Each chart is placed at the canvas cursor and moves it down by its height. The charts
 * draw the report's numbers as given; they compute only positions on the page.
 */
final class PdfCharts {

    private static final float LABEL_WIDTH = 120;
    private static final float VALUE_WIDTH = 48;
    private static final float FONT = 8;

    private PdfCharts() {
    }

    /** A series of a bar chart. */
    record Series(String name, float[] colour, double[] values) {
    }

    /**
     * Horizontal grouped bars, one group per label, one bar per series, each bar labelled with its
     * value. Values that do not exist draw no bar and print an en dash.
     *
     * @param axisMax  the axis maximum, or {@code NaN} to fit the largest value
     * @param asShare  print values as percentages
     */
    static void bars(PdfCanvas canvas, String title, List<String> labels, List<Series> series, double axisMax,
                     boolean asShare) throws IOException {
        float barHeight = series.size() == 1 ? 11 : 8;
        float groupHeight = barHeight * series.size() + 6;
        float height = 18 + labels.size() * groupHeight + 22 + (series.size() > 1 ? 12 : 0);
        canvas.ensure(height + 10);
        canvas.beginFigure(barsText(title, labels, series, asShare));
        float top = canvas.y() - 6;
        canvas.text(canvas.bold, 9, PdfCanvas.INK, PdfCanvas.MARGIN, top - 9, title);
        if (series.size() > 1) {
            legend(canvas, series, top - 22);
        }
        float plotTop = top - 18 - (series.size() > 1 ? 12 : 0);
        float plotLeft = PdfCanvas.MARGIN + LABEL_WIDTH;
        float plotWidth = PdfCanvas.WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        double max = axisMax;
        if (!Double.isFinite(max)) {
            max = 0;
            for (Series s : series) {
                for (double v : s.values()) {
                    if (Double.isFinite(v)) {
                        max = Math.max(max, v);
                    }
                }
            }
        }
        double[] ticks = ticks(0, max > 0 ? max : 1);
        double axisEnd = ticks[ticks.length - 1];
        float plotBottom = plotTop - labels.size() * groupHeight;
        for (double tick : ticks) {
            float x = plotLeft + (float) (tick / axisEnd) * plotWidth;
            canvas.line(PdfCanvas.RULE, 0.4f, x, plotBottom, x, plotTop);
            String text = asShare ? Numbers.percent(tick) : Numbers.number(tick);
            canvas.text(canvas.regular, 7, PdfCanvas.MUTED, x - canvas.width(canvas.regular, 7, text) / 2, plotBottom - 9, text);
        }
        float y = plotTop;
        for (int i = 0; i < labels.size(); i++) {
            float groupTop = y - 3;
            String label = canvas.clip(canvas.regular, FONT, LABEL_WIDTH - 8, labels.get(i));
            canvas.textRight(canvas.regular, FONT, PdfCanvas.INK, plotLeft - 6,
                    groupTop - (groupHeight - 6) / 2 - FONT * 0.35f, label);
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values()[i];
                float barTop = groupTop - s * barHeight;
                float length = Double.isFinite(value) ? (float) (Math.max(0, value) / axisEnd) * plotWidth : 0;
                if (length > 0) {
                    canvas.fillRect(series.get(s).colour(), plotLeft, barTop - barHeight + 1, length, barHeight - 1.5f);
                }
                String text = asShare ? Numbers.percent(value) : Numbers.number(value);
                canvas.text(canvas.regular, 7, PdfCanvas.MUTED, plotLeft + length + 3, barTop - barHeight + 3, text);
            }
            y -= groupHeight;
        }
        canvas.line(PdfCanvas.INK, 0.6f, plotLeft, plotBottom, plotLeft, plotTop);
        canvas.endLeaf();
        canvas.moveDown(height);
    }

    /**
     * The drift of the top features on one measure's own axis: bars coloured by severity, the warn and fail
     * levels of the settings drawn as lines across the plot, the axis titled with the measure.
     */
    static void drift(PdfCanvas canvas, DriftRanking.Panel panel) throws IOException {
        List<DriftRanking.FeatureDrift> bars = panel.features();
        float barHeight = 11;
        float groupHeight = barHeight + 6;
        float height = 18 + 16 + bars.size() * groupHeight + 30;
        canvas.ensure(height + 10);
        StringBuilder alt = new StringBuilder("Bar chart. ").append(panel.title()).append(". ").append(panel.measure().axisTitle())
                .append('.');
        for (DriftRanking.FeatureDrift bar : bars) {
            alt.append(' ').append(bar.feature()).append(' ').append(Numbers.number(bar.value()))
                    .append(bar.severity() == org.modellens.checks.Severity.INFO ? "" : " (" + bar.severity().jsonName() + ")").append(';');
        }
        canvas.beginFigure(alt.toString());
        float top = canvas.y() - 6;
        canvas.text(canvas.bold, 9, PdfCanvas.INK, PdfCanvas.MARGIN, top - 9, panel.title());
        float legendY = top - 22;
        float x = PdfCanvas.MARGIN + LABEL_WIDTH;
        for (org.modellens.checks.Severity level : List.of(org.modellens.checks.Severity.FAIL, org.modellens.checks.Severity.WARN,
                org.modellens.checks.Severity.INFO)) {
            String name = level == org.modellens.checks.Severity.INFO ? "below alarm level" : level.jsonName();
            canvas.fillRect(severityColour(level), x, legendY, 10, 6);
            canvas.text(canvas.regular, 8, PdfCanvas.INK, x + 14, legendY, name);
            x += 24 + canvas.width(canvas.regular, 8, name);
        }
        float plotTop = top - 34;
        float plotLeft = PdfCanvas.MARGIN + LABEL_WIDTH;
        float plotWidth = PdfCanvas.WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        // The axis covers the fail level and every bar, except a bar so far out (over three times the next
        // largest value and the fail level) that it would flatten the rest: that one is cut at the axis end.
        double max = panel.axisMax();
        double[] ticks = ticks(0, max > 0 ? max : 1);
        double axisEnd = ticks[ticks.length - 1];
        float plotBottom = plotTop - bars.size() * groupHeight;
        for (double tick : ticks) {
            float tx = plotLeft + (float) (tick / axisEnd) * plotWidth;
            canvas.line(PdfCanvas.RULE, 0.4f, tx, plotBottom, tx, plotTop);
            String text = Numbers.number(tick);
            canvas.text(canvas.regular, 7, PdfCanvas.MUTED, tx - canvas.width(canvas.regular, 7, text) / 2, plotBottom - 9, text);
        }
        // The alarm levels first, so the bars and their values sit on top of them; labelled above the plot,
        // either side of the lines when the two are close.
        String warnText = "warn " + Numbers.number(panel.warn());
        String failText = "fail " + Numbers.number(panel.fail());
        float warnX = plotLeft + (float) (panel.warn() / axisEnd) * plotWidth;
        float failX = plotLeft + (float) (panel.fail() / axisEnd) * plotWidth;
        boolean crowded = failX - warnX < (canvas.width(canvas.regular, 6.5f, warnText) + canvas.width(canvas.regular, 6.5f, failText)) / 2 + 4;
        if (Double.isFinite(panel.warn()) && panel.warn() <= axisEnd) {
            canvas.line(PdfCanvas.WARN, 1.1f, warnX, plotBottom, warnX, plotTop + 1);
            float width = canvas.width(canvas.regular, 6.5f, warnText);
            canvas.text(canvas.regular, 6.5f, PdfCanvas.WARN, crowded ? warnX - width - 1 : warnX - width / 2, plotTop + 2, warnText);
        }
        if (Double.isFinite(panel.fail()) && panel.fail() <= axisEnd) {
            canvas.line(PdfCanvas.FAIL, 1.1f, failX, plotBottom, failX, plotTop + 1);
            float width = canvas.width(canvas.regular, 6.5f, failText);
            canvas.text(canvas.regular, 6.5f, PdfCanvas.FAIL, crowded ? failX + 1 : failX - width / 2, plotTop + 2, failText);
        }
        float y = plotTop;
        for (DriftRanking.FeatureDrift bar : bars) {
            float barTop = y - 3;
            String label = canvas.clip(canvas.regular, FONT, LABEL_WIDTH - 8, bar.feature());
            canvas.textRight(canvas.regular, FONT, PdfCanvas.INK, plotLeft - 6, barTop - barHeight / 2 - FONT * 0.35f, label);
            boolean beyond = bar.value() > axisEnd;
            float length = (float) (Math.min(Math.max(0, bar.value()), axisEnd) / axisEnd) * plotWidth;
            if (length > 0) {
                canvas.fillRect(severityColour(bar.severity()), plotLeft, barTop - barHeight + 1, length, barHeight - 1.5f);
            }
            if (beyond) {
                // A white double slash near the end says the bar runs off the scale.
                for (float dx : new float[]{-14, -10}) {
                    canvas.line(new float[]{1, 1, 1}, 1.6f, plotLeft + length + dx, barTop - barHeight, plotLeft + length + dx + 3, barTop + 1);
                }
            }
            String value = Numbers.number(bar.value());
            if (beyond) {
                // Off the scale: the value inside the bar's end, white on its colour.
                value += ", off the scale";
                canvas.textRight(canvas.bold, 7, new float[]{1, 1, 1}, plotLeft + length - 20, barTop - barHeight + 3.5f, value);
            } else {
                float valueX = plotLeft + length + 3;
                float valueWidth = canvas.width(canvas.regular, 7, value);
                // A white ground keeps the value readable where an alarm line runs behind it.
                canvas.fillRect(new float[]{1, 1, 1}, valueX - 1, barTop - barHeight + 1.5f, valueWidth + 2, 8);
                canvas.text(canvas.regular, 7, PdfCanvas.MUTED, valueX, barTop - barHeight + 3, value);
            }
            y -= groupHeight;
        }
        canvas.line(PdfCanvas.INK, 0.6f, plotLeft, plotBottom, plotLeft, plotTop);
        String axis = panel.measure().axisTitle();
        canvas.text(canvas.regular, 7, PdfCanvas.MUTED, plotLeft + plotWidth / 2 - canvas.width(canvas.regular, 7, axis) / 2,
                plotBottom - 19, axis);
        canvas.endLeaf();
        canvas.moveDown(height);
    }

    static float[] severityColour(org.modellens.checks.Severity severity) {
        return switch (severity) {
            case FAIL -> PdfCanvas.FAIL;
            case WARN -> PdfCanvas.WARN;
            case INFO -> PdfCanvas.INFO;
        };
    }

    /** What a bar chart shows, in words: its title, then each label with each series' value. */
    static String barsText(String title, List<String> labels, List<Series> series, boolean asShare) {
        StringBuilder text = new StringBuilder("Bar chart. ").append(title).append('.');
        for (int i = 0; i < labels.size(); i++) {
            text.append(' ').append(labels.get(i)).append(':');
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values()[i];
                text.append(s == 0 ? " " : ", ").append(series.size() > 1 ? series.get(s).name() + " " : "")
                        .append(asShare ? Numbers.percent(value) : Numbers.number(value));
            }
            text.append(';');
        }
        return text.toString();
    }

    /**
     * Training and production side by side as box plots on one axis: whiskers from p01 to p99 (or
     * from minimum to maximum with {@code extremes}), box from p25 to p75, a bar at the median.
     */
    /** Whether one side's spread is under a twentieth of the other's, so one axis would flatten it. */
    private static boolean ordersApart(double[] first, double[] second) {
        double a = first[4] - first[0];
        double b = second[4] - second[0];
        if (!(a >= 0) || !(b >= 0)) {
            return false;
        }
        double wider = Math.max(a, b);
        double narrower = Math.min(a, b);
        return wider > 0 && narrower * 20 < wider;
    }

    static void boxes(PdfCanvas canvas, String title, ColumnProfile train, ColumnProfile prod, boolean extremes)
            throws IOException {
        List<double[]> sides = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<float[]> colours = new ArrayList<>();
        if (train != null && !train.quantiles().isEmpty()) {
            sides.add(fiveNumbers(train, extremes));
            names.add(StakeholderText.get("side.train"));
            colours.add(PdfCanvas.TRAIN);
        }
        if (prod != null && !prod.quantiles().isEmpty()) {
            sides.add(fiveNumbers(prod, extremes));
            names.add(StakeholderText.get("side.prod"));
            colours.add(PdfCanvas.PROD);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] side : sides) {
            for (double v : side) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (sides.isEmpty() || !Double.isFinite(lo)) {
            return;
        }
        if (sides.size() == 2 && ordersApart(sides.get(0), sides.get(1))) {
            // On one axis the narrower side would be a dot: each side gets its own scale, and the chart says so.
            boxes(canvas, title, train, null, extremes);
            boxes(canvas, "Production on its own scale: the two differ by orders of magnitude", null, prod, extremes);
            return;
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        double[] ticks = ticks(lo, hi);
        double axisStart = ticks[0];
        double axisEnd = ticks[ticks.length - 1];
        float rowHeight = 22;
        float height = 18 + sides.size() * rowHeight + 26;
        canvas.ensure(height + 10);
        StringBuilder alt = new StringBuilder("Box plot. ").append(title).append('.');
        for (int i = 0; i < sides.size(); i++) {
            double[] five = sides.get(i);
            alt.append(' ').append(names.get(i)).append(extremes ? ": minimum " : ": 1st percentile ").append(Numbers.number(five[0]))
                    .append(", quartiles ").append(Numbers.number(five[1])).append(" to ").append(Numbers.number(five[3]))
                    .append(", median ").append(Numbers.number(five[2])).append(extremes ? ", maximum " : ", 99th percentile ")
                    .append(Numbers.number(five[4])).append('.');
        }
        canvas.beginFigure(alt.toString());
        float top = canvas.y() - 6;
        String subtitle = extremes ? " (box: middle half; whiskers: minimum to maximum)" : " (box: middle half; whiskers: 1st to 99th percentile)";
        canvas.text(canvas.bold, 9, PdfCanvas.INK, PdfCanvas.MARGIN, top - 9, title);
        canvas.text(canvas.regular, 7, PdfCanvas.MUTED, PdfCanvas.MARGIN + canvas.width(canvas.bold, 9, title), top - 9, subtitle);
        float plotTop = top - 18;
        float plotLeft = PdfCanvas.MARGIN + 70;
        float plotWidth = PdfCanvas.WIDTH - 70 - 20;
        float plotBottom = plotTop - sides.size() * rowHeight;
        for (double tick : ticks) {
            float x = plotLeft + (float) ((tick - axisStart) / (axisEnd - axisStart)) * plotWidth;
            canvas.line(PdfCanvas.RULE, 0.4f, x, plotBottom, x, plotTop);
            String text = Numbers.number(tick);
            canvas.text(canvas.regular, 7, PdfCanvas.MUTED, x - canvas.width(canvas.regular, 7, text) / 2, plotBottom - 9, text);
        }
        for (int i = 0; i < sides.size(); i++) {
            double[] five = sides.get(i);
            float middle = plotTop - i * rowHeight - rowHeight / 2;
            canvas.textRight(canvas.regular, FONT, PdfCanvas.INK, plotLeft - 6, middle - 3, names.get(i));
            float[] x = new float[5];
            for (int k = 0; k < 5; k++) {
                x[k] = plotLeft + (float) ((five[k] - axisStart) / (axisEnd - axisStart)) * plotWidth;
            }
            float[] colour = colours.get(i);
            canvas.line(colour, 1.2f, x[0], middle, x[1], middle);
            canvas.line(colour, 1.2f, x[3], middle, x[4], middle);
            canvas.line(colour, 1.2f, x[0], middle - 4, x[0], middle + 4);
            canvas.line(colour, 1.2f, x[4], middle - 4, x[4], middle + 4);
            canvas.fillRect(colour, x[1], middle - 7, Math.max(1.5f, x[3] - x[1]), 14);
            canvas.line(PdfCanvas.INK, 1.6f, x[2], middle - 8, x[2], middle + 8);
        }
        canvas.endLeaf();
        canvas.moveDown(height);
    }

    private static double[] fiveNumbers(ColumnProfile profile, boolean extremes) {
        return new double[]{extremes ? profile.min() : profile.quantiles().get("p01"), profile.quantiles().get("p25"),
            profile.quantiles().get("p50"), profile.quantiles().get("p75"),
            extremes ? profile.max() : profile.quantiles().get("p99")};
    }

    /** A full-width bar split into the share concerned and the rest, with the share written on it. */
    static void share(PdfCanvas canvas, String title, double share, float[] colour) throws IOException {
        float height = 44;
        canvas.ensure(height + 10);
        canvas.beginFigure("Bar. " + title + ": " + Numbers.percent(share) + ".");
        float top = canvas.y() - 6;
        canvas.text(canvas.bold, 9, PdfCanvas.INK, PdfCanvas.MARGIN, top - 9, title);
        float barTop = top - 16;
        float width = PdfCanvas.WIDTH - VALUE_WIDTH;
        canvas.fillRect(PdfCanvas.BAND, PdfCanvas.MARGIN, barTop - 14, width, 14);
        float part = (float) Math.max(0, Math.min(1, share)) * width;
        canvas.fillRect(colour, PdfCanvas.MARGIN, barTop - 14, Math.max(part, 1), 14);
        canvas.text(canvas.bold, 8, PdfCanvas.INK, PdfCanvas.MARGIN + width + 4, barTop - 11, Numbers.percent(share));
        canvas.endLeaf();
        canvas.moveDown(height);
    }

    /** A line chart on the unit square (ROC and calibration curves), with the diagonal for reference. */
    static void curves(PdfCanvas canvas, String title, String xLabel, String yLabel, List<String> names,
                       List<double[][]> points, List<float[]> colours) throws IOException {
        float size = 150;
        float height = 32 + size + 30;
        canvas.ensure(height + 10);
        StringBuilder alt = new StringBuilder("Line chart. ").append(title).append(", ").append(yLabel).append(" against ")
                .append(xLabel).append('.');
        for (int i = 0; i < points.size(); i++) {
            alt.append(' ').append(names.get(i)).append(':');
            double[][] xy = points.get(i);
            for (int k = 0; k < xy[0].length; k++) {
                alt.append(k == 0 ? " " : ", ").append(Numbers.number(xy[0][k])).append(" → ").append(Numbers.number(xy[1][k]));
            }
            alt.append('.');
        }
        canvas.beginFigure(alt.toString());
        float top = canvas.y() - 6;
        canvas.text(canvas.bold, 9, PdfCanvas.INK, PdfCanvas.MARGIN, top - 9, title);
        canvas.text(canvas.regular, 7, PdfCanvas.MUTED, PdfCanvas.MARGIN, top - 22, yLabel);
        float left = PdfCanvas.MARGIN + 40;
        float bottom = top - 32 - size;
        for (double tick : new double[]{0, 0.25, 0.5, 0.75, 1}) {
            float x = left + (float) tick * size;
            float y = bottom + (float) tick * size;
            canvas.line(PdfCanvas.RULE, 0.4f, x, bottom, x, bottom + size);
            canvas.line(PdfCanvas.RULE, 0.4f, left, y, left + size, y);
            String text = Numbers.number(tick);
            canvas.text(canvas.regular, 7, PdfCanvas.MUTED, x - canvas.width(canvas.regular, 7, text) / 2, bottom - 9, text);
            canvas.textRight(canvas.regular, 7, PdfCanvas.MUTED, left - 3, y - 2, text);
        }
        canvas.line(PdfCanvas.MUTED, 0.5f, left, bottom, left + size, bottom + size);
        canvas.text(canvas.regular, 7, PdfCanvas.MUTED, left + size / 2 - canvas.width(canvas.regular, 7, xLabel) / 2,
                bottom - 19, xLabel);
        for (int i = 0; i < points.size(); i++) {
            double[][] xy = points.get(i);
            float[] colour = colours.get(i);
            org.apache.pdfbox.pdmodel.PDPageContentStream stream = canvas.graphics();
            stream.setStrokingColor(colour[0], colour[1], colour[2]);
            stream.setLineWidth(1.4f);
            boolean started = false;
            for (int k = 0; k < xy[0].length; k++) {
                if (!Double.isFinite(xy[0][k]) || !Double.isFinite(xy[1][k])) {
                    continue;
                }
                float x = left + (float) clamp(xy[0][k]) * size;
                float y = bottom + (float) clamp(xy[1][k]) * size;
                if (started) {
                    stream.lineTo(x, y);
                } else {
                    stream.moveTo(x, y);
                    started = true;
                }
            }
            if (started) {
                stream.stroke();
            }
            canvas.endGraphics();
            float legendY = top - 44 - i * 12;
            canvas.fillRect(colour, left + size + 20, legendY, 10, 6);
            canvas.text(canvas.regular, 8, PdfCanvas.INK, left + size + 34, legendY, names.get(i));
        }
        canvas.endLeaf();
        canvas.moveDown(height);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static void legend(PdfCanvas canvas, List<Series> series, float baseline) throws IOException {
        float x = PdfCanvas.MARGIN + LABEL_WIDTH;
        for (Series s : series) {
            canvas.fillRect(s.colour(), x, baseline, 10, 6);
            canvas.text(canvas.regular, 8, PdfCanvas.INK, x + 14, baseline, s.name());
            x += 24 + canvas.width(canvas.regular, 8, s.name());
        }
    }

    /** Round tick values covering [lo, hi]: steps of 1, 2 or 5 times a power of ten, about five of them. */
    static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power;
        for (double multiple : new double[]{1, 2, 5, 10}) {
            step = multiple * power;
            if (step >= raw) {
                break;
            }
        }
        double start = Math.floor(lo / step) * step;
        double end = Math.ceil(hi / step) * step;
        int n = (int) Math.round((end - start) / step) + 1;
        double[] ticks = new double[n];
        for (int i = 0; i < n; i++) {
            // Rounded to the step's decimals so 0.30000000000000004 prints as 0.3.
            ticks[i] = Math.round((start + i * step) / power) * power;
        }
        return ticks;
    }
}
