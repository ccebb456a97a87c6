package org.modellens.app.ui.features;

import org.modellens.app.ui.charts.Histogram;
import org.modellens.checks.Severity;
import org.modellens.profile.FeatureComparison;

/**
 * One line of the features table, read from the report.
 *
 * @param name          column name
 * @param role          feature, target or id
 * @param type          analysed type
 * @param trainMissing  training missing share
 * @param prodMissing   production missing share, {@code NaN} when production lacks the column
 * @param driftName     "KS" for numeric columns, "TV" for categorical ones, empty when no drift applies
 * @param drift         the KS distance or total variation distance, {@code NaN} when none applies
 * @param psi           population stability index (numeric), else {@code NaN}
 * @param worst         the gravest finding on this column, {@code null} when none
 * @param findings      how many findings name this column
 * @param sparkline     the sparkline's bins (numeric columns with values on both sides), else {@code null}
 */
public record FeatureRow(String name, String role, String type, double trainMissing, double prodMissing,
                         String driftName, double drift, double psi, Severity worst, int findings,
                         Histogram sparkline) {

    private static final int SPARKLINE_BINS = 16;

    /** Bins once per row so scrolling only draws. */
    static Histogram sparkline(FeatureComparison comparison) {
        if (comparison.trainSorted() == null || comparison.trainSorted().length == 0
                || comparison.prodSorted() == null || comparison.prodSorted().length == 0) {
            return null;
        }
        return Histogram.of(comparison.trainSorted(), comparison.prodSorted(), SPARKLINE_BINS);
    }

    /** Severity rank for sorting: fail, warn, info, none. */
    public int severityRank() {
        return worst == null ? 0 : worst.ordinal() + 1;
    }
}
