package org.modellens.app.ui.explanations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.modellens.app.ui.Formats;
import org.modellens.app.ui.Selection;
import org.modellens.app.ui.Text;
import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.Explanations;
import org.modellens.report.Explanations.RowExplanation;

/**
 * The report's feature attributions: global importance on each side, a waterfall of one production
 * row's contributions, and the selected feature's value against its contribution. Empty, with a
 * message, when the report carries no explanations (no model given).
 */
public final class ExplanationsViewModel {

    /** Bars a waterfall shows before the rest are pooled into one. */
    static final int WATERFALL_FEATURES = 10;
    private static final int IMPORTANCE_FEATURES = 20;

    private final ReadOnlyObjectProperty<DiagnosticReport> report;
    private final Selection selection;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", Text.get("explain.empty.noReport"));
    private final ReadOnlyStringWrapper space = new ReadOnlyStringWrapper(this, "space", "");
    private final ObservableList<ImportanceRow> importance = FXCollections.observableArrayList();
    private final ObservableList<RowExplanation> rows = FXCollections.observableArrayList();
    /** The classes a multiclass report explains, the predicted-class choice first; empty otherwise. */
    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ObjectProperty<String> explainedClass = new SimpleObjectProperty<>(this, "explainedClass");
    private final ObjectProperty<RowExplanation> row = new SimpleObjectProperty<>(this, "row");
    private final ObservableList<WaterfallStep> waterfall = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper dependenceFeature = new ReadOnlyStringWrapper(this, "dependenceFeature");
    private final ReadOnlyStringWrapper dependenceMessage = new ReadOnlyStringWrapper(this, "dependenceMessage", "");
    private final ObservableList<DependencePoint> dependence = FXCollections.observableArrayList();

    public ExplanationsViewModel(ReadOnlyObjectProperty<DiagnosticReport> report, Selection selection) {
        this.report = report;
        this.selection = selection;
        report.addListener((obs, old, now) -> show(now));
        row.addListener((obs, old, now) -> showWaterfall(now));
        explainedClass.addListener((obs, old, now) -> showRows());
        selection.featureProperty().addListener((obs, old, now) -> showDependence(now));
        show(report.get());
    }

    private void show(DiagnosticReport shown) {
        Explanations explanations = shown == null ? null : shown.explanations();
        available.set(explanations != null);
        importance.clear();
        rows.clear();
        row.set(null);
        classes.clear();
        if (explanations == null) {
            message.set(shown == null ? Text.get("explain.empty.noReport")
                    : org.modellens.app.ui.model.ModelViewModel.unscoredReason(shown)
                            .orElse(Text.get(shown.model() == null ? "explain.empty.noModel" : "explain.empty.notExplained")));
            space.set("");
            showDependence(null);
            return;
        }
        message.set("");
        space.set(Text.get("explain.space", explanations.space(), explanations.method()));
        Set<String> names = new LinkedHashSet<>(explanations.globalProd().keySet());
        names.addAll(explanations.globalTrain().keySet());
        List<ImportanceRow> all = new ArrayList<>();
        for (String name : names) {
            all.add(new ImportanceRow(name, explanations.globalTrain().getOrDefault(name, Double.NaN),
                    explanations.globalProd().getOrDefault(name, Double.NaN)));
        }
        all.sort(Comparator.comparingDouble((ImportanceRow r) -> Math.max(nanToZero(r.train()), nanToZero(r.prod()))).reversed());
        importance.setAll(all.subList(0, Math.min(IMPORTANCE_FEATURES, all.size())));
        Set<String> named = new LinkedHashSet<>();
        for (RowExplanation explained : explanations.rows()) {
            if (explained.predictedClass() != null) {
                named.add(explained.outputClass());
            }
        }
        if (!named.isEmpty()) {
            classes.add(PREDICTED_CLASS);
            classes.addAll(named.stream().sorted().toList());
        }
        if (PREDICTED_CLASS.equals(explainedClass.get()) || named.isEmpty()) {
            showRows();
        } else {
            explainedClass.set(PREDICTED_CLASS); // shows the rows through the listener
        }
    }

    /** The class choice that shows each row explained for its own predicted class (the default). */
    public static final String PREDICTED_CLASS = "";

    /** The rows explained for the chosen class: each row's predicted class by default. */
    private List<RowExplanation> shownRows(Explanations explanations) {
        String chosen = explainedClass.get();
        List<RowExplanation> shown = new ArrayList<>();
        for (RowExplanation explained : explanations.rows()) {
            boolean predicted = explained.predictedClass() == null || explained.predictedClass().equals(explained.outputClass());
            if (chosen == null || PREDICTED_CLASS.equals(chosen) ? predicted : chosen.equals(explained.outputClass())) {
                shown.add(explained);
            }
        }
        return shown;
    }

    private void showRows() {
        DiagnosticReport shown = report.get();
        if (shown == null || shown.explanations() == null) {
            return;
        }
        rows.setAll(shownRows(shown.explanations()));
        row.set(rows.isEmpty() ? null : rows.get(0));
        showDependence(selection.feature());
    }

