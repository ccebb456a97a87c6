package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

import org.modellens.data.Column;
import org.modellens.data.ColumnTally;
import org.modellens.data.TypeInference;
import org.modellens.profile.FeatureComparison;
import org.modellens.settings.Settings;
import org.modellens.stats.Proportions;

/**
 * non-finite-values: a numeric column holding the text {@code NaN}, {@code Inf} or {@code Infinity}
 * (a division by zero or a failed computation upstream, written out as text). Such cells are left
 * out of every statistic, like missing values; a model's input parser either rejects the batch or
 * treats them as missing. Judged by the rise of their share from training to production, gated by a
 * two-proportion z-test; present at an unchanged share they are {@code info}.
 */
public final class NonFiniteValuesCheck implements Check {

    public static final String ID = "non-finite-values";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        Settings s = context.settings();
        for (FeatureComparison feature : context.sharedFeatures()) {
            if (!feature.train().isNumeric() || feature.prod().numbers() == null) {
                continue;
            }
            // Counted over every row of each file, whether held whole or streamed.
            ColumnTally trainTally = context.train().tally(feature.name());
            ColumnTally prodTally = context.prod().tally(feature.name());
            long trainCount = trainTally.nonFinite();
            long prodCount = prodTally.nonFinite();
            if (prodCount == 0) {
                continue;
            }
            long trainRows = trainTally.rows();
            long prodRows = prodTally.rows();
            double trainShare = (double) trainCount / trainRows;
            double prodShare = (double) prodCount / prodRows;
            double change = prodShare - trainShare;
            double pValue = Proportions.twoProportionPValue(trainCount, trainRows, prodCount, prodRows);
            Severity level = Judgement.grade(pValue < context.alpha(), change,
                    s.get("nonFinite.rateChange.warn"), s.get("nonFinite.rateChange.fail")).orElse(Severity.INFO);
            findings.add(new Finding(ID, feature.name(), level,
                    feature.name() + ": " + Judgement.percent(prodShare) + " of production values are NaN or Infinity text",
                    prodCount + " production cells of the numeric column " + feature.name() + " hold NaN, Inf or Infinity ("
                            + Judgement.percent(trainShare) + " in training). They are left out of every statistic here; "
                            + "a model's input parser rejects them or treats them as missing. An upstream computation "
                            + "is probably dividing by zero or failing.",
                    new Evidence().put("prodCount", prodCount).put("prodShare", prodShare).put("trainCount", trainCount)
                            .put("trainShare", trainShare).put("shareChange", change).put("pValue", pValue).map(),
                    Rows.of(prodTally.nonFiniteRows())));
        }
        return findings;
    }

    /** Cells holding a non-finite word; only unparsable cells can, so clean columns cost nothing. */
    static long count(Column column) {
        if (column.unparsableCount() == 0) {
            return 0;
        }
        long count = 0;
        for (int row : column.keptTextRows()) {
            if (isNonFiniteText(column, row)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isNonFiniteText(Column column, int row) {
        String kept = column.keptText(row);
        return kept != null && Double.isNaN(column.numbers()[row]) && TypeInference.isNonFiniteWord(kept);
    }
}
