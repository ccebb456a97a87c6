package org.modellens.app.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.app.ui.Selection;
import org.modellens.app.ui.drift.DriftViewModel;
import org.modellens.checks.Severity;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/** The Timeline page's view-model on the sample case over time, and its link to the Drift page. */
class TimelineViewModelTest {

    private static DiagnosticReport sample;

    private final ReadOnlyObjectWrapper<DiagnosticReport> report = new ReadOnlyObjectWrapper<>();
    private final Selection selection = new Selection();

    @BeforeAll
    static void diagnose() throws Exception {
        sample = Diagnosis.run(new DiagnosisRequest(Path.of("../sample-data/case/train.csv"), Path.of("../sample-data/case/prod.csv"),
                "defaulted", "auto", Set.of(), Set.of(), Settings.defaults(), Path.of("../sample-data/case/model.json"), List.of(), null,
                Path.of("../sample-data/case/reference.csv"), "application_date", null), ProgressListener.NONE);
    }

    @Test
    void gridShowsEachFeatureByChunkWithTheChangesFirst() {
        TimelineViewModel timeline = new TimelineViewModel(report.getReadOnlyProperty(), selection, () -> { });
        assertThat(timeline.hasTimelineProperty().get()).isFalse();
        assertThat(timeline.messageProperty().get()).isNotBlank();

        report.set(sample);

        assertThat(timeline.hasTimelineProperty().get()).isTrue();
        assertThat(timeline.chunks()).hasSize(sample.timeline().chunks().size()).contains("2025-10-27");
        int months = timeline.features().indexOf("months_employed");
        assertThat(months).isBetween(0, sample.timeline().changePoints().size() - 1);
        List<TimelineViewModel.Cell> row = timeline.row(months);
        assertThat(row.get(3).severity()).isEqualTo(Severity.INFO);
        assertThat(row.get(4).severity()).isEqualTo(Severity.FAIL);
        assertThat(row.get(4).changeStart()).isTrue();
        assertThat(timeline.performance()).hasSize(sample.timeline().chunks().size())
                .allSatisfy(p -> assertThat(p.lower()).isLessThanOrEqualTo(p.value()));
        assertThat(timeline.metricProperty().get()).isEqualTo("auc");
        assertThat(timeline.changePoints()).anyMatch(s -> s.startsWith("months_employed started arriving empty in the week of 27 October 2025"));
    }

    @Test
    void clickingACellShowsThatChunkAgainstTrainingOnTheDriftPage() {
        AtomicInteger opened = new AtomicInteger();
        TimelineViewModel timeline = new TimelineViewModel(report.getReadOnlyProperty(), selection, opened::incrementAndGet);
        DriftViewModel drift = new DriftViewModel(report.getReadOnlyProperty(), selection);
        report.set(sample);
        int income = timeline.features().indexOf("income");

        timeline.open(timeline.row(income).get(4));

        assertThat(opened).hasValue(1);
        assertThat(selection.feature()).isEqualTo("income");
        assertThat(selection.chunk()).isEqualTo(4);
        assertThat(drift.scopeProperty().get()).contains("2025-10-27", "417 rows");
        // The Drift page's KS is that chunk's, as the timeline measured it.
        assertThat(drift.statistics().get(0).value())
                .isEqualTo(org.modellens.app.ui.Formats.number(sample.timeline().chunks().get(4).features().get("income").value()));

        drift.showAllProduction();
        assertThat(selection.chunk()).isNull();
        assertThat(drift.scopeProperty().get()).doesNotContain("2025-10-27");
    }
}
