package org.modellens.causes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The performance section in a few plain lines for summaries (the command line, report headers): the
 * production value against its baseline, what the baseline is (an in-sample one said to be optimistic),
 * and the split of the change. Three decimals: the interval is rarely narrower than a hundredth.
 */
public final class PerformanceText {

    private PerformanceText() {
    }

    /** The lines; empty when there is no section. */
    public static List<String> lines(PerformanceSection section) {
        List<String> lines = new ArrayList<>();
        if (section == null) {
            return lines;
        }
        String name = name(section.metric());
        PerformanceSection.ProdValue prod = section.prod();
        StringBuilder first = new StringBuilder("Performance (").append(name).append("): ")
                .append(prod.estimated() ? "an estimated " : "").append(number(prod.value())).append(" in production");
        if (Double.isFinite(prod.lower()) && Double.isFinite(prod.upper())) {
            first.append(" (95% interval ").append(number(prod.lower())).append(" to ").append(number(prod.upper())).append(')');
        }
        first.append(section.inSample() ? " against " + number(section.baseline().value())
                + " on the training data the model was fitted on" : " against " + number(section.baseline().value())
                + " on the held-out reference data");
        first.append(String.format(Locale.ROOT, ": %+.3f", section.change()));
        lines.add(first.toString());
        if (section.inSample()) {
            lines.add("That baseline is in-sample, so optimistic: part of the gap is overfitting, not change."
                    + " Give --reference with held-out data of the training period for a fair baseline.");
        }
        if (prod.estimated()) {
            lines.add("Production has no labels: estimated from the model's calibrated confidence (CBPE), which assumes the"
                    + " relation between score and outcome did not change.");
        }
        PerformanceSection.Decomposition parts = section.decomposition();
        if (parts != null) {
            lines.add("Of the change: pipeline " + signed(parts.pipeline()) + ", covariate shift " + signed(parts.covariateShift())
                    + ", label shift " + signed(parts.labelShift()) + ", concept shift " + signed(parts.conceptShift())
                    + ", residual " + signed(parts.residual()));
        }
        return lines;
    }

    private static String name(String metric) {
        return switch (metric) {
            case "auc" -> "AUC";
            case "logLoss" -> "log-loss";
            case "rmse" -> "RMSE";
            default -> metric;
        };
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String signed(double value) {
        return Double.isNaN(value) ? "not measurable without labels" : String.format(Locale.ROOT, "%+.3f", value);
    }
}
