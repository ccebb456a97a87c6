package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.settings.Settings;

/** The stakeholder "what to do" never tells anyone to remove from the model a column the model does not read. */
class StakeholderAdviceTest {

    @Test
    void adviceOnAColumnTheModelDoesNotUseIsAboutTheData() throws Exception {
        DiagnosticReport report = Diagnosis.run(new DiagnosisRequest(ReportFixtures.SAMPLE_TRAIN, ReportFixtures.SAMPLE_PROD,
                "defaulted", "auto", Set.of(), Set.of(), Settings.defaults(), Path.of("../sample-data/case/model.json"),
                List.of(), null), ProgressListener.NONE);
        assertThat(report.model().features()).doesNotContain("collections_flag");

        String leak = StakeholderText.whatToDo("leakage", "collections_flag", true);
        assertThat(leak).doesNotContain("from the model").contains("does not use collections_flag");
        assertThat(StakeholderText.whatToDo("leakage", "income", false)).contains("Remove income from the model");
        assertThat(StakeholderSummary.of(report).whatToDo())
                .noneMatch(todo -> todo.contains("Remove collections_flag from the model"));
    }
}
