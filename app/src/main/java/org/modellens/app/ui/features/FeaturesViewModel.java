package org.modellens.app.ui.features;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.modellens.app.ui.Selection;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.profile.ColumnProfile;
import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;
import org.modellens.report.DiagnosticReport;

/** Every column of the report with its type, missing shares and drift; filtered by name and by findings. */
public final class FeaturesViewModel {

    private final Selection selection;
    private final ReadOnlyObjectProperty<DiagnosticReport> report;
    private final ObservableList<FeatureRow> rows = FXCollections.observableArrayList();
    private final FilteredList<FeatureRow> shown = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty onlyWithFindings = new SimpleBooleanProperty(this, "onlyWithFindings");
    private java.util.Set<String> modelInputs = java.util.Set.of();

    public FeaturesViewModel(ReadOnlyObjectProperty<DiagnosticReport> report, Selection selection) {
        this.report = report;
        this.selection = selection;
        report.addListener((obs, old, now) -> show(now));
        search.addListener((obs, old, now) -> refilter());
        onlyWithFindings.addListener((obs, old, now) -> refilter());
        show(report.get());
    }

    private void show(DiagnosticReport shownReport) {
        modelInputs = org.modellens.app.ui.ModelInputs.of(shownReport);
        if (shownReport == null) {
            rows.clear();
            return;
        }
        Map<String, Severity> worst = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Finding finding : shownReport.findings()) {
            if (finding.feature() != null) {
                worst.merge(finding.feature(), finding.severity(), Severity::max);
                counts.merge(finding.feature(), 1, Integer::sum);
            }
        }
        rows.setAll(shownReport.features().stream().map(c -> row(c, worst.get(c.name()), counts.getOrDefault(c.name(), 0))).toList());
        refilter();
    }

    static FeatureRow row(FeatureComparison c, Severity worst, int findings) {
        ColumnProfile prod = c.prodProfile();
        DriftStatistics drift = c.drift();
        String driftName = "";
        double driftValue = Double.NaN;
        double psi = Double.NaN;
        if (drift != null && drift.isNumeric()) {
            driftName = "KS";
            driftValue = drift.ks().statistic();
            psi = drift.psi();
        } else if (drift != null) {
            driftName = "TV";
            driftValue = drift.totalVariation();
        }
        return new FeatureRow(c.name(), c.role().jsonName(), c.type().jsonName(), c.trainProfile().missingRate(),
                prod == null ? Double.NaN : prod.missingRate(), driftName, driftValue, psi, worst, findings,
                FeatureRow.sparkline(c));
    }

    private void refilter() {
        String text = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        boolean findingsOnly = onlyWithFindings.get();
        shown.setPredicate(r -> r.name().toLowerCase(Locale.ROOT).contains(text) && (!findingsOnly || r.findings() > 0));
    }

    /** Makes the row's column the selected feature everywhere. */
    public void select(FeatureRow row) {
        if (row != null && !row.name().equals(selection.feature())) {
            selection.selectFeature(row.name());
        }
    }

    /** Whether the column is one the report's model reads (false without a model). */
    public boolean isModelInput(String feature) {
        return feature != null && modelInputs.contains(feature);
    }

    public ReadOnlyObjectProperty<String> selectedFeatureProperty() {
        return selection.featureProperty();
    }

    public ObservableList<FeatureRow> rows() {
        return shown;
    }

    public List<FeatureRow> allRows() {
        return List.copyOf(rows);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty onlyWithFindingsProperty() {
        return onlyWithFindings;
    }

    public Map<String, Double> settings() {
        return report.get() == null ? Map.of() : report.get().settings();
    }
}
