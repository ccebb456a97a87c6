package org.modellens.app.ui.overview;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;

import org.modellens.app.ui.Selection;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.report.DiagnosticReport;

/**
 * The report at a glance: the verdict, the number of findings at each severity, and the findings in
 * plain language, filtered by check and severity.
 */
public final class OverviewViewModel {

    /** The check filter's value meaning "every check". */
    public static final String ALL_CHECKS = "";

    private final Selection selection;
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyLongWrapper fail = new ReadOnlyLongWrapper(this, "fail");
    private final ReadOnlyLongWrapper warn = new ReadOnlyLongWrapper(this, "warn");
    private final ReadOnlyLongWrapper info = new ReadOnlyLongWrapper(this, "info");
    private final ObservableList<Finding> all = FXCollections.observableArrayList();
    private final FilteredList<Finding> shown = new FilteredList<>(all);
    private final ObservableList<String> checks = FXCollections.observableArrayList();
    private final ObjectProperty<String> checkFilter = new SimpleObjectProperty<>(this, "checkFilter", ALL_CHECKS);
    private final ObservableSet<Severity> severities = FXCollections.observableSet(EnumSet.allOf(Severity.class));
    private final ReadOnlyObjectProperty<DiagnosticReport> report;
    /** The model's performance against its baseline, in the core's words (in-sample said so); empty without one. */
    private final javafx.beans.property.ReadOnlyStringWrapper performance =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "performance", "");

    public OverviewViewModel(ReadOnlyObjectProperty<DiagnosticReport> report, Selection selection) {
        this.report = report;
        this.selection = selection;
        report.addListener((obs, old, now) -> show(now));
        checkFilter.addListener((obs, old, now) -> refilter());
        severities.addListener((SetChangeListener<Severity>) change -> refilter());
        show(report.get());
    }

    private void show(DiagnosticReport shownReport) {
        if (shownReport == null) {
            all.clear();
            checks.clear();
            verdict.set("");
            performance.set("");
            fail.set(0);
            warn.set(0);
            info.set(0);
            return;
        }
        verdict.set(shownReport.verdict());
        performance.set(String.join("\n", org.modellens.causes.PerformanceText.lines(shownReport.performance())));
        fail.set(shownReport.counts().get(Severity.FAIL));
        warn.set(shownReport.counts().get(Severity.WARN));
        info.set(shownReport.counts().get(Severity.INFO));
        Set<String> ids = new TreeSet<>();
        shownReport.findings().forEach(f -> ids.add(f.check()));
        checks.setAll(ALL_CHECKS);
        checks.addAll(ids);
        if (!checks.contains(checkFilter.get())) {
            checkFilter.set(ALL_CHECKS);
        }
        all.setAll(shownReport.findings());
        refilter();
    }

    private void refilter() {
        String check = checkFilter.get();
        shown.setPredicate(f -> severities.contains(f.severity())
                && (check == null || ALL_CHECKS.equals(check) || check.equals(f.check())));
    }

    /** Shows or hides the findings of one severity. */
    public void showSeverity(Severity severity, boolean show) {
        if (show) {
            severities.add(severity);
        } else {
            severities.remove(severity);
        }
    }

    public boolean isShown(Severity severity) {
        return severities.contains(severity);
    }

    public void select(Finding finding) {
        if (finding != null && !Objects.equals(finding, selection.finding())) {
            selection.selectFinding(finding);
        }
    }

    public ReadOnlyObjectProperty<Finding> selectedFindingProperty() {
        return selection.findingProperty();
    }

    public ObservableList<Finding> findings() {
        return shown;
    }

    public ObservableList<String> checks() {
        return checks;
    }

    public ObjectProperty<String> checkFilterProperty() {
        return checkFilter;
    }

    public ReadOnlyStringProperty performanceProperty() {
        return performance.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty failCountProperty() {
        return fail.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty warnCountProperty() {
        return warn.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty infoCountProperty() {
        return info.getReadOnlyProperty();
    }

    /** Thresholds in force, for the statistics' tooltips. */
    public java.util.Map<String, Double> settings() {
        return report.get() == null ? java.util.Map.of() : report.get().settings();
    }
}