    private static double nanToZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    /** The waterfall of one row: base value, the largest contributions, the rest pooled, the output. */
    static List<WaterfallStep> steps(RowExplanation explained, Map<String, Column> prodColumns) {
        List<WaterfallStep> steps = new ArrayList<>();
        steps.add(new WaterfallStep(Text.get("explain.waterfall.base"), 0, explained.baseValue(), WaterfallStep.Kind.BASE));
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(explained.contributions().entrySet());
        ranked.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> Math.abs(e.getValue())).reversed());
        double total = explained.baseValue();
        for (int i = 0; i < Math.min(WATERFALL_FEATURES, ranked.size()); i++) {
            Map.Entry<String, Double> entry = ranked.get(i);
            String label = entry.getKey() + valueSuffix(prodColumns.get(entry.getKey()), explained.rowIndex());
            steps.add(new WaterfallStep(label, total, total + entry.getValue(), WaterfallStep.Kind.CONTRIBUTION));
            total += entry.getValue();
        }
        if (ranked.size() > WATERFALL_FEATURES) {
            double rest = ranked.subList(WATERFALL_FEATURES, ranked.size()).stream().mapToDouble(Map.Entry::getValue).sum();
            steps.add(new WaterfallStep(Text.get("explain.waterfall.rest", ranked.size() - WATERFALL_FEATURES),
                    total, total + rest, WaterfallStep.Kind.CONTRIBUTION));
        }
        // The output drawn is the report's margin: base + contributions equal it by the report's contract.
        steps.add(new WaterfallStep(Text.get("explain.waterfall.output"), 0, explained.margin(), WaterfallStep.Kind.TOTAL));
        return steps;
    }

    private static String valueSuffix(Column column, int rowIndex) {
        if (column == null || rowIndex >= column.size()) {
            return "";
        }
        String cell = column.text(rowIndex);
        return " = " + (cell == null ? Text.get("edge.rows.missing") : cell);
    }

    private void showWaterfall(RowExplanation explained) {
        if (explained == null || report.get() == null) {
            waterfall.clear();
            return;
        }
        waterfall.setAll(steps(explained, prodColumns(report.get())));
    }

    private static Map<String, Column> prodColumns(DiagnosticReport shown) {
        Map<String, Column> columns = new java.util.HashMap<>();
        shown.inputs().prod().columns().forEach(c -> columns.put(c.name(), c));
        return columns;
    }

    private void showDependence(String feature) {
        dependenceFeature.set(feature);
        dependence.clear();
        DiagnosticReport shown = report.get();
        if (shown == null || shown.explanations() == null) {
            dependenceMessage.set("");
            return;
        }
        if (feature == null) {
            dependenceMessage.set(Text.get("explain.dependence.pick"));
            return;
        }
        Column column = shown.inputs().prod().column(feature).orElse(null);
        List<DependencePoint> points = new ArrayList<>();
        for (RowExplanation explained : shownRows(shown.explanations())) {
            Double contribution = explained.contributions().get(feature);
            if (contribution == null || column == null || explained.rowIndex() >= column.size()) {
                continue;
            }
            int index = explained.rowIndex();
            boolean numeric = column.type() == ColumnType.NUMERIC;
            points.add(new DependencePoint(index, numeric ? column.numbers()[index] : Double.NaN,
                    numeric ? null : column.text(index), contribution));
        }
        dependence.setAll(points);
        dependenceMessage.set(points.isEmpty() ? Text.get("explain.dependence.notInModel", feature) : "");
    }

    public void selectFeature(String feature) {
        if (feature != null && !feature.equals(selection.feature())) {
            selection.selectFeature(feature);
        }
    }

    /** A row's label in the row picker: the class it is explained for, when the model has several. */
    public static String describe(RowExplanation explained) {
        if (explained.predictedClass() != null) {
            return Text.get("explain.row.class", explained.rowIndex(), explained.outputClass(),
                    Formats.number(explained.prediction()), explained.predictedClass());
        }
        return Text.get("explain.row", explained.rowIndex(), Formats.number(explained.prediction()));
    }

    /** A class choice's label in the class picker. */
    public static String describeClass(String choice) {
        return PREDICTED_CLASS.equals(choice) ? Text.get("explain.class.predicted") : Text.get("explain.class.one", choice);
    }

    /** The class choices: the predicted class, then every class the report explains; empty unless multiclass. */
    public ObservableList<String> classes() {
        return classes;
    }

    public ObjectProperty<String> explainedClassProperty() {
        return explainedClass;
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty spaceProperty() {
        return space.getReadOnlyProperty();
    }

    public ObservableList<ImportanceRow> importance() {
        return importance;
    }

    public ObservableList<RowExplanation> rows() {
        return rows;
    }

    public ObjectProperty<RowExplanation> rowProperty() {
        return row;
    }

    public ObservableList<WaterfallStep> waterfall() {
        return waterfall;
    }

    public ReadOnlyStringProperty dependenceFeatureProperty() {
        return dependenceFeature.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dependenceMessageProperty() {
        return dependenceMessage.getReadOnlyProperty();
    }

    public ObservableList<DependencePoint> dependence() {
        return dependence;
    }
}
