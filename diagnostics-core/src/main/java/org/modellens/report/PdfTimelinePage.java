package org.modellens.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.modellens.checks.Severity;
import org.modellens.text.Numbers;
import org.modellens.timeline.ChangePoint;
import org.modellens.timeline.Timeline;
import org.modellens.timeline.TimelineChunk;

/**
 * The trend page of the PDF report: when each change began in words, the features x chunks grid coloured by
 * severity, and the model's performance per chunk against the band of normal chunks.
 */
final class PdfTimelinePage {

    /** Grid rows at most: the features that changed first, then the rest in report order. */
    private static final int GRID_FEATURES = 24;

    private PdfTimelinePage() {
    }

    static void write(PdfCanvas canvas, Timeline timeline) throws IOException {
        canvas.newPage();
        canvas.heading(StakeholderText.get("section.timeline"), 16);
        canvas.paragraph(canvas.regular, 9.5f, PdfCanvas.INK, 0, StakeholderText.get("timeline.intro", timeline.chunk(),
                timeline.column(), timeline.chunks().size()));
        if (timeline.unparsableDates() > 0) {
            canvas.paragraph(canvas.regular, 9.5f, PdfCanvas.INK, 0, StakeholderText.get("timeline.unreadable",
                    timeline.unparsableDates()));
        }
        canvas.moveDown(6);
        canvas.heading(StakeholderText.get("timeline.changePoints"), 12);
        if (timeline.changePoints().isEmpty()) {
            canvas.paragraph(canvas.regular, 9.5f, PdfCanvas.INK, 0, StakeholderText.get("timeline.noChange"));
        }
        for (ChangePoint point : timeline.changePoints()) {
            canvas.item("•", canvas.regular, 9.5f, point.sentence() + (point.cause() > 0 ? " (cause " + point.cause() + ")" : ""));
        }
        canvas.moveDown(8);
        grid(canvas, timeline);
        performance(canvas, timeline);
    }

    private static void grid(PdfCanvas canvas, Timeline timeline) throws IOException {
        List<String> features = new ArrayList<>();
        timeline.changePoints().stream().map(ChangePoint::feature).filter(f -> f != null && !features.contains(f)).forEach(features::add);
        timeline.chunks().forEach(chunk -> chunk.features().keySet().forEach(f -> {
            if (!features.contains(f)) {
                features.add(f);
            }
        }));
        List<String> shown = features.subList(0, Math.min(GRID_FEATURES, features.size()));
        int chunks = timeline.chunks().size();
        if (shown.isEmpty() || chunks == 0) {
            return;
        }
        float labelWidth = 110;
        // Cells as wide as the page allows (at most 28 pt), rows 11 pt: 24 features and the date labels fit one page.
        float cell = Math.min(28, (PdfCanvas.WIDTH - labelWidth) / chunks);
        float rowHeight = 11;
        int labelEvery = Math.max(1, (int) Math.ceil(24 / cell));
        float height = 24 + 12 + shown.size() * rowHeight + 6;
        canvas.ensure(height);
        StringBuilder alt = new StringBuilder("Grid. ").append(StakeholderText.get("timeline.grid")).append('.');
        for (String feature : shown) {
            List<String> alarms = new ArrayList<>();
            for (TimelineChunk chunk : timeline.chunks()) {
                TimelineChunk.FeatureDrift drift = chunk.features().get(feature);
                if (drift != null && drift.severity() != Severity.INFO) {
                    alarms.add(chunk.start() + " " + drift.severity().jsonName());
                }
            }
            alt.append(' ').append(feature).append(": ").append(alarms.isEmpty() ? "no alarm" : String.join(", ", alarms)).append(';');
        }
        canvas.beginFigure(alt.toString());
        float top = canvas.y() - 6;
        canvas.text(canvas.bold, 9, PdfCanvas.INK, PdfCanvas.MARGIN, top - 9, StakeholderText.get("timeline.grid"));
        float gridTop = top - 24;
        float left = PdfCanvas.MARGIN + labelWidth;
        for (int c = 0; c < chunks; c++) {
            if (c % labelEvery == 0) {
                canvas.text(canvas.regular, 6, PdfCanvas.MUTED, left + c * cell, gridTop - 2, shortDate(timeline.chunks().get(c).start()));
            }
        }
        for (int f = 0; f < shown.size(); f++) {
            float y = gridTop - 10 - (f + 1) * rowHeight;
            canvas.text(canvas.regular, 7, PdfCanvas.INK, PdfCanvas.MARGIN, y + rowHeight / 2 - 2, shown.get(f));
            for (int c = 0; c < chunks; c++) {
                TimelineChunk.FeatureDrift drift = timeline.chunks().get(c).features().get(shown.get(f));
                float[] colour = drift == null ? PdfCanvas.BAND : switch (drift.severity()) {
                    case FAIL -> PdfCanvas.FAIL;
                    case WARN -> PdfCanvas.WARN;
                    case INFO -> PdfCanvas.RULE;
                };
                canvas.fillRect(colour, left + c * cell + 0.5f, y + 0.5f, cell - 1, rowHeight - 1);
            }
        }
        canvas.endLeaf();
        canvas.moveDown(height);
    }

