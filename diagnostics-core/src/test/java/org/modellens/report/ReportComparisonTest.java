package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.data.UnreadableInputException;
import org.modellens.report.ReportComparison.Change;
import org.modellens.report.ReportComparison.Status;

class ReportComparisonTest {

    @TempDir
    Path dir;

    /** The sample case's report, written as JSON, against the same findings with one of each change made to them. */
    @Test
    void newWorseBetterAndGoneFindingsAreNamedAgainstAWrittenReport() throws IOException, UnreadableInputException {
        DiagnosticReport before = ReportFixtures.sample();
        Path previous = dir.resolve("previous.json");
        try (OutputStream out = Files.newOutputStream(previous)) {
            new JsonReportWriter().write(before, out);
        }
        List<Finding> now = new ArrayList<>(before.findings());
        Finding gone = firstAt(now, Severity.FAIL);
        now.remove(gone);
        Finding eased = firstAt(now, Severity.FAIL);
        now.set(now.indexOf(eased), with(eased, Severity.INFO));
        Finding grown = firstAt(now, Severity.WARN);
        now.set(now.indexOf(grown), with(grown, Severity.FAIL));
        now.add(new Finding("missing-values", "a_new_column", Severity.WARN, "a_new_column arrives empty", "detail",
                Map.of(), null));

        ReportComparison comparison = ReportComparison.read(previous).compareWith(now);

        assertThat(comparison.changes()).extracting(Change::status, Change::check, Change::feature).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Status.GONE, gone.check(), gone.feature()),
                org.assertj.core.groups.Tuple.tuple(Status.BETTER, eased.check(), eased.feature()),
                org.assertj.core.groups.Tuple.tuple(Status.WORSE, grown.check(), grown.feature()),
                org.assertj.core.groups.Tuple.tuple(Status.NEW, "missing-values", "a_new_column"));
        assertThat(comparison.changes().get(0).after()).as("gravest first").isEqualTo(Severity.FAIL);
        assertThat(comparison.previousRun()).startsWith("ModelLens ");
    }

    @Test
    void theSameFindingsChangeNothing() throws IOException, UnreadableInputException {
        DiagnosticReport report = ReportFixtures.sample();
        Path previous = dir.resolve("same.json");
        try (OutputStream out = Files.newOutputStream(previous)) {
            new JsonReportWriter().write(report, out);
        }
        assertThat(ReportComparison.read(previous).compareWith(report.findings()).changes()).isEmpty();
    }

    @Test
    void aFileThatIsNoReportIsRefusedNamingIt() throws IOException {
        Path notReport = Files.writeString(dir.resolve("settings.json"), "{\"a\": 1}");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 1, \"findings\": [");
        assertThatThrownBy(() -> ReportComparison.read(notReport)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("settings.json: not a ModelLens JSON report");
        assertThatThrownBy(() -> ReportComparison.read(broken)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("broken.json");
    }

    private static Finding firstAt(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).findFirst().orElseThrow();
    }

    private static Finding with(Finding finding, Severity severity) {
        return new Finding(finding.check(), finding.feature(), severity, finding.title(), finding.detail(), finding.evidence(),
                finding.rows());
    }
}
