package org.modellens.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.modellens.checks.Severity;
import org.modellens.data.Snapshot;

/**
 * The false-alarm rate of the timeline, measured: production drawn from the training distribution, 20
 * weekly chunks of 245 rows (short chunks, where sampling noise is largest against the practical levels),
 * eight columns with ties, heavy tails, rare categories and missing values, over many seeds. Not one cell
 * may alarm and no change point may appear.
 */
class TimelineStationaryTest {

    private static final int SEEDS = 60;

    @Test
    void stationaryStreamRaisesNothingOverManySeeds() throws Exception {
        long cells = 0;
        long alarmedCells = 0;
        long changePoints = 0;
        long nearMisses = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Snapshot train = Streams.training(5000, 1000 + seed);
            Snapshot prod = Streams.production(140, 35, 5000 + seed, null);
            Timeline timeline = Streams.timeline(train, prod, "week");
            assertThat(timeline.chunks()).hasSize(20);
            for (TimelineChunk chunk : timeline.chunks()) {
                for (TimelineChunk.FeatureDrift cell : chunk.features().values()) {
                    cells++;
                    if (cell.severity().compareTo(Severity.WARN) >= 0) {
                        System.out.println("alarm: seed " + seed + " chunk " + chunk.index() + " " + cell + " " + chunk.missingRates()
                                + chunk.unseenShares() + chunk.outOfRangeShares());
                        alarmedCells++;
                    }
                    if (cell.value() > cell.band()) {
                        nearMisses++;
                    }
                }
            }
            changePoints += timeline.changePoints().size();
        }
        System.out.printf(Locale.ROOT, "stationary timeline: %d streams x 20 chunks, %d cells: %d alarmed, %d change points; "
                + "drift statistic above the band alone (no effect or significance condition) in %d cells (%.2f%%)%n",
                SEEDS, cells, alarmedCells, changePoints, nearMisses, 100.0 * nearMisses / cells);
        assertThat(alarmedCells).isZero();
        assertThat(changePoints).isZero();
    }
}
