package org.modellens.timeline;

import java.util.Optional;

import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.data.UnreadableInputException;
import org.modellens.profile.FeatureComparison;
import org.modellens.report.DiagnosticReport;

/**
 * One chunk of production against training, column by column, exactly as the whole snapshot is compared
 * (FeatureComparison): what the workbench's Drift page shows for a cell of the timeline grid.
 */
public final class ChunkComparison {

    private ChunkComparison() {
    }

    /**
     * @return the comparison of {@code feature} in chunk {@code index}; empty without a timeline, an unknown chunk or
     *         column, or an empty chunk
     */
    public static Optional<FeatureComparison> of(DiagnosticReport report, int index, String feature) {
        Timeline timeline = report.timeline();
        if (timeline == null || index < 0 || index >= timeline.chunks().size()) {
            return Optional.empty();
        }
        Snapshot prod = report.inputs().prod();
        Snapshot train = report.inputs().train();
        Optional<FeatureComparison> whole = report.features().stream().filter(c -> c.name().equals(feature)).findFirst();
        if (whole.isEmpty() || !prod.hasColumn(feature) || !train.hasColumn(feature)) {
            return Optional.empty();
        }
        TimeAxis axis;
        try {
            axis = TimeAxis.of(prod, timeline);
        } catch (UnreadableInputException e) {
            // The timeline was made from this very snapshot: its column and chunk read again.
            throw new IllegalStateException(e);
        }
        int[] rows = axis.slices().get(index).rows();
        if (rows.length == 0) {
            return Optional.empty();
        }
        Column chunk = subset(prod.column(feature).orElseThrow(), rows);
        java.util.Map<String, Double> settings = report.settings();
        return Optional.of(FeatureComparison.compare(train.column(feature).orElseThrow(), chunk, whole.get().role(),
                (int) Math.round(settings.getOrDefault("drift.categorical.topCategories", 30.0)),
                settings.getOrDefault("drift.categorical.minShare", 0.005)));
    }

    /** The rows of a column, as a column of their own (text kept as read; numbers as parsed). */
    static Column subset(Column column, int[] rows) {
        String[] text = new String[rows.length];
        double[] numbers = column.numbers() == null ? null : new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            text[i] = column.text(rows[i]);
            if (numbers != null) {
                numbers[i] = column.numbers()[rows[i]];
            }
        }
        return new Column(column.name(), column.type(), column.identifier(), text, numbers, 0);
    }
}
