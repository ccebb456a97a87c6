package org.modellens.causes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.report.DiagnosticReport;

/** DESIGN.md section 5's laws of causes, checked on any report. */
final class CauseInvariants {

    private CauseInvariants() {
    }

    /** Every warn/fail finding in exactly one cause, no finding in two, each cause with an alarm, ranks 1..n. */
    static void check(DiagnosticReport report) {
        Map<Integer, Integer> owner = new HashMap<>();
        for (Cause cause : report.causes()) {
            assertThat(cause.findings()).isNotEmpty();
            assertThat(cause.findings().stream().map(i -> report.findings().get(i).severity()))
                    .as("cause %s holds an alarm", cause.title()).contains(cause.severity());
            assertThat(cause.severity()).isNotEqualTo(Severity.INFO);
            for (int index : cause.findings()) {
                assertThat(owner.put(index, cause.rank())).as("finding %d in two causes", index).isNull();
            }
        }
        for (int i = 0; i < report.findings().size(); i++) {
            Finding finding = report.findings().get(i);
            if (finding.severity() != Severity.INFO) {
                assertThat(owner).as("finding %d (%s) has a cause", i, finding.title()).containsKey(i);
            }
        }
        for (int r = 0; r < report.causes().size(); r++) {
            assertThat(report.causes().get(r).rank()).isEqualTo(r + 1);
        }
    }
}
