package org.modellens.app.ui.edgecases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.modellens.app.ui.Formats;
import org.modellens.app.ui.Selection;
import org.modellens.app.ui.StatisticHelp;
import org.modellens.app.ui.StatisticRow;
import org.modellens.app.ui.Text;
import org.modellens.checks.Finding;
import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.report.DiagnosticReport;

/**
 * Leakage, schema, type and unit findings, and the value-level ones (out-of-range, unseen
 * categories, outliers, missing values, duplicates, personal data) with the affected production rows.
 */
public final class EdgeCasesViewModel {

    /** The checks this page lists. */
    public static final Set<String> CHECKS = Set.of("leakage", "schema-mismatch", "type-mismatch", "unit-mismatch",
            "out-of-range", "unseen-category", "outliers", "missing-values", "duplicate-rows", "pii");

    private final ReadOnlyObjectProperty<DiagnosticReport> report;
    private final Selection selection;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<String> rowColumns = FXCollections.observableArrayList();
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final ObservableList<StatisticRow> evidence = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rowsCaption = new ReadOnlyStringWrapper(this, "rowsCaption", "");
    private final ReadOnlyStringWrapper highlightedColumn = new ReadOnlyStringWrapper(this, "highlightedColumn");
    private Set<String> modelInputs = Set.of();

    public EdgeCasesViewModel(ReadOnlyObjectProperty<DiagnosticReport> report, Selection selection) {
        this.report = report;
        this.selection = selection;
        report.addListener((obs, old, now) -> {
            modelInputs = org.modellens.app.ui.ModelInputs.of(now);
            findings.setAll(now == null ? List.of() : now.findings().stream().filter(f -> CHECKS.contains(f.check())).toList());
            showRows(selection.finding());
        });
        selection.findingProperty().addListener((obs, old, now) -> showRows(now));
        selection.featureProperty().addListener((obs, old, now) -> {
            if (selection.finding() == null) {
                // A feature picked elsewhere: show its first edge case, if it has one.
                findings.stream().filter(f -> now != null && now.equals(f.feature())).findFirst().ifPresentOrElse(
                        this::showRows, () -> showRows(null));
            }
        });
    }

    /** Whether the column is one the report's model reads (false without a model). */
    public boolean isModelInput(String feature) {
        return feature != null && modelInputs.contains(feature);
    }

    public void select(Finding finding) {
        if (finding != null && !finding.equals(selection.finding())) {
            selection.selectFinding(finding);
        }
    }

    private void showRows(Finding finding) {
        rowColumns.clear();
        rows.clear();
        evidence.clear();
        highlightedColumn.set(null);
        DiagnosticReport shown = report.get();
        if (finding == null || shown == null || !CHECKS.contains(finding.check())) {
            rowsCaption.set(Text.get("edge.rows.none"));
            return;
        }
        finding.evidence().forEach((name, value) -> evidence.add(new StatisticRow(StatisticHelp.label(name), Formats.evidence(value),
                StatisticHelp.tooltip(finding.check(), name, shown.settings()))));
        if (finding.rows() == null || finding.rows().examples().isEmpty()) {
            rowsCaption.set(Text.get("edge.rows.notApplicable"));
            return;
        }
        Snapshot prod = shown.inputs().prod();
        List<Column> columns = new ArrayList<>(prod.columns());
        // The finding's column first, so the value that matters is in view without scrolling.
        columns.sort((a, b) -> Boolean.compare(!a.name().equals(finding.feature()), !b.name().equals(finding.feature())));
        highlightedColumn.set(finding.feature());
        List<String> headers = new ArrayList<>();
        headers.add(Text.get("edge.rows.index"));
        columns.forEach(c -> headers.add(c.name()));
        for (int index : finding.rows().examples()) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(index));
            // Examples are file rows; a streamed production file holds only a sample of them.
            int held = prod.heldRow(index);
            for (Column column : columns) {
                String cell = held >= 0 ? column.text(held) : null;
                row.add(held < 0 ? Text.get("edge.rows.notHeld") : cell == null ? Text.get("edge.rows.missing") : cell);
            }
            rows.add(row);
        }
        rowColumns.setAll(headers);
        rowsCaption.set(Text.get("edge.rows.caption", finding.rows().count(), finding.rows().examples().size()));
    }

    public ReadOnlyObjectProperty<Finding> selectedFindingProperty() {
        return selection.findingProperty();
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    /** Headers of the affected-rows table: the row index, then the production columns. */
    public ObservableList<String> rowColumns() {
        return rowColumns;
    }

    /** The affected production rows, cells as in the file. */
    public ObservableList<List<String>> rows() {
        return rows;
    }

    public ObservableList<StatisticRow> evidence() {
        return evidence;
    }

    public ReadOnlyStringProperty rowsCaptionProperty() {
        return rowsCaption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty highlightedColumnProperty() {
        return highlightedColumn.getReadOnlyProperty();
    }
}
