package org.modellens.checks;

import org.modellens.settings.Settings;
import org.modellens.text.Numbers;

import java.util.ArrayList;
import java.util.List;

import org.modellens.data.ColumnTally;

import org.modellens.profile.FeatureComparison;

/**
 * outliers: production values far beyond the training distribution, more than
 * {@code outliers.rangeMultiple} training ranges outside it. Such values are rarely real: a unit
 * slip, a sentinel such as 999999, or a data-entry error.
 */
public final class OutliersCheck implements Check {

    public static final String ID = "outliers";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        Settings s = context.settings();
        for (FeatureComparison feature : context.sharedFeatures()) {
            if (feature.trainSorted() == null || feature.prodSorted() == null) {
                continue;
            }
            // Every value of each file, counted when it was read or first asked, against the exact training range.
            ColumnTally train = context.train().tally(feature.name());
            ColumnTally prod = context.prod().tally(feature.name());
            if (train.count() < 2 || prod.count() == 0) {
                continue;
            }
            double trainMin = train.min();
            double trainMax = train.max();
            double range = trainMax - trainMin;
            if (range <= 0) {
                continue;
            }
            double low = trainMin - s.get("outliers.rangeMultiple") * range;
            double high = trainMax + s.get("outliers.rangeMultiple") * range;
            long count = prod.outlierRows().count();
            double share = (double) count / prod.count();
            boolean enough = count >= s.getInt("outliers.minCount");
            double prodMin = prod.min();
            double prodMax = prod.max();
            Judgement.grade(enough, share, s.get("outliers.share.warn"), s.get("outliers.share.fail"))
                    .filter(level -> level != Severity.INFO || count > 0)
                    .ifPresent(level -> findings.add(new Finding(ID, feature.name(), level,
                            feature.name() + ": " + Numbers.count(count) + " extreme production values far beyond the training range",
                            Judgement.percent(share) + " of production values lie more than " + Judgement.number(s.get("outliers.rangeMultiple"))
                                    + " training range(s) outside [" + Judgement.number(trainMin) + ", " + Judgement.number(trainMax)
                                    + "], up to " + Judgement.number(Math.max(Math.abs(prodMin), Math.abs(prodMax)))
                                    + ". Values this far out are usually errors: a wrong unit, a sentinel code or a typing slip.",
                            new Evidence().put("share", share).put("count", count).put("lowerFence", low).put("upperFence", high)
                                    .put("prodMin", prodMin).put("prodMax", prodMax).map(),
                            Rows.of(prod.outlierRows()))));
        }
        return findings;
    }
}
