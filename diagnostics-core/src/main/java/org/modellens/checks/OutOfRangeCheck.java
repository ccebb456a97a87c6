package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.modellens.data.ColumnTally;
import org.modellens.profile.FeatureComparison;
import org.modellens.settings.Settings;
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
        for (FeatureComparison feature : context.sharedFeatures()) {
            range(feature, context).flatMap(range -> judge(feature, range, context)).ifPresent(findings::add);
        }
        return findings;
    }

    /** What was counted: the training range, production values beyond it, and the affected rows. */
    private record Range(double min, double max, long trainCount, long below, long above, long prodCount,
                         double prodMin, double prodMax, AffectedRows rows) {
    }

    /** Every production value of the file against the exact training range, counted when the file was read or first asked. */
    private static Optional<Range> range(FeatureComparison feature, CheckContext context) {
        if (feature.trainSorted() == null || feature.prodSorted() == null) {
            return Optional.empty();
        }
        ColumnTally train = context.train().tally(feature.name());
        ColumnTally prod = context.prod().tally(feature.name());
        if (train.count() == 0 || prod.count() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Range(train.min(), train.max(), train.count(), prod.below(), prod.above(), prod.count(),
                prod.min(), prod.max(), Rows.of(prod.outOfRangeRows())));
    }

    private static Optional<Finding> judge(FeatureComparison feature, Range r, CheckContext context) {
        Settings s = context.settings();
        long outside = r.below() + r.above();
        if (outside == 0) {
            return Optional.empty();
        }
        double share = (double) outside / r.prodCount();
        double pValue = Binomial.upperTailPValue(outside, r.prodCount(), 2.0 / (r.trainCount() + 1));
        // A range of one value (a constant fill in training) makes every other value "out of range": constant-feature grades that.
        boolean constant = ConstantFeatureCheck.constantInTraining(feature);
        return Judgement.grade(pValue < context.alpha(), share, s.get("outOfRange.share.warn"), s.get("outOfRange.share.fail"))
                .map(level -> constant ? Severity.INFO : level)
                .map(level -> new Finding(ID, feature.name(), level,
                        feature.name() + ": " + Judgement.percent(share) + " of production values lie outside the training range",
                        outside + " production values (" + r.below() + " below " + Judgement.number(r.min()) + ", " + r.above()
                                + " above " + Judgement.number(r.max()) + ") are beyond anything the model saw in training; trees "
                                + "extrapolate flat and linear models without bound there. Production range: "
                                + Judgement.number(r.prodMin()) + " to " + Judgement.number(r.prodMax()) + "."
                                + (constant ? " Training held a single value, so any other value is outside its range: see "
                                + "constant-feature." : ""),
                        new Evidence().put("trainConstant", constant ? "true" : "false").put("share", share).put("below", r.below()).put("above", r.above())
                                .put("trainMin", r.min()).put("trainMax", r.max())
                                .put("prodMin", r.prodMin()).put("prodMax", r.prodMax()).put("pValue", pValue).map(),
                        r.rows()));
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
