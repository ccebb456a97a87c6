package org.modellens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modellens.causes.Cause;
import org.modellens.causes.CauseImpact;
import org.modellens.causes.CauseRanking;
import org.modellens.causes.PerformanceSection;
import org.modellens.data.Snapshot;
import org.modellens.text.Numbers;
import org.modellens.text.Outcomes;
import org.modellens.timeline.Timeline;

/**
 * The report's figures in plain words for page 1 of the PDF and the Summary sheet: a cause's impact,
 * the model's quality against its baseline, what the damage costs and what could not be judged.
 * Every number in these sentences is one of the report's, printed by {@link Numbers}. The workbench's
 * Overview words causes with it too, so a cause reads the same in the window and on paper.
 */
public final class CauseWords {

    private CauseWords() {
    }

    /** A metric named for a reader who does not know its abbreviation, the outcome classes by their labels. */
    static String metric(String metric, DiagnosticReport report) {
        try {
            return StakeholderText.get("metric." + metric, positive(report), negative(report));
        } catch (java.util.MissingResourceException e) {
            return metric;
        }
    }

    /** A metric's row label in a table: its short name, the outcome classes by their labels, no camelCase. */
    static String metricLabel(String metric, DiagnosticReport report) {
        return switch (metric) {
            case "accuracy" -> "accuracy";
            case "f1" -> "F1 score";
            case "positiveRate" -> "share of " + positive(report);
            case "falseNegatives" -> "missed " + positive(report) + " (false negatives)";
            case "falsePositives" -> negative(report) + " flagged (false positives)";
            case "rows" -> "labelled rows";
            default -> shortName(metric);
        };
    }

    /** A binary target's positive class as the data writes it: "defaulted = 1", or its text label. */
    static String positive(DiagnosticReport report) {
        return Outcomes.positive(target(report), report.model() == null ? List.of() : report.model().classLabels());
    }

    /** A binary target's negative class as the data writes it. */
    static String negative(DiagnosticReport report) {
        return Outcomes.negative(target(report), report.model() == null ? List.of() : report.model().classLabels());
    }

    private static String target(DiagnosticReport report) {
        return report.inputs() == null ? null : report.inputs().target();
    }

    /** What a contribution or a margin is measured in: the explanations' units, log-odds when none were made. */
    static String units(DiagnosticReport report) {
        return report.explanations() == null ? "log-odds" : report.explanations().unitsFor(target(report));
    }

    /** What a cause costs the model, as one clause after another; empty when nothing about it was measured. */
    public static String impact(Cause cause, DiagnosticReport report) {
        CauseImpact impact = cause.impact();
        List<String> parts = new ArrayList<>();
        // Said of causes on columns; a label or concept shift names the target but is about the outcome, not an input.
        if (report.model() != null && (cause.modelInput() || CauseRanking.onUnusedColumns(cause))) {
            parts.add(StakeholderText.get(cause.modelInput() ? "impact.modelInput" : "impact.notModelInput"));
        }
        if (impact.rows() > 0) {
            parts.add(StakeholderText.get("impact.rows", Numbers.count(impact.rows()), Numbers.percent(impact.rowShare())));
        }
        CauseImpact.PerformanceImpact performance = impact.performance();
        if (performance != null && Double.isFinite(performance.recovered())) {
            String metric = shortName(performance.metric());
            // A share outside 0..100% means other changes offset this one: the share of a net drop says nothing then.
            double ofDrop = performance.shareOfDrop();
            String share = Double.isFinite(ofDrop) && ofDrop >= 0 && ofDrop <= 1
                    ? StakeholderText.get("impact.ofDrop", Numbers.percent(ofDrop)) : StakeholderText.get("impact.offset");
            boolean gain = performance.recovered() >= 0;
            String key = switch (performance.method()) {
                case "repair" -> gain ? "impact.repair" : "impact.worse";
                case "estimate" -> "impact.estimate";
                // Negative: taking this change away would lose quality, so it helped the model.
                default -> gain ? "impact.share" : "impact.helped";
            };
            if (!gain && !key.equals("impact.estimate")) {
                share = "";
            }
            if ("label-shift".equals(cause.kind()) && "auc".equals(performance.metric()) && Math.abs(performance.recovered()) < 1e-12) {
                // AUC compares cases of one class with the other's, so a new mix of classes cannot move it.
                parts.add(StakeholderText.get("impact.aucBlind"));
            } else {
                parts.add(StakeholderText.get(key, signedIfWorse(performance.recovered(), key), metric, share));
            }
            // Ranked by another metric than the headline (AUC cannot see a changed class mix): say which, and by how much.
            String costliest = CauseRanking.costliestMetric(performance, report.performance());
            if (costliest != null && !costliest.equals(performance.metric())) {
                parts.add(StakeholderText.get("impact.otherMetric", Numbers.decimal(performance.byMetric().get(costliest), 3),
                        shortName(costliest), Numbers.decimal(CauseRanking.performanceCost(performance, report.performance()), 3)));
            }
        }
        if (Double.isFinite(impact.decisionsChanged()) && impact.decisionsChanged() > 0) {
            parts.add(StakeholderText.get("impact.decisions", Numbers.percent(impact.decisionsChanged())));
        }
        if (Double.isFinite(impact.predictionShift()) && Math.abs(impact.predictionShift()) >= 1e-3) {
            parts.add(StakeholderText.get("impact.shift", signed(impact.predictionShift()), units(report)));
        }
        return parts.isEmpty() ? "" : capitalise(String.join("; ", parts)) + ".";
    }

