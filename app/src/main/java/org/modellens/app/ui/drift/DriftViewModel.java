package org.modellens.app.ui.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.modellens.app.ui.Formats;
import org.modellens.app.ui.Selection;
import org.modellens.app.ui.StatisticHelp;
import org.modellens.app.ui.StatisticRow;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.charts.Ecdf;
import org.modellens.app.ui.charts.Histogram;
import org.modellens.profile.CategoryCount;
import org.modellens.profile.CategoryCounts;
import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.DriftSummary;
import org.modellens.timeline.ChunkComparison;

/**
 * Training versus production for the selected feature: overlaid histograms and ECDFs with the KS
 * distance marked for numeric columns, side-by-side category shares with unseen categories flagged
 * for categorical ones, and the report's drift statistics.
 */
public final class DriftViewModel {

    /** What the drift page can draw for the selected feature. */
    public enum Kind { NONE, NUMERIC, CATEGORICAL }

    private static final int BINS = 30;
    private static final int MAX_CATEGORIES = 15;

    private final ReadOnlyObjectProperty<DiagnosticReport> report;
    private final Selection selection;
    private final ReadOnlyStringWrapper feature = new ReadOnlyStringWrapper(this, "feature");
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind", Kind.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper(this, "scope", "");
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>(this, "histogram");
    private final ReadOnlyObjectWrapper<Ecdf> ecdf = new ReadOnlyObjectWrapper<>(this, "ecdf");
    private final ObservableList<CategoryBar> categories = FXCollections.observableArrayList();
    private final ObservableList<StatisticRow> statistics = FXCollections.observableArrayList();
    private final ObservableList<String> features = FXCollections.observableArrayList();
    private final ObservableList<DriftSummary> summary = FXCollections.observableArrayList();
    private java.util.Set<String> modelInputs = java.util.Set.of();
    private final javafx.beans.property.ReadOnlyBooleanWrapper modelInput =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "modelInput");

    public DriftViewModel(ReadOnlyObjectProperty<DiagnosticReport> report, Selection selection) {
        this.report = report;
        this.selection = selection;
        report.addListener((obs, old, now) -> {
            modelInputs = org.modellens.app.ui.ModelInputs.of(now);
            features.setAll(now == null ? List.of() : now.features().stream().map(FeatureComparison::name).toList());
            summary.setAll(now == null ? List.of() : DriftSummary.of(now));
            show(selection.feature());
        });
        selection.featureProperty().addListener((obs, old, now) -> show(now));
        selection.chunkProperty().addListener((obs, old, now) -> show(selection.feature()));
        show(selection.feature());
    }

    /** Every column's drift on the scale all types share (the core's {@link DriftSummary}), in report order. */
    public ObservableList<DriftSummary> summary() {
        return summary;
    }

    /** Selects a feature everywhere (from the page's own feature picker). */
    public void select(String name) {
        if (name != null && !name.equals(selection.feature())) {
            selection.selectFeature(name);
        }
    }

    private void show(String name) {
        feature.set(name);
        modelInput.set(isModelInput(name));
        histogram.set(null);
        ecdf.set(null);
        categories.clear();
        statistics.clear();
        DiagnosticReport shown = report.get();
        Integer chunk = selection.chunk();
        boolean oneChunk = chunk != null && shown != null && shown.timeline() != null && chunk < shown.timeline().chunks().size();
        // A timeline cell clicked: that chunk of production against training, measured as the whole snapshot is.
        FeatureComparison comparison = shown == null || name == null ? null
                : shown.features().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (oneChunk && comparison != null) {
            comparison = ChunkComparison.of(shown.timeline(), shown.inputs().train(), shown.inputs().prod(), comparison, chunk,
                    (int) Math.round(shown.settings().getOrDefault("drift.categorical.topCategories", 30.0)),
                    shown.settings().getOrDefault("drift.categorical.minShare", 0.005)).orElse(null);
        }
        scope.set(oneChunk ? Text.get("drift.scope.chunk", shown.timeline().chunks().get(chunk).start(),
                shown.timeline().chunks().get(chunk).end(), shown.timeline().chunks().get(chunk).rows())
                : Text.get("drift.scope.all"));
        if (comparison == null) {
            kind.set(Kind.NONE);
            message.set(Text.get(shown == null ? "drift.empty.noReport" : "drift.empty.noFeature"));
            return;
        }
        DriftStatistics drift = comparison.drift();
        if (drift == null) {
            kind.set(Kind.NONE);
            message.set(Text.get(comparison.prod() == null ? "drift.empty.absent" : "drift.empty.notCompared",
                    comparison.name(), comparison.type().jsonName(), comparison.role().jsonName()));
            return;
        }
        message.set("");
        Map<String, Double> settings = shown.settings();
        if (drift.isNumeric()) {
            histogram.set(Histogram.of(comparison.trainSorted(), comparison.prodSorted(), BINS));
            ecdf.set(Ecdf.of(comparison.trainSorted(), comparison.prodSorted()));
            add(settings, "ks", drift.ks().statistic());
            add(settings, "ksPValue", drift.ks().pValue());
            add(settings, "psi", drift.psi());
            add(settings, "wasserstein", drift.wasserstein());
            add(settings, "wassersteinRelative", drift.wassersteinRelative());
            add(settings, "standardizedMeanDifference", drift.standardizedMeanDifference());
            kind.set(Kind.NUMERIC);
        } else {
            categories.setAll(bars(comparison.trainCategories(), comparison.prodCategories()));
            add(settings, "totalVariation", drift.totalVariation());
            add(settings, "totalVariationPooled", drift.totalVariationPooled());
            add(settings, "jensenShannon", drift.jensenShannon());
            add(settings, "cramersV", drift.cramersV());
            if (drift.chiSquare() != null) {
                add(settings, "chiSquare", drift.chiSquare().statistic());
                add(settings, "chiSquarePValue", drift.chiSquare().pValue());
            }
            kind.set(Kind.CATEGORICAL);
        }
    }

    private void add(Map<String, Double> settings, String name, double value) {
        // A p-value below the smallest double's reach reads "< 1e-300", never 0, as in the reports.
        String shown = name.endsWith("PValue") ? Formats.pValue(value) : Formats.number(value);
        statistics.add(new StatisticRow(Text.get("stat.label." + name), shown,
                StatisticHelp.tooltip("feature-drift", name, settings)));
    }

    /** The most frequent training categories, then every unseen production category, up to a limit. */
    static List<CategoryBar> bars(CategoryCounts train, CategoryCounts prod) {
        Map<String, CategoryBar> bars = new LinkedHashMap<>();
        for (CategoryCount category : train.ranked()) {
            if (bars.size() >= MAX_CATEGORIES) {
                break;
            }
            bars.put(category.label(), bar(category.label(), train, prod));
        }
        List<CategoryBar> unseen = new ArrayList<>();
        for (CategoryCount category : prod.ranked()) {
            if (!train.contains(category.label()) && bars.size() + unseen.size() < MAX_CATEGORIES + 5) {
                unseen.add(bar(category.label(), train, prod));
            }
        }
        List<CategoryBar> all = new ArrayList<>(bars.values());
        all.addAll(unseen);
        return all;
    }

    private static CategoryBar bar(String label, CategoryCounts train, CategoryCounts prod) {
        return new CategoryBar(label, share(train, label), share(prod, label), !train.contains(label));
    }

    private static double share(CategoryCounts counts, String label) {
        return counts.total() == 0 ? 0 : (double) counts.count(label) / counts.total();
    }

    /** Whether the page shows all of production or one timeline chunk, in words. */
    public ReadOnlyStringProperty scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    /** Back from one chunk to all of production. */
    public void showAllProduction() {
        selection.selectChunk(null);
    }

    public ReadOnlyStringProperty featureProperty() {
        return feature.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Kind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Histogram> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Ecdf> ecdfProperty() {
        return ecdf.getReadOnlyProperty();
    }

    public ObservableList<CategoryBar> categories() {
        return categories;
    }

    public ObservableList<StatisticRow> statistics() {
        return statistics;
    }

    /** Whether the column shown is one the report's model reads. */
    public javafx.beans.property.ReadOnlyBooleanProperty modelInputProperty() {
        return modelInput.getReadOnlyProperty();
    }

    /** Whether the column is one the report's model reads (false without a model). */
    public boolean isModelInput(String feature) {
        return feature != null && modelInputs.contains(feature);
    }

    public ObservableList<String> features() {
        return features;
    }
}
