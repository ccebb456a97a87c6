package org.modellens.causes;

import java.util.List;
import java.util.Locale;

import org.modellens.checks.Finding;

/**
 * The title and the one action of a cause. The title is the finding that made its rule fire, which
 * is already one line a stakeholder understands, except where the cause says more than that finding.
 * The action depends on whether the model uses the column: removing a column from a model that
 * never used it, or converting it back before scoring, is no advice at all.
 */
final class CauseText {

    /** Said of a column the model does not read. */
    private static final String UNUSED = " This model does not use it, so its scores are unaffected.";

    private CauseText() {
    }

    static String title(String kind, List<String> features, Finding trigger) {
        String column = features.isEmpty() ? null : features.get(0);
        return switch (kind) {
            case CauseRules.CONSTANT_IN_TRAINING -> column + " was a single value in training (a constant fill) but varies in production";
            case CauseRules.COVARIATE_SHIFT -> column == null ? trigger.title() : covariateTitle(column, trigger);
            default -> trigger.title();
        };
    }

    static String whatToDo(String kind, List<String> features, Finding trigger, boolean modelInput, boolean hasModel) {
        String c = features.isEmpty() ? "the column" : features.get(0);
        // Without a model nothing is known about its use: the advice is for the pipeline.
        String unused = hasModel && !modelInput ? UNUSED : "";
        return switch (kind) {
            case CauseRules.RENAMED_COLUMN -> modelInput
                    ? "Map " + features.get(1) + " back to " + c + " before scoring (the model looks for " + c
                    + " and cannot find it), then fix the export that renamed it."
                    : "Rename " + features.get(1) + " back to " + c + " in the production export." + unused;
            case CauseRules.MISSING_COLUMN -> modelInput
                    ? "Restore " + String.join(", ", features) + " in the production feed: the model cannot score without it."
                    : "Restore " + String.join(", ", features) + " in the production feed, or drop it from the training data." + unused;
            case CauseRules.UNIT_CHANGE -> unitAction(c, trigger, modelInput) + unused;
            case CauseRules.TEXT_NUMBERS -> modelInput
                    ? "Parse " + c + " as numbers before scoring (strip currency signs, units and thousands separators) and fix "
                    + "the export: the model gets no usable value in these rows."
                    : "Fix the export of " + (features.isEmpty() ? "the file" : c) + " so that it sends plain numbers." + unused;
            case CauseRules.CONSTANT_IN_TRAINING -> modelInput
                    ? "Retrain with the real values of " + c + ": the model learnt nothing from it, so its production values "
                    + "mean nothing to the model."
                    : "Fill " + c + " with its real values in the training data before any model uses it." + unused;
            case CauseRules.STUCK_IN_PRODUCTION -> modelInput
                    ? "Restore the feed of " + c + ": the model gets the same value for every row, most likely a default "
                    + "sent by an upstream system."
                    : "Restore the feed of " + c + ": an upstream system is most likely sending a default." + unused;
            case CauseRules.MISSING_VALUES -> modelInput
                    ? "Find out why " + c + " is now often empty and restore the feed: the model scores the empty rows "
                    + "by its rule for unknown values, which training rarely needed."
                    : "Find out why " + c + " is now often empty and restore the feed." + unused;
            case CauseRules.UNSEEN_CATEGORIES -> modelInput
                    ? "Decide how the model treats the new values of " + c + ": map them to known categories, or retrain "
                    + "with examples of them."
                    : "Check whether the new values of " + c + " behave differently; if they do, retrain with " + c
                    + " as an input." + unused;
            case CauseRules.NON_FINITE_VALUES -> "Find where " + c + " gets NaN or infinite values upstream (a division "
                    + "by zero, a failed conversion) and fix it at the source." + unused;
            case CauseRules.LEAKAGE -> modelInput
                    ? "Remove " + c + " from the model and retrain without it: it is recorded after the outcome or gives "
                    + "it away, so it is not known when the model is used."
                    : "Keep " + c + " out of the features of any model trained on this data: it is recorded after the "
                    + "outcome." + unused;
            case CauseRules.DUPLICATES -> "Remove the duplicated rows and check the loading job: a batch was probably "
                    + "loaded twice.";
            case CauseRules.CONFLICTING_LABELS -> "Look at the rows with identical inputs but different outcomes: fix the "
                    + "labelling or add the feature that tells them apart.";
            case CauseRules.PERSONAL_DATA -> modelInput
                    ? "Remove " + c + " from the model and mask it in the data: personal data should not drive decisions."
                    : "Remove or mask " + c + " before the data is stored or shared further." + unused;
            case CauseRules.LABEL_SHIFT -> "Recalibrate the decision threshold to the new outcome rate, or retrain on "
                    + "recent labelled data.";
            case CauseRules.CONCEPT_SHIFT -> "Retrain on recent labelled data; until then, review the model's decisions "
                    + "by hand where the outcome moved most.";
            case CauseRules.COVARIATE_SHIFT -> features.isEmpty()
                    ? "Production no longer looks like the training data as a whole: retrain on recent data before "
                    + "relying on the scores."
                    : modelInput
                    ? "Ask the owners of " + c + " whether the change is real; if it is, retrain on recent data: the "
                    + "model saw few such values."
                    : "Ask the owners of " + c + " whether the change is real." + unused;
            case CauseRules.RANGE_SHIFT -> modelInput
                    ? "Check the values of " + c + " beyond the training range at the source: correct them if they are "
                    + "errors, otherwise retrain with such cases (trees score them as the edge of the training range)."
                    : "Check the values of " + c + " beyond the training range at the source." + unused;
            case CauseRules.INPUT_FORMAT -> "Check how the file was exported (header row, separator, encoding) and export "
                    + "it again in the format of the training file.";
            case CauseRules.PREDICTION_SHIFT -> "The model's scores moved: check the inputs and the scoring pipeline, then "
                    + "decide whether to recalibrate or retrain.";
            case CauseRules.PERFORMANCE_DROP -> "Stop automatic decisions or add a human review until the model is "
                    + "retrained on recent labelled data.";
            default -> "Review this finding with the owner of the data.";
        };
    }

