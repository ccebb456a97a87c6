package org.modellens.app.ui.edgecases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import java.nio.file.Path;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import org.modellens.app.ui.Formats;
import org.modellens.app.ui.Selection;
import org.modellens.app.ui.StatisticHelp;
import org.modellens.app.ui.StatisticRow;
import org.modellens.app.ui.Text;
import org.modellens.checks.Finding;
import org.modellens.data.AtomicFiles;
import org.modellens.data.Column;
import org.modellens.data.RowExport;
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
    private final ReadOnlyBooleanWrapper exportable = new ReadOnlyBooleanWrapper(this, "exportable");
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage", "");
    private final Executor executor;
    private Set<String> modelInputs = Set.of();

    /** Exports run on the calling thread: for tests. */
    public EdgeCasesViewModel(ReadOnlyObjectProperty<DiagnosticReport> report, Selection selection) {
        this(report, selection, Runnable::run);
    }

    /** @param executor runs exports of affected rows off the FX thread */
    public EdgeCasesViewModel(ReadOnlyObjectProperty<DiagnosticReport> report, Selection selection, Executor executor) {
        this.report = report;
        this.selection = selection;
        this.executor = executor;
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
        exportMessage.set("");
        DiagnosticReport shown = report.get();
        exportable.set(shown != null && finding != null && CHECKS.contains(finding.check()) && finding.rows() != null
                && finding.rows().heldRows() != null && finding.rows().count() > 0);
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

    /** Whether the selected finding knows all its rows, so "Export affected rows" can write them. */
    public ReadOnlyBooleanProperty exportableProperty() {
        return exportable.getReadOnlyProperty();
    }

    /** What the last export did, or why it failed; empty before one. */
    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    /** A file name for the selected finding's rows: {@code out-of-range-income-rows.csv}. */
    public String exportFileName() {
        Finding finding = selection.finding();
        String name = finding == null ? "affected" : finding.check() + (finding.feature() == null ? "" : "-" + finding.feature());
        return name.replaceAll("[^A-Za-z0-9._-]+", "_") + "-rows.csv";
    }

    /**
     * Writes every affected row of the selected finding to {@code file} (CSV, atomically), read back
     * from the production snapshot: not only the examples shown.
     */
    public void exportRows(Path file) {
        Finding finding = selection.finding();
        DiagnosticReport shown = report.get();
        if (!exportable.get() || finding == null || shown == null) {
            return;
        }
        Snapshot prod = shown.inputs().prod();
        java.util.BitSet held = finding.rows().heldRows();
        boolean sampled = finding.rows().sample() != null;
        exportMessage.set(Text.get("edge.export.running", file.getFileName()));
        Task<Long> write = new Task<>() {
            @Override
            protected Long call() throws Exception {
                long[] written = new long[1];
                AtomicFiles.write(file, out -> written[0] = RowExport.write(prod, held, finding.feature(), out));
                return written[0];
            }
        };
        write.setOnSucceeded(e -> exportMessage.set(Text.get(sampled ? "edge.export.done.sample" : "edge.export.done",
                write.getValue(), file.getFileName())));
        write.setOnFailed(e -> exportMessage.set(Text.get("edge.export.failed", file.getFileName(),
                org.modellens.Failures.describe(write.getException()))));
        executor.execute(write);
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
