package org.modellens.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.Test;

import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.app.ui.overview.OverviewViewModel;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/** The Overview states the model's performance against its baseline, and says when that baseline is in-sample. */
class OverviewPerformanceTest {

    private static final Path CASE = Path.of("../sample-data/case");

    private static String performanceShown(Path reference) throws Exception {
        DiagnosticReport report = Diagnosis.run(new DiagnosisRequest(CASE.resolve("train.csv"), CASE.resolve("prod.csv"),
                "defaulted", "auto", Set.of(), Set.of(), Settings.defaults(), CASE.resolve("model.json"), List.of(), null,
                reference, null, null), ProgressListener.NONE);
        OverviewViewModel overview = new OverviewViewModel(new ReadOnlyObjectWrapper<>(report).getReadOnlyProperty(),
                new Selection());
        return overview.performanceProperty().get();
    }

    @Test
    void withoutAReferenceTheOverviewSaysTheBaselineIsInSample() throws Exception {
        assertThat(performanceShown(null)).contains("Performance (", "on the training data the model was fitted on",
                "in-sample, so optimistic");
    }

    @Test
    void withAReferenceTheOverviewComparesWithIt() throws Exception {
        assertThat(performanceShown(CASE.resolve("reference.csv"))).contains("on the held-out reference data")
                .doesNotContain("in-sample");
    }
}
