package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

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
            double[] train = feature.trainSorted();
            double[] prod = feature.prodSorted();
            if (train == null || prod == null || train.length < 2 || prod.length == 0) {
                continue;
            }
            double range = train[train.length - 1] - train[0];
            if (range <= 0) {
                continue;
            }
            double low = train[0] - s.get("outliers.rangeMultiple") * range;
            double high = train[train.length - 1] + s.get("outliers.rangeMultiple") * range;
            long count = OutOfRangeCheck.countBelow(prod, low) + OutOfRangeCheck.countAbove(prod, high);
            double share = (double) count / prod.length;
            boolean enough = count >= s.getInt("outliers.minCount");
            double[] numbers = feature.prod().numbers();
            Judgement.grade(enough, share, s.get("outliers.share.warn"), s.get("outliers.share.fail"))
                    .filter(level -> level != Severity.INFO || count > 0)
                    .ifPresent(level -> findings.add(new Finding(ID, feature.name(), level,
                            feature.name() + ": " + count + " extreme production values far beyond the training range",
                            Judgement.percent(share) + " of production values lie more than " + Judgement.number(s.get("outliers.rangeMultiple"))
                                    + " training range(s) outside [" + Judgement.number(train[0]) + ", " + Judgement.number(train[train.length - 1])
                                    + "], up to " + Judgement.number(Math.max(Math.abs(prod[0]), Math.abs(prod[prod.length - 1])))
                                    + ". Values this far out are usually errors: a wrong unit, a sentinel code or a typing slip.",
                            new Evidence().put("share", share).put("count", count).put("lowerFence", low).put("upperFence", high)
                                    .put("prodMin", prod[0]).put("prodMax", prod[prod.length - 1]).map(),
                            Rows.matching(row -> numbers[row] < low || numbers[row] > high, numbers.length))));
        }
        return findings;
    }
}
