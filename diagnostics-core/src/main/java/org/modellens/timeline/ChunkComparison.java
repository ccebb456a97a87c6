package org.modellens.timeline;

import java.util.Optional;

import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.data.UnreadableInputException;
import org.modellens.profile.FeatureComparison;

/**
 * One chunk of production against training, column by column, exactly as the whole snapshot is compared
 * (FeatureComparison): what the workbench's Drift page shows for a cell of the timeline grid.
 */
public final class ChunkComparison {

    private ChunkComparison() {
    }

    /**
     * @param timeline the report's timeline
     * @param train    the training snapshot
     * @param prod     the production snapshot the timeline was made from
     * @param whole    the whole-snapshot comparison of the column (its role)
     * @param topCategories {@code drift.categorical.topCategories}
     * @param minShare {@code drift.categorical.minShare}
     * @return the comparison of the column in chunk {@code index}; empty for an unknown chunk or column, or an empty chunk
     */
    public static Optional<FeatureComparison> of(Timeline timeline, Snapshot train, Snapshot prod, FeatureComparison whole,
                                                 int index, int topCategories, double minShare) {
        String feature = whole.name();
        if (index < 0 || index >= timeline.chunks().size() || !prod.hasColumn(feature) || !train.hasColumn(feature)) {
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
        return Optional.of(FeatureComparison.compare(train.column(feature).orElseThrow(), chunk, whole.role(), topCategories, minShare));
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
