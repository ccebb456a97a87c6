package org.modellens.app.ui.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.modellens.app.ui.Formats;
import org.modellens.app.ui.StatisticRow;
import org.modellens.app.ui.Text;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.ModelSection;

/**
 * The model section of the report: metrics on training and production, ROC and calibration curves,
 * and the cost of the model's decisions. Empty, with a message, when no model was given.
 */
public final class ModelViewModel {

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", Text.get("model.empty.noReport"));
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<MetricRow> metrics = FXCollections.observableArrayList();
    private final ObservableList<ModelSection.Curve> roc = FXCollections.observableArrayList();
    private final ObservableList<ModelSection.Curve> calibration = FXCollections.observableArrayList();
    private final ObservableList<StatisticRow> cost = FXCollections.observableArrayList();

    public ModelViewModel(ReadOnlyObjectProperty<DiagnosticReport> report) {
        report.addListener((obs, old, now) -> show(now));
        show(report.get());
    }

    private void show(DiagnosticReport shown) {
        ModelSection model = shown == null ? null : shown.model();
        available.set(model != null);
        metrics.clear();
        roc.clear();
        calibration.clear();
        cost.clear();
        if (model == null) {
            message.set(Text.get(shown == null ? "model.empty.noReport" : "model.empty.noModel"));
            summary.set("");
            return;
        }
        message.set("");
        summary.set(Text.get("model.summary", model.type(), model.task(), model.features().size(),
                model.path() == null ? "" : java.nio.file.Path.of(model.path()).getFileName().toString())
                + (model.prodEstimated() ? "\n" + Text.get("model.estimated") : "")
                + unscoredReason(shown).map(reason -> "\n" + reason).orElse(""));
        Set<String> names = new LinkedHashSet<>(model.trainMetrics().keySet());
        names.addAll(model.prodMetrics().keySet());
        for (String name : names) {
            double train = model.trainMetrics().getOrDefault(name, Double.NaN);
            double prod = model.prodMetrics().getOrDefault(name, Double.NaN);
            String help = Text.find("metric." + name);
            metrics.add(new MetricRow(name, Formats.number(train), Formats.number(prod),
                    Double.isFinite(train) && Double.isFinite(prod) ? signed(prod - train) : "\u2013",
                    help == null ? Text.get("metric.unknown", name) : help));
        }
        for (ModelSection.Curve curve : model.curves()) {
            ("roc".equals(curve.kind()) ? roc : calibration).add(curve);
        }
        ModelSection.CostSummary costs = model.cost();
        if (costs != null) {
            cost.addAll(List.of(
                    new StatisticRow(Text.get("model.cost.fp"), Formats.number(costs.falsePositiveCost()), Text.get("model.cost.fp.help")),
                    new StatisticRow(Text.get("model.cost.fn"), Formats.number(costs.falseNegativeCost()), Text.get("model.cost.fn.help")),
                    new StatisticRow(Text.get("model.cost.threshold"), Formats.number(costs.threshold()), Text.get("model.cost.threshold.help")),
                    new StatisticRow(Text.get("model.cost.train"), Formats.number(costs.trainCostPerRow()), Text.get("model.cost.perRow.help")),
                    new StatisticRow(Text.get("model.cost.prod") + (costs.prodEstimated() ? " " + Text.get("model.cost.estimatedMark") : ""),
                            Formats.number(costs.prodCostPerRow()), Text.get("model.cost.perRow.help"))));
        }
    }

    private static String signed(double change) {
        return (change > 0 ? "+" : "") + Formats.number(change);
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<MetricRow> metrics() {
        return metrics;
    }

    public ObservableList<ModelSection.Curve> roc() {
        return roc;
    }

    public ObservableList<ModelSection.Curve> calibration() {
        return calibration;
    }

    public ObservableList<StatisticRow> cost() {
        return cost;
    }

    /**
     * Why the model scored nothing on a side (its features missing there), from the report's findings;
     * empty when it scored both. The Model and Explanations pages say it rather than show empty tables.
     */
    public static java.util.Optional<String> unscoredReason(DiagnosticReport shown) {
        if (shown == null || shown.model() == null) {
            return java.util.Optional.empty();
        }
        String reasons = shown.findings().stream()
                .filter(f -> f.check().equals(org.modellens.checks.SchemaMismatchCheck.ID) && f.evidence().containsKey("missingFeatures"))
                .map(f -> f.title() + ". " + f.detail())
                .collect(java.util.stream.Collectors.joining("\n"));
        return reasons.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(reasons);
    }
}
