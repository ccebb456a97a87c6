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
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.modellens.app.ui.Formats;
import org.modellens.app.ui.Selection;
import org.modellens.app.ui.Text;
import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.Snapshot;
import org.modellens.explain.Interactions;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.Explanations;
import org.modellens.report.Explanations.RowExplanation;
import org.modellens.report.Explanations.SampleAttributions;

/**
 * The report's feature attributions as SHAP users know them: global importance on each side, a
 * beeswarm of every sampled row's contributions per side, the selected feature's dependence plot with
 * training and production overlaid, and a waterfall of one production row picked from a searchable,
 * sortable list. The class chosen for a multiclass model drives all of them. Empty, with a message,
 * when the report carries no explanations (no model given).
 *
 * <p>Every figure is the core's: the sampled rows' attributions ({@link Explanations#samplesTrain()}),
 * the interaction ranking ({@link Interactions}); this class only orders, colours and lays them out.
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
    /** What a unit of contribution is (log-odds, probability, the target's units): the plots' axes say it. */
    private final ReadOnlyStringWrapper units = new ReadOnlyStringWrapper(this, "units", "");
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
    private final ObjectProperty<Side> beeswarmSide = new SimpleObjectProperty<>(this, "beeswarmSide", Side.BOTH);
    private final ObservableList<BeeswarmRow> beeswarmTrain = FXCollections.observableArrayList();
    private final ObservableList<BeeswarmRow> beeswarmProd = FXCollections.observableArrayList();
    private final ObjectProperty<ColourBy> colourBy = new SimpleObjectProperty<>(this, "colourBy", ColourBy.SIDE);
    /** Candidate colouring features of the dependence plot, the strongest interaction first. */
    private final ObservableList<String> interactionChoices = FXCollections.observableArrayList();
    private final ObjectProperty<String> interactionFeature = new SimpleObjectProperty<>(this, "interactionFeature");
    private final ReadOnlyObjectWrapper<ColourScale> interactionScale = new ReadOnlyObjectWrapper<>(this, "interactionScale");
    private final StringProperty rowSearch = new SimpleStringProperty(this, "rowSearch", "");
    private final ObjectProperty<RowSort> rowSort = new SimpleObjectProperty<>(this, "rowSort", RowSort.ROW);
    private final ObservableList<RowChoice> rowChoices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper labelled = new ReadOnlyBooleanWrapper(this, "labelled");
    private final ReadOnlyStringWrapper idColumn = new ReadOnlyStringWrapper(this, "idColumn");
    /** Colour scales per feature, from the training sample (production's when training has none). */
    private Map<String, ColourScale> scales = Map.of();

    /** Which side's rows a beeswarm shows. */
    public enum Side { TRAINING, PRODUCTION, BOTH }

    /** What colours the dependence plot's dots: their side, or the chosen interaction feature. */
    public enum ColourBy { SIDE, INTERACTION }

    /** Orders of the row picker: by row, prediction (highest first), error or the selected feature's contribution (largest first). */
    public enum RowSort { ROW, PREDICTION, ERROR, CONTRIBUTION }

    public ExplanationsViewModel(ReadOnlyObjectProperty<DiagnosticReport> report, Selection selection) {
        this.report = report;
        this.selection = selection;
        report.addListener((obs, old, now) -> show(now));
        row.addListener((obs, old, now) -> showWaterfall(now));
        explainedClass.addListener((obs, old, now) -> showRows());
        selection.featureProperty().addListener((obs, old, now) -> {
            showDependence(now);
            showRowChoices();
        });
        colourBy.addListener((obs, old, now) -> showDependence(selection.feature()));
        interactionFeature.addListener((obs, old, now) -> {
            if (colourBy.get() == ColourBy.INTERACTION && !choosingStrongest) {
                showDependence(selection.feature());
            }
        });
        rowSearch.addListener((obs, old, now) -> showRowChoices());
        rowSort.addListener((obs, old, now) -> showRowChoices());
        show(report.get());
    }

    private void show(DiagnosticReport shown) {
        Explanations explanations = shown == null ? null : shown.explanations();
        available.set(explanations != null);
        importance.clear();
        rows.clear();
        row.set(null);
        classes.clear();
        beeswarmTrain.clear();
        beeswarmProd.clear();
        codesByFeature.clear();
        rowChoices.clear();
        scales = Map.of();
        idColumn.set(shown == null ? null : shown.inputs().prod().columns().stream().filter(Column::identifier)
                .map(Column::name).findFirst().orElse(null));
        labelled.set(shown != null && shown.inputs().target() != null && shown.inputs().prod().hasColumn(shown.inputs().target()));
        if (explanations == null) {
            message.set(shown == null ? Text.get("explain.empty.noReport")
                    : org.modellens.app.ui.model.ModelViewModel.unscoredReason(shown)
                            .orElse(Text.get(shown.model() == null ? "explain.empty.noModel" : "explain.empty.notExplained")));
            space.set("");
            showDependence(null);
            return;
        }
        message.set("");
        // The core says what a unit of contribution is (log-odds, probability, the target's units).
        units.set(explanations.unitsFor(shown.inputs() == null ? null : shown.inputs().target()));
        space.set(Text.get("explain.space", units.get(), explanations.method()));
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
        showBeeswarms(shown);
        showDependence(selection.feature());
        showRowChoices();
    }

    /** The class the samples are explained for: {@code null} for each row's predicted class or the only output. */
    private String sampleClass() {
        String chosen = explainedClass.get();
        return chosen == null || PREDICTED_CLASS.equals(chosen) ? null : chosen;
    }

    private void showBeeswarms(DiagnosticReport shown) {
        Explanations explanations = shown.explanations();
        SampleAttributions train = explanations.sample(true, sampleClass()).orElse(null);
        SampleAttributions prod = explanations.sample(false, sampleClass()).orElse(null);
        Map<String, double[]> trainValues = train == null ? Map.of() : numericValues(shown.inputs().train(), train);
        Map<String, double[]> prodValues = prod == null ? Map.of() : numericValues(shown.inputs().prod(), prod);
        // One scale for both sides, from training: a production value training never saw shows at the end.
        Map<String, ColourScale> byFeature = new java.util.HashMap<>();
        (train != null ? trainValues : prodValues).forEach((feature, values) -> byFeature.put(feature, ColourScale.of(values)));
        scales = byFeature;
        SampleAttributions ordering = train != null ? train : prod;
        if (ordering == null) {
            return;
        }
        // Both sides in the training order, so that side by side a line compares with its neighbour.
        double[] meanAbs = ordering.meanAbs();
        List<String> order = new ArrayList<>(ordering.features());
        order.sort(Comparator.comparingDouble((String f) -> -meanAbs[ordering.features().indexOf(f)]));
        if (train != null) {
            beeswarmTrain.setAll(Beeswarm.rows(train, order, trainValues, scales));
        }
        if (prod != null) {
            beeswarmProd.setAll(Beeswarm.rows(prod, order, prodValues, scales));
        }
    }

    /** Each numeric model input's value in the sampled rows; other inputs are left out (drawn grey). */
    private static Map<String, double[]> numericValues(Snapshot snapshot, SampleAttributions sample) {
        Map<String, double[]> values = new java.util.HashMap<>();
        for (String feature : sample.features()) {
            Column column = snapshot.column(feature).orElse(null);
            if (column == null || column.type() != ColumnType.NUMERIC) {
                continue;
            }
            double[] numbers = column.numbers();
            double[] picked = new double[sample.rows().length];
            for (int r = 0; r < picked.length; r++) {
                int row = sample.rows()[r];
                picked[r] = row < numbers.length ? numbers[row] : Double.NaN;
            }
            values.put(feature, picked);
        }
        return values;
    }

    private static double nanToZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    /** The waterfall of one row: base value, the largest contributions, the rest pooled, the output. */
    static List<WaterfallStep> steps(RowExplanation explained, Map<String, Column> prodColumns) {
        List<WaterfallStep> steps = new ArrayList<>();
        boolean logistic = logistic(explained);
        steps.add(new WaterfallStep(Text.get("explain.waterfall.base"), 0, explained.baseValue(), WaterfallStep.Kind.BASE,
                logistic ? probabilityNote(sigmoid(explained.baseValue())) : null));
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
        steps.add(new WaterfallStep(Text.get("explain.waterfall.output"), 0, explained.margin(), WaterfallStep.Kind.TOTAL,
                logistic ? probabilityNote(explained.prediction()) : null));
        return steps;
    }

    /**
     * A binary classifier whose probability is the logistic of the explained margin (XGBoost's
     * binary:logistic, LightGBM's binary): then the base value has a probability too. Read off the row
     * itself, so a model with another link never gets a probability it does not mean.
     */
    static boolean logistic(RowExplanation explained) {
        return explained.outputClass() != null && explained.predictedClass() == null
                && Math.abs(sigmoid(explained.margin()) - explained.prediction()) <= 1e-9;
    }

    private static double sigmoid(double margin) {
        return 1 / (1 + Math.exp(-margin));
    }

    private static String probabilityNote(double probability) {
        return Text.get("explain.waterfall.probability", Formats.number(probability));
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
            interactionChoices.clear();
            return;
        }
        if (feature == null) {
            dependenceMessage.set(Text.get("explain.dependence.pick"));
            interactionChoices.clear();
            return;
        }
        Explanations explanations = shown.explanations();
        SampleAttributions train = explanations.sample(true, sampleClass()).orElse(null);
        SampleAttributions prod = explanations.sample(false, sampleClass()).orElse(null);
        if (train == null && prod == null) {
            dependenceMessage.set(Text.get("explain.dependence.noRows"));
            interactionChoices.clear();
            return;
        }
        if (!(train != null ? train : prod).features().contains(feature)) {
            dependenceMessage.set(Text.get("explain.dependence.notInModel", feature));
            interactionChoices.clear();
            return;
        }
        rankInteractions(shown, feature, train != null ? train : prod, train != null ? shown.inputs().train() : shown.inputs().prod());
        String colouring = colourBy.get() == ColourBy.INTERACTION ? interactionFeature.get() : null;
        Map<String, Integer> codes = colouring == null ? Map.of() : categoryCodes(shown, colouring);
        ColourScale scale = colouring == null ? null : scales.containsKey(colouring) ? scales.get(colouring)
                : new ColourScale(0, Math.max(1, codes.size() - 1));
        interactionScale.set(scale);
        List<DependencePoint> points = new ArrayList<>();
        addPoints(points, train, shown.inputs().train(), feature, false, colouring, scale, codes);
        addPoints(points, prod, shown.inputs().prod(), feature, true, colouring, scale, codes);
        dependence.setAll(points);
        dependenceMessage.set(points.isEmpty() ? Text.get("explain.dependence.notInModel", feature) : "");
    }

    private void addPoints(List<DependencePoint> points, SampleAttributions sample, Snapshot snapshot, String feature,
                                  boolean production, String colouring, ColourScale scale, Map<String, Integer> codes) {
        Column column = sample == null ? null : snapshot.column(feature).orElse(null);
        if (column == null) {
            return;
        }
        double[] contributions = sample.contributionsOf(feature).orElseThrow();
        Column colour = colouring == null ? null : snapshot.column(colouring).orElse(null);
        boolean numeric = column.type() == ColumnType.NUMERIC;
        for (int r = 0; r < sample.rows().length; r++) {
            int index = sample.rows()[r];
            if (index >= column.size()) {
                continue;
            }
            points.add(new DependencePoint(index, numeric ? column.numbers()[index] : Double.NaN,
                    numeric ? null : column.text(index), contributions[r], production,
                    colour == null || scale == null ? Double.NaN : scale.fraction(encoded(colour, index, codes))));
        }
    }

    /** A cell as a number: its value, or its category's place among the sorted labels of both sides. */
    private static double encoded(Column column, int row, Map<String, Integer> codes) {
        if (column.type() == ColumnType.NUMERIC) {
            return column.numbers()[row];
        }
        String text = column.text(row);
        Integer code = text == null ? null : codes.get(text);
        return code == null ? Double.NaN : code;
    }

    /** Category codes per feature of the report shown, made once: a column's labels are read from every row. */
    private final Map<String, Map<String, Integer>> codesByFeature = new java.util.HashMap<>();

    private Map<String, Integer> categoryCodes(DiagnosticReport shown, String feature) {
        return codesByFeature.computeIfAbsent(feature, f -> sortedCodes(shown, f));
    }

    /** Sorted category labels of a non-numeric column over both sides, numbered as numpy.unique numbers them. */
    private static Map<String, Integer> sortedCodes(DiagnosticReport shown, String feature) {
        java.util.TreeSet<String> labels = new java.util.TreeSet<>();
        for (Snapshot snapshot : java.util.Arrays.asList(shown.inputs().train(), shown.inputs().prod())) {
            Column column = snapshot == null ? null : snapshot.column(feature).orElse(null);
            if (column != null && column.type() != ColumnType.NUMERIC) {
                // The column's table of labels: every label a cell holds, without reading the rows.
                for (int code = 0; code < column.categoryCount(); code++) {
                    labels.add(column.category(code));
                }
            }
        }
        Map<String, Integer> codes = new java.util.HashMap<>();
        for (String label : labels) {
            codes.put(label, codes.size());
        }
        return codes;
    }

    /**
     * The other model inputs ordered by how well they explain the spread of the feature's contributions
     * (the core's SHAP heuristic, on the training sample); the strongest becomes the colouring feature
     * unless the user chose another that is still a candidate.
     */
    private void rankInteractions(DiagnosticReport shown, String feature, SampleAttributions sample, Snapshot snapshot) {
        List<String> features = sample.features();
        double[][] others = new double[features.size()][];
        for (int k = 0; k < features.size(); k++) {
            Column column = snapshot.column(features.get(k)).orElse(null);
            Map<String, Integer> codes = column == null || column.type() == ColumnType.NUMERIC ? Map.of()
                    : categoryCodes(shown, features.get(k));
            double[] values = new double[sample.rows().length];
            for (int r = 0; r < values.length; r++) {
                values[r] = column == null || sample.rows()[r] >= column.size() ? Double.NaN
                        : encoded(column, sample.rows()[r], codes);
            }
            others[k] = values;
        }
        int self = features.indexOf(feature);
        int[] ranking = Interactions.ranking(others[self], sample.contributionsOf(feature).orElseThrow(), others, self);
        List<String> ranked = new ArrayList<>();
        for (int k : ranking) {
            if (k != self) {
                ranked.add(features.get(k));
            }
        }
        String kept = interactionFeature.get();
        if (!ranked.equals(interactionChoices)) {
            interactionChoices.setAll(ranked);
        }
        String chosen = kept != null && ranked.contains(kept) && kept.equals(userInteraction) ? kept
                : ranked.isEmpty() ? null : ranked.get(0);
        if (!java.util.Objects.equals(chosen, interactionFeature.get())) {
            choosingStrongest = true;
            interactionFeature.set(chosen);
            choosingStrongest = false;
        }
    }

    /** The colouring feature the user picked, kept across plotted features while it is a candidate. */
    private String userInteraction;
    /** Set while the ranking itself moves the colouring feature: the plot being drawn already uses it. */
    private boolean choosingStrongest;

    /** The user picks the dependence plot's colouring feature (and colours by it). */
    public void chooseInteraction(String feature) {
        userInteraction = feature;
        interactionFeature.set(feature);
        colourBy.set(ColourBy.INTERACTION);
    }

    private void showRowChoices() {
        DiagnosticReport shown = report.get();
        if (shown == null || shown.explanations() == null) {
            rowChoices.clear();
            return;
        }
        Snapshot prod = shown.inputs().prod();
        Column id = idColumn.get() == null ? null : prod.column(idColumn.get()).orElse(null);
        Column target = labelled.get() ? prod.column(shown.inputs().target()).orElse(null) : null;
        String feature = selection.feature();
        String query = rowSearch.get() == null ? "" : rowSearch.get().trim().toLowerCase(java.util.Locale.ROOT);
        List<RowChoice> choices = new ArrayList<>();
        for (RowExplanation explained : rows) {
            int index = explained.rowIndex();
            String idText = id == null || index >= id.size() ? null : id.text(index);
            if (!query.isEmpty() && !(idText != null && idText.toLowerCase(java.util.Locale.ROOT).contains(query))
                    && !Integer.toString(index).equals(query)) {
                continue;
            }
            String label = target == null || index >= target.size() ? null : target.text(index);
            Double contribution = feature == null ? null : explained.contributions().get(feature);
            choices.add(new RowChoice(explained, idText, label, error(explained, label, target),
                    contribution == null ? Double.NaN : contribution));
        }
        Comparator<RowChoice> order = switch (rowSort.get() == null ? RowSort.ROW : rowSort.get()) {
            case ROW -> Comparator.comparingInt(c -> c.row().rowIndex());
            case PREDICTION -> Comparator.comparingDouble((RowChoice c) -> -c.row().prediction());
            case ERROR -> Comparator.comparingDouble((RowChoice c) -> Double.isNaN(c.error()) ? Double.POSITIVE_INFINITY : -c.error());
            case CONTRIBUTION -> Comparator.comparingDouble((RowChoice c) ->
                    Double.isNaN(c.contribution()) ? Double.POSITIVE_INFINITY : -c.contribution());
        };
        choices.sort(order.thenComparingInt(c -> c.row().rowIndex()));
        rowChoices.setAll(choices);
    }

    /** How far the row's prediction is from its label; {@code NaN} without a label. */
    static double error(RowExplanation explained, String label, Column target) {
        if (label == null) {
            return Double.NaN;
        }
        if (explained.outputClass() == null) {
            int row = explained.rowIndex();
            double y = target != null && target.type() == ColumnType.NUMERIC ? target.numbers()[row] : Double.NaN;
            return Math.abs(y - explained.prediction());
        }
        return Math.abs((classMatches(label, explained.outputClass()) ? 1 : 0) - explained.prediction());
    }

    /** Label text and class name agree, also as numbers ("1.0" is class "1"). */
    private static boolean classMatches(String label, String outputClass) {
        if (label.equals(outputClass)) {
            return true;
        }
        try {
            return Double.parseDouble(label) == Double.parseDouble(outputClass);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public void selectFeature(String feature) {
        if (feature != null && !feature.equals(selection.feature())) {
            selection.selectFeature(feature);
        }
    }

    /**
     * A dependence dot's tooltip: its side and row (with its id), the plotted feature's value and
     * contribution, and the colouring feature's value when colouring by one.
     */
    public String describePoint(DependencePoint point) {
        DiagnosticReport shown = report.get();
        if (shown == null) {
            return "";
        }
        Snapshot snapshot = point.production() ? shown.inputs().prod() : shown.inputs().train();
        String value = point.category() != null ? point.category()
                : Double.isNaN(point.value()) ? Text.get("edge.rows.missing") : Formats.number(point.value());
        String text = describe(snapshot, point.production(), point.rowIndex(), dependenceFeature.get(), value, point.contribution());
        String colouring = colourBy.get() == ColourBy.INTERACTION ? interactionFeature.get() : null;
        Column partner = colouring == null ? null : snapshot.column(colouring).orElse(null);
        if (partner != null && point.rowIndex() < partner.size()) {
            String cell = partner.text(point.rowIndex());
            text += "\n" + colouring + " = " + (cell == null ? Text.get("edge.rows.missing") : cell);
        }
        return text;
    }

    /** A beeswarm dot's tooltip: its side and row (with its id), the feature's value and its contribution. */
    public String describeDot(BeeswarmRow line, int dot, boolean production) {
        DiagnosticReport shown = report.get();
        if (shown == null) {
            return "";
        }
        Snapshot snapshot = production ? shown.inputs().prod() : shown.inputs().train();
        int index = line.rows()[dot];
        String value = "";
        if (!line.pooled()) {
            Column column = snapshot.column(line.feature()).orElse(null);
            String cell = column == null || index >= column.size() ? null : column.text(index);
            value = cell == null ? Text.get("edge.rows.missing") : cell;
        }
        return describe(snapshot, production, index, line.feature(), line.pooled() ? null : value, line.contributions()[dot]);
    }

    private static String describe(Snapshot snapshot, boolean production, int index, String feature, String value,
                                   double contribution) {
        String side = Text.get(production ? "series.prod" : "series.train");
        String id = snapshot.columns().stream().filter(Column::identifier).findFirst()
                .filter(c -> index < c.size()).map(c -> c.text(index)).orElse(null);
        String what = value == null ? feature : feature + " = " + value;
        return Text.get(id == null ? "explain.point" : "explain.point.id", side, Integer.toString(index), id, what,
                Formats.number(contribution));
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

    public ReadOnlyStringProperty unitsProperty() {
        return units.getReadOnlyProperty();
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

    public ObjectProperty<Side> beeswarmSideProperty() {
        return beeswarmSide;
    }

    /** The training beeswarm's lines, most important first (training order); empty without training rows. */
    public ObservableList<BeeswarmRow> beeswarmTrain() {
        return beeswarmTrain;
    }

    /** The production beeswarm's lines, in the same order as training's. */
    public ObservableList<BeeswarmRow> beeswarmProd() {
        return beeswarmProd;
    }

    public ObjectProperty<ColourBy> colourByProperty() {
        return colourBy;
    }

    public ObservableList<String> interactionChoices() {
        return interactionChoices;
    }

    public ReadOnlyObjectProperty<String> interactionFeatureProperty() {
        return interactionFeature;
    }

    /** The colouring feature's scale (for the legend), {@code null} when colouring by side. */
    public ReadOnlyObjectProperty<ColourScale> interactionScaleProperty() {
        return interactionScale.getReadOnlyProperty();
    }

    public StringProperty rowSearchProperty() {
        return rowSearch;
    }

    public ObjectProperty<RowSort> rowSortProperty() {
        return rowSort;
    }

    /** The explained rows matching the search, in the chosen order. */
    public ObservableList<RowChoice> rowChoices() {
        return rowChoices;
    }

    /** Production carries labels: rows have an error to sort by. */
    public ReadOnlyBooleanProperty labelledProperty() {
        return labelled.getReadOnlyProperty();
    }

    /** The production identifier column searched by the row picker, {@code null} without one. */
    public ReadOnlyStringProperty idColumnProperty() {
        return idColumn.getReadOnlyProperty();
    }
}
