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
 * The report at a glance, causes first: the verdict, the model's performance against its baseline,
 * the ranked causes with what each costs the model (each holding its findings), and every finding in
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

    private final ObservableList<CauseRow> causes = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyObjectWrapper<CauseRow> selectedCause =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "selectedCause");
    /** The verdict as a sentence and what the damage costs, in the words of the PDF's page 1. */
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper(this, "verdictText", "");
    private final ReadOnlyStringWrapper costs = new ReadOnlyStringWrapper(this, "costs", "");
    private java.util.Map<Finding, CauseRow> causeOfFinding = java.util.Map.of();
    private Set<String> modelInputs = Set.of();

    public OverviewViewModel(ReadOnlyObjectProperty<DiagnosticReport> report, Selection selection) {
        this.report = report;
        this.selection = selection;
        report.addListener((obs, old, now) -> show(now));
        // A finding picked anywhere (here, Leakage and edge cases, ...) shows the cause it belongs to.
        selection.findingProperty().addListener((obs, old, now) -> selectedCause.set(now == null ? null : causeOfFinding.get(now)));
        checkFilter.addListener((obs, old, now) -> refilter());
        severities.addListener((SetChangeListener<Severity>) change -> refilter());
        show(report.get());
    }

    private void show(DiagnosticReport shownReport) {
        causes.setAll(CauseRow.of(shownReport));
        java.util.Map<Finding, CauseRow> owners = new java.util.HashMap<>();
        causes.forEach(cause -> cause.findings().forEach(f -> owners.putIfAbsent(f, cause)));
        causeOfFinding = owners;
        modelInputs = org.modellens.app.ui.ModelInputs.of(shownReport);
        selectedCause.set(selection.finding() == null ? null : owners.get(selection.finding()));
        if (shownReport == null) {
            all.clear();
            checks.clear();
            verdict.set("");
            verdictText.set("");
            costs.set("");
            performance.set("");
            fail.set(0);
            warn.set(0);
            info.set(0);
            return;
        }
        verdict.set(shownReport.verdict());
        org.modellens.report.StakeholderSummary summary = org.modellens.report.StakeholderSummary.of(shownReport);
        verdictText.set(summary.verdictText());
        costs.set(String.join("\n", summary.costs()));
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

    /**
     * Selects a cause: its lead finding becomes the selection every page follows. A cause about no
     * column keeps the column looked at, or takes the top cause's, so no page is left empty.
     */
    public void selectCause(CauseRow cause) {
        if (cause == null) {
            return;
        }
        if (cause.lead().feature() == null && selection.feature() == null) {
            causes.stream().flatMap(c -> c.features().stream()).findFirst().ifPresent(selection::selectFeature);
        }
        if (!Objects.equals(cause.lead(), selection.finding())) {
            selection.selectFinding(cause.lead());
        }
        selectedCause.set(cause);
    }

    /**
     * Selects the cause that costs the model most (a report without causes: its first finding), so
     * every page opens on what matters most instead of on nothing.
     */
    public void selectTopCause() {
        if (!causes.isEmpty()) {
            selectCause(causes.get(0));
        } else if (!all.isEmpty()) {
            select(all.get(0));
        }
    }

    /** The ranked causes, costliest first. */
    public ObservableList<CauseRow> causes() {
        return causes;
    }

    /** The cause of the selected finding, or the cause selected; {@code null} when none. */
    public ReadOnlyObjectProperty<CauseRow> selectedCauseProperty() {
        return selectedCause.getReadOnlyProperty();
    }

    /** Whether the column is one the report's model reads (false without a model). */
    public boolean isModelInput(String feature) {
        return feature != null && modelInputs.contains(feature);
    }

    public ReadOnlyStringProperty verdictTextProperty() {
        return verdictText.getReadOnlyProperty();
    }

    /** What the damage costs (expected cost, missed cases), one line each; empty where unknown. */
    public ReadOnlyStringProperty costsProperty() {
        return costs.getReadOnlyProperty();
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
