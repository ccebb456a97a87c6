package org.modellens.app.ui.timeline;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.modellens.app.ui.Selection;
import org.modellens.app.ui.Text;
import org.modellens.checks.Severity;
import org.modellens.report.DiagnosticReport;
import org.modellens.timeline.ChangePoint;
import org.modellens.timeline.Timeline;
import org.modellens.timeline.TimelineChunk;

/**
 * The Timeline page: the features x chunks grid with each cell's severity, the model's performance per chunk
 * with its band, and when each change began. Clicking a cell selects its feature and chunk and opens the Drift
 * page, which then shows that chunk against training.
 */
public final class TimelineViewModel {

    /**
     * One cell of the grid.
     *
     * @param feature    the column
     * @param chunk      the chunk's index
     * @param severity   info, warn or fail
     * @param value      the drift statistic's value
     * @param statistic  ks or totalVariation
     * @param changeStart whether a change point of this feature begins in this chunk
     */
    public record Cell(String feature, int chunk, Severity severity, double value, String statistic, boolean changeStart) {
    }

    /**
     * One chunk's performance: the value with its interval and the band of normal chunks.
     *
     * @param label the chunk's start
     */
    public record Point(String label, double value, double lower, double upper, double bandLower, double bandUpper,
                        boolean estimated, Severity severity) {
    }

    private final ReadOnlyObjectProperty<DiagnosticReport> report;
    private final Selection selection;
    private final Runnable openDrift;
    private final ObservableList<String> features = FXCollections.observableArrayList();
    private final ObservableList<String> chunks = FXCollections.observableArrayList();
    private final List<List<Cell>> rows = new ArrayList<>();
    private final ObservableList<Point> performance = FXCollections.observableArrayList();
    private final ObservableList<String> changePoints = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper metric = new ReadOnlyStringWrapper(this, "metric", "");
    private final ReadOnlyBooleanWrapper hasTimeline = new ReadOnlyBooleanWrapper(this, "hasTimeline");
    /** Bumped whenever the grid is rebuilt, so the view redraws once. */
    private final ReadOnlyBooleanWrapper revision = new ReadOnlyBooleanWrapper(this, "revision");

    /**
     * @param openDrift shows the Drift page (called after a cell selected its feature and chunk)
     */
    public TimelineViewModel(ReadOnlyObjectProperty<DiagnosticReport> report, Selection selection, Runnable openDrift) {
        this.report = report;
        this.selection = selection;
        this.openDrift = openDrift;
        report.addListener((obs, old, now) -> show(now));
        show(report.get());
    }

    private void show(DiagnosticReport shown) {
        features.clear();
        chunks.clear();
        rows.clear();
        performance.clear();
        changePoints.clear();
        Timeline timeline = shown == null ? null : shown.timeline();
        hasTimeline.set(timeline != null);
        if (timeline == null) {
            message.set(Text.get(shown == null ? "timeline.empty.noReport" : "timeline.empty.noTime"));
            summary.set("");
            metric.set("");
            revision.set(!revision.get());
            return;
        }
        message.set("");
        summary.set(Text.get("timeline.summary", timeline.column(), timeline.chunk(), timeline.chunks().size(),
                timeline.changePoints().size(), timeline.unparsableDates()));
        List<String> names = new ArrayList<>();
        // Features with a change point first, in the order the changes began; then the others in report order.
        timeline.changePoints().stream().map(ChangePoint::feature).filter(f -> f != null && !names.contains(f)).forEach(names::add);
        timeline.chunks().forEach(chunk -> chunk.features().keySet().forEach(f -> {
            if (!names.contains(f)) {
                names.add(f);
            }
        }));
        for (String name : names) {
            List<Cell> row = new ArrayList<>();
            for (TimelineChunk chunk : timeline.chunks()) {
                TimelineChunk.FeatureDrift cell = chunk.features().get(name);
                boolean start = timeline.changePoints().stream()
                        .anyMatch(p -> name.equals(p.feature()) && p.chunkIndex() == chunk.index());
                row.add(cell == null ? new Cell(name, chunk.index(), null, Double.NaN, null, start)
                        : new Cell(name, chunk.index(), cell.severity(), cell.value(), cell.statistic(), start));
            }
            rows.add(row);
        }
        timeline.chunks().forEach(chunk -> chunks.add(chunk.start()));
        String name = "";
        for (TimelineChunk chunk : timeline.chunks()) {
            TimelineChunk.ChunkPerformance p = chunk.performance();
            if (p != null) {
                name = p.metric();
                performance.add(new Point(chunk.start(), p.value(), p.lower(), p.upper(), p.bandLower(), p.bandUpper(),
                        p.estimated(), p.severity()));
            }
        }
        metric.set(name);
        timeline.changePoints().forEach(p -> changePoints.add(p.sentence()
                + (p.cause() > 0 ? Text.get("timeline.cause", p.cause()) : "")));
        features.setAll(names);
        revision.set(!revision.get());
    }

    /** A grid cell clicked: its feature and chunk selected everywhere, and the Drift page opened on them. */
    public void open(Cell cell) {
        selection.selectChunk(cell.chunk());
        selection.selectFeature(cell.feature());
        openDrift.run();
    }

    /** The features in grid order (rows). */
    public ObservableList<String> features() {
        return features;
    }

    /** The chunks' start labels (columns). */
    public ObservableList<String> chunks() {
        return chunks;
    }

    /** The cells of row {@code feature}, one per chunk. */
    public List<Cell> row(int feature) {
        return rows.get(feature);
    }

    public ObservableList<Point> performance() {
        return performance;
    }

    public ObservableList<String> changePoints() {
        return changePoints;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty metricProperty() {
        return metric.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasTimelineProperty() {
        return hasTimeline.getReadOnlyProperty();
    }

    /** Flips whenever the grid changed. */
    public ReadOnlyBooleanProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
