package org.modellens.causes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/** The sample case with its model: its planted problems become one cause each, ranked by what they cost the model. */
class SampleCaseCausesTest {

    private static DiagnosticReport report;

    @BeforeAll
    static void diagnose() throws Exception {
        report = Diagnosis.run(new DiagnosisRequest(Path.of("../sample-data/case/train.csv"),
                Path.of("../sample-data/case/prod.csv"), "defaulted", "auto", Set.of(), Set.of(), Settings.defaults(),
                Path.of("../sample-data/case/model.json"), List.of(), null), ProgressListener.NONE);
    }

    @Test
    void everyAlarmBelongsToExactlyOneCause() {
        CauseInvariants.check(report);
    }

    @Test
    void eachPlantedPipelineProblemIsOneCause() {
        Map<String, Cause> byColumn = new HashMap<>();
        report.causes().forEach(c -> c.features().forEach(f -> byColumn.putIfAbsent(f, c)));
        assertThat(byColumn.get("interest_rate").kind()).isEqualTo("unit-change");
        assertThat(checksOf(byColumn.get("interest_rate"))).contains("unit-mismatch", "feature-drift", "out-of-range", "outliers");
        assertThat(byColumn.get("dependents").kind()).isEqualTo("renamed-column");
        assertThat(byColumn.get("annual_fee").kind()).isEqualTo("text-numbers");
        assertThat(byColumn.get("months_employed").kind()).isEqualTo("missing-values");
        assertThat(byColumn.get("loan_purpose").kind()).isEqualTo("unseen-categories");
        assertThat(byColumn.get("promo_code").kind()).isEqualTo("stuck-in-production");
        assertThat(byColumn.get("collections_flag").kind()).isEqualTo("leakage");
        assertThat(byColumn.get("customer_email").kind()).isEqualTo("personal-data");
        assertThat(byColumn.get("income").kind()).isEqualTo("covariate-shift");
        assertThat(report.causes()).anyMatch(c -> c.kind().equals("duplicates"));
        assertThat(report.causes()).anyMatch(c -> c.kind().equals("label-shift"));
    }

    @Test
    void causesOnColumnsTheModelDoesNotReadComeAfterModelInputsOfEqualSeverity() {
        List<Cause> causes = report.causes();
        for (int i = 0; i < causes.size(); i++) {
            Cause unused = causes.get(i);
            if (!CauseRanking.onUnusedColumns(unused)) {
                continue;
            }
            for (Cause later : causes.subList(i + 1, causes.size())) {
                assertThat(CauseRanking.touchesModel(later) && later.severity().atLeast(unused.severity()))
                        .as("%s ranks above the model input cause %s", unused.title(), later.title()).isFalse();
            }
        }
        assertThat(CauseRanking.touchesModel(causes.get(0))).isTrue();
    }

    private static Set<String> checksOf(Cause cause) {
        return Set.copyOf(cause.findings().stream().map(i -> report.findings().get(i).check()).toList());
    }
}