    private static String shortDate(String start) {
        return start.length() == 10 ? start.substring(5) : start;
    }

    private static void performance(PdfCanvas canvas, Timeline timeline) throws IOException {
        List<TimelineChunk> chunks = timeline.chunks();
        if (chunks.stream().noneMatch(c -> c.performance() != null)) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean estimated = false;
        String metric = null;
        for (TimelineChunk chunk : chunks) {
            TimelineChunk.ChunkPerformance p = chunk.performance();
            if (p == null) {
                continue;
            }
            metric = p.metric();
            estimated |= p.estimated();
            for (double v : new double[]{p.value(), p.lower(), p.upper(), p.bandLower(), p.bandUpper()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double[] ticks = PdfCharts.ticks(lo, hi);
        lo = ticks[0];
        hi = ticks[ticks.length - 1];
        float plotHeight = 150;
        float height = 24 + plotHeight + 24;
        canvas.ensure(height + 10);
        String title = StakeholderText.get("timeline.performance", metric, estimated ? StakeholderText.get("timeline.estimated") : "");
        StringBuilder alt = new StringBuilder("Line chart. ").append(title).append('.');
        for (TimelineChunk chunk : chunks) {
            if (chunk.performance() != null) {
                alt.append(' ').append(chunk.start()).append(' ').append(Numbers.number(chunk.performance().value()))
                        .append(chunk.performance().severity() == null || chunk.performance().severity() == Severity.INFO ? ""
                                : " (" + chunk.performance().severity().jsonName() + ")")
                        .append(';');
            }
        }
        canvas.beginFigure(alt.toString());
        float top = canvas.y() - 6;
        canvas.text(canvas.bold, 9, PdfCanvas.INK, PdfCanvas.MARGIN, top - 9, title);
        float left = PdfCanvas.MARGIN + 40;
        float width = PdfCanvas.WIDTH - 50;
        float bottom = top - 24 - plotHeight;
        float step = width / chunks.size();
        for (double tick : ticks) {
            float y = bottom + (float) ((tick - lo) / (hi - lo)) * plotHeight;
            canvas.line(PdfCanvas.RULE, 0.4f, left, y, left + width, y);
            canvas.textRight(canvas.regular, 7, PdfCanvas.MUTED, left - 3, y - 2, Numbers.number(tick));
        }
        for (int c = 0; c < chunks.size(); c++) {
            TimelineChunk.ChunkPerformance p = chunks.get(c).performance();
            float x = left + (c + 0.5f) * step;
            if (c % Math.max(1, (int) Math.ceil(24 / step)) == 0) {
                String label = shortDate(chunks.get(c).start());
                canvas.text(canvas.regular, 6, PdfCanvas.MUTED, x - canvas.width(canvas.regular, 6, label) / 2, bottom - 9, label);
            }
            if (p == null) {
                continue;
            }
            if (Double.isFinite(p.bandLower()) && Double.isFinite(p.bandUpper())) {
                float yl = y(p.bandLower(), lo, hi, bottom, plotHeight);
                float yu = y(p.bandUpper(), lo, hi, bottom, plotHeight);
                canvas.fillRect(PdfCanvas.BAND_SHADE, x - step / 2, yl, step, Math.max(yu - yl, 0.5f));
            }
        }
        // Interval whiskers and the line on top of the band.
        float[] previous = null;
        for (int c = 0; c < chunks.size(); c++) {
            TimelineChunk.ChunkPerformance p = chunks.get(c).performance();
            if (p == null || !Double.isFinite(p.value())) {
                previous = null;
                continue;
            }
            float x = left + (c + 0.5f) * step;
            float y = y(p.value(), lo, hi, bottom, plotHeight);
            if (Double.isFinite(p.lower()) && Double.isFinite(p.upper())) {
                canvas.line(PdfCanvas.MUTED, 0.6f, x, y(p.lower(), lo, hi, bottom, plotHeight), x, y(p.upper(), lo, hi, bottom, plotHeight));
            }
            if (previous != null) {
                canvas.line(PdfCanvas.PROD, 1.4f, previous[0], previous[1], x, y);
            }
            float[] colour = p.severity() == Severity.FAIL ? PdfCanvas.FAIL : p.severity() == Severity.WARN ? PdfCanvas.WARN : PdfCanvas.PROD;
            canvas.fillRect(colour, x - 2.5f, y - 2.5f, 5, 5);
            if (p.estimated()) {
                canvas.fillRect(new float[]{1, 1, 1}, x - 1.5f, y - 1.5f, 3, 3);
            }
            previous = new float[]{x, y};
        }
        canvas.endLeaf();
        canvas.moveDown(height);
    }

    private static float y(double value, double lo, double hi, float bottom, float height) {
        return bottom + (float) ((Math.max(lo, Math.min(hi, value)) - lo) / (hi - lo)) * height;
    }
}
