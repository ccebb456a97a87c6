package org.modellens.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.modellens.checks.Severity;
import org.modellens.data.Snapshot;
import org.modellens.report.DiagnosticReport;

class TimelineTest {

    @Test
    void pipelineBreakIsDatedToTheWeekItHappened() throws Exception {
        // 20 weeks of 350 rows; from day 73 (Wednesday 19 March 2025, in the week of 17 March, chunk 10)
        // tenure arrives empty in 40% of rows: a pipeline break in the middle of a week.
        Snapshot train = Streams.training(8000, 1);
        Snapshot prod = Streams.production(140, 50, 2, (day, row, random) -> {
            if (day >= 73 && random.nextDouble() < 0.4) {
                row.tenure = Double.NaN;
            }
        });
        DiagnosticReport report = Streams.diagnose(train, prod, "week");
        Timeline timeline = report.timeline();
        // The change point names the cause the missing-values finding belongs to.
        int cause = report.causes().stream().filter(c -> c.features().contains("tenure")).findFirst().orElseThrow().rank();

        assertThat(timeline.chunk()).isEqualTo("week");
        assertThat(timeline.chunks()).hasSize(20);
        assertThat(timeline.chunks().get(10).start()).isEqualTo("2025-03-17");
        assertThat(timeline.changePoints()).singleElement().satisfies(point -> {
            assertThat(point.feature()).isEqualTo("tenure");
            assertThat(point.chunkIndex()).isEqualTo(10);
            assertThat(point.signal()).isEqualTo("missingRate");
            assertThat(point.cause()).isEqualTo(cause);
            assertThat(point.sentence()).startsWith("tenure started arriving empty in the week of 17 March 2025");
        });
        for (TimelineChunk chunk : timeline.chunks().subList(0, 10)) {
            assertThat(chunk.features().values()).allSatisfy(cell -> assertThat(cell.severity()).isEqualTo(Severity.INFO));
        }
    }

    @Test
    void gradualDriftIsDatedWhereItCrossesThePracticalLevel() throws Exception {
        // normal's mean moves by 0.02 sd a week. Its KS distance against training is 2 Phi(delta / 2) - 1
        // (two normals of unit spread), which reaches the practical level drift.numeric.ks.warn = 0.1 at
        // delta = 0.2513: in week 13 (delta 0.26); PSI reaches 0.1 only later (delta ~0.33).
        double perWeek = 0.02;
        Snapshot train = Streams.training(20000, 3);
        Snapshot prod = Streams.production(168, 700, 4, (day, row, random) -> row.normal += perWeek * (day / 7));
        Timeline timeline = Streams.diagnose(train, prod, "week").timeline();

        NormalDistribution z = new NormalDistribution(0, 1);
        int week = 0;
        while (2 * z.cumulativeProbability(perWeek * week / 2) - 1 < 0.1) {
            week++;
        }
        int crossing = week;
        assertThat(crossing).isEqualTo(13);
        List<ChangePoint> points = timeline.changePoints();
        assertThat(points).singleElement().satisfies(point -> {
            assertThat(point.feature()).isEqualTo("normal");
            assertThat(point.chunkIndex()).isBetween(crossing - 1, crossing + 1);
            assertThat(point.sentence()).contains("normal started drifting away from training in the week of");
        });
    }

    @Test
    void rowChunksWithoutTimeColumnFollowFileOrder() throws Exception {
        Snapshot train = Streams.training(4000, 5);
        Snapshot prod = Streams.production(30, 100, 6, null);
        DiagnosticReport report = org.modellens.Diagnosis.analyse(train, prod, null, null,
                org.modellens.settings.Settings.defaults(), new java.util.ArrayList<>(), (s, f) -> { }, null,
                TimeAxis.of(prod, null, "500", org.modellens.settings.Settings.defaults()));
        Timeline timeline = report.timeline();
        assertThat(timeline.chunks()).hasSize(6);
        assertThat(timeline.chunks().get(1).start()).isEqualTo("500");
        assertThat(timeline.chunks().get(1).end()).isEqualTo("999");
        assertThat(timeline.changePoints()).isEmpty();
    }
}