    /** The model's quality on its baseline and in production, or {@code null} without a model or labels. */
    static String quality(DiagnosticReport report) {
        PerformanceSection performance = report.performance();
        if (performance != null) {
            PerformanceSection.ProdValue prod = performance.prod();
            String interval = Double.isFinite(prod.lower()) && Double.isFinite(prod.upper())
                    ? StakeholderText.get("quality.interval", Numbers.number(prod.lower(), 3), Numbers.number(prod.upper(), 3)) : "";
            return StakeholderText.get("quality.line", capitalise(metric(performance.metric(), report)),
                    Numbers.number(performance.baseline().value(), 3),
                    StakeholderText.get("baseline." + performance.baseline().source()), Numbers.number(prod.value(), 3),
                    (prod.estimated() ? StakeholderText.get("quality.estimated") : "") + interval);
        }
        ModelSection model = report.model();
        if (model == null || model.prodMetrics().isEmpty()) {
            return null;
        }
        String metric = model.trainMetrics().containsKey("auc") ? "auc" : model.trainMetrics().keySet().stream()
                .filter(k -> !k.equals("rows")).findFirst().orElse(null);
        if (metric == null || !model.prodMetrics().containsKey(metric)) {
            return null;
        }
        return StakeholderText.get("quality.line", capitalise(metric(metric, report)), Numbers.number(model.trainMetrics().get(metric), 3),
                StakeholderText.get("baseline." + PerformanceSection.TRAINING_IN_SAMPLE),
                Numbers.number(model.prodMetrics().get(metric), 3),
                model.prodEstimated() ? StakeholderText.get("quality.estimated") : "");
    }

    /** What the damage costs: expected cost under the cost settings, missed cases, the period looked at. */
    static List<String> costs(DiagnosticReport report) {
        List<String> lines = new ArrayList<>();
        ModelSection model = report.model();
        String currency = report.identity() == null ? "" : report.identity().currency();
        if (model != null && model.cost() != null && Double.isFinite(model.cost().prodCostPerRow())) {
            ModelSection.CostSummary cost = model.cost();
            double baseline = cost.trainCostPerRow();
            if (report.performance() != null && report.performance().metrics().containsKey("expectedCost")) {
                baseline = report.performance().metrics().get("expectedCost").baseline();
            }
            long cases = report.inputs() == null ? 0 : report.inputs().prod().fileRows();
            double extra = (cost.prodCostPerRow() - baseline) * cases;
            lines.add(StakeholderText.get("cost.perCase", Numbers.money(baseline, currency),
                    Numbers.money(cost.prodCostPerRow(), currency),
                    cost.prodEstimated() ? StakeholderText.get("quality.estimated") : "", Numbers.count(cases),
                    Numbers.money(Math.abs(extra), currency), StakeholderText.get(extra >= 0 ? "cost.more" : "cost.less")));
            lines.add(StakeholderText.get("cost.matrix", Numbers.money(cost.falseNegativeCost(), currency),
                    Numbers.money(cost.falsePositiveCost(), currency), positive(report), negative(report)));
        }
        if (model != null && !model.prodEstimated()) {
            Map<String, Double> prod = model.prodMetrics();
            Double missed = prod.get("falseNegatives");
            Double rate = prod.get("positiveRate");
            Double rows = prod.get("rows");
            if (missed != null && rate != null && rows != null) {
                long positives = Math.round(rate * rows);
                lines.add(StakeholderText.get("cost.missed", capitalise(positive(report)), Numbers.count(Math.round(missed)),
                        Numbers.count(positives), Numbers.percent(positives == 0 ? Double.NaN : missed / positives)));
            }
        }
        Timeline timeline = report.timeline();
        if (timeline != null && !timeline.chunks().isEmpty()) {
            lines.add(StakeholderText.get("cost.period", timeline.chunks().get(0).start(),
                    timeline.chunks().get(timeline.chunks().size() - 1).end(), Numbers.count(timeline.chunks().size()),
                    timeline.chunk()));
        }
        return List.copyOf(lines);
    }

    /** What this report could not judge, and why. */
    static List<String> notAssessed(DiagnosticReport report) {
        List<String> lines = new ArrayList<>();
        Inputs inputs = report.inputs();
        if (report.model() == null) {
            lines.add(StakeholderText.get("notAssessed.noModel"));
        }
        if (inputs != null && inputs.target() == null) {
            lines.add(StakeholderText.get("notAssessed.noTarget"));
        } else if (report.model() != null && report.model().prodEstimated()) {
            lines.add(StakeholderText.get("notAssessed.noLabels"));
        }
        if (report.model() != null && (inputs == null || inputs.reference() == null)) {
            lines.add(StakeholderText.get("notAssessed.noReference"));
        }
        if (inputs != null) {
            for (Snapshot snapshot : List.of(inputs.train(), inputs.prod())) {
                snapshot.sampling().ifPresent(sampling -> lines.add(StakeholderText.get("notAssessed.streamed",
                        snapshot.source().fileName(), Numbers.count(sampling.sampleRows()))));
            }
        }
        if (report.timeline() == null) {
            lines.add(StakeholderText.get("notAssessed.noTime"));
        }
        return List.copyOf(lines);
    }

    /** A metric's usual short name, for a clause that follows its full name on the same page. */
    static String shortName(String metric) {
        return switch (metric) {
            case "auc" -> "AUC";
            case "logLoss" -> "log-loss";
            case "brier" -> "Brier score";
            case "rmse" -> "RMSE";
            case "mae" -> "MAE";
            case "r2" -> "R squared";
            case "expectedCost" -> "expected cost";
            default -> metric;
        };
    }

    private static String signedIfWorse(double value, String key) {
        return key.equals("impact.worse") ? signed(value) : Numbers.decimal(Math.abs(value), 3);
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + Numbers.decimal(value, 3);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
