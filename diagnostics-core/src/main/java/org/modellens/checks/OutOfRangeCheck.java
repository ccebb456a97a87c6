package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

import org.modellens.profile.FeatureComparison;
import org.modellens.stats.Binomial;

/**
 * out-of-range: production values outside the training minimum and maximum. Under no change a new
 * value falls outside the range of n training values with probability 2/(n+1); the binomial test
 * against that rate is the gate, the share of such values the effect.
 */
public final class OutOfRangeCheck implements Check {

    public static final String ID = "out-of-range";

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
            if (train == null || prod == null || train.length == 0 || prod.length == 0) {
                continue;
            }
            double min = train[0];
            double max = train[train.length - 1];
            long below = countBelow(prod, min);
            long above = countAbove(prod, max);
            long outside = below + above;
            if (outside == 0) {
                continue;
            }
            double share = (double) outside / prod.length;
            double pValue = Binomial.upperTailPValue(outside, prod.length, 2.0 / (train.length + 1));
            double[] numbers = feature.prod().numbers();
            Judgement.grade(pValue < context.alpha(), share, s.get("outOfRange.share.warn"), s.get("outOfRange.share.fail"))
                    .ifPresent(level -> findings.add(new Finding(ID, feature.name(), level,
                            feature.name() + ": " + Judgement.percent(share) + " of production values lie outside the training range",
                            outside + " production values (" + below + " below " + Judgement.number(min) + ", " + above + " above "
                                    + Judgement.number(max) + ") are beyond anything the model saw in training; trees extrapolate "
                                    + "flat and linear models without bound there. Production range: "
                                    + Judgement.number(prod[0]) + " to " + Judgement.number(prod[prod.length - 1]) + ".",
                            new Evidence().put("share", share).put("below", below).put("above", above)
                                    .put("trainMin", min).put("trainMax", max)
                                    .put("prodMin", prod[0]).put("prodMax", prod[prod.length - 1]).put("pValue", pValue).map(),
                            Rows.matching(row -> numbers[row] < min || numbers[row] > max, numbers.length))));
        }
        return findings;
    }

    static long countBelow(double[] sorted, double limit) {
        int i = 0;
        while (i < sorted.length && sorted[i] < limit) {
            i++;
        }
        return i;
    }

    static long countAbove(double[] sorted, double limit) {
        int i = sorted.length;
        while (i > 0 && sorted[i - 1] > limit) {
            i--;
        }
        return sorted.length - i;
    }
}