    private static String unitAction(String column, Finding trigger, boolean modelInput) {
        double factor = CauseRules.number(trigger, "factor").orElse(Double.NaN);
        boolean someRows = trigger.evidence().get("rows") != null;
        String by = factor >= 1 ? "divide by " + plain(factor) : "multiply by " + plain(1 / factor);
        if (someRows) {
            return "Correct the affected rows of " + column + " at the source (" + by + "): they were entered in another "
                    + "unit or with extra zeros" + (modelInput ? ", and the model scores them as extreme values." : ".");
        }
        return modelInput
                ? "Convert " + column + " back to the training unit before scoring (" + by + ") and fix the unit at the "
                + "source: the model reads the numbers as they come."
                : "Fix the unit of " + column + " at the source (" + by + ").";
    }

    private static String covariateTitle(String column, Finding trigger) {
        Object train = trigger.evidence().get("trainMean");
        Object prod = trigger.evidence().get("prodMean");
        Object smd = trigger.evidence().get("standardizedMeanDifference");
        if (train instanceof Number t && prod instanceof Number p && smd instanceof Number d && Double.isFinite(d.doubleValue())) {
            return column + " shifted " + (p.doubleValue() < t.doubleValue() ? "lower" : "higher") + " in production (mean "
                    + number(t.doubleValue()) + " in training, " + number(p.doubleValue()) + " in production, "
                    + String.format(Locale.ROOT, "%.2f", Math.abs(d.doubleValue())) + " training sd)";
        }
        return trigger.title();
    }

    private static String plain(double factor) {
        return factor == Math.rint(factor) && Math.abs(factor) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) factor)
                : String.format(Locale.ROOT, "%.3g", factor);
    }

    private static String number(double value) {
        return Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
