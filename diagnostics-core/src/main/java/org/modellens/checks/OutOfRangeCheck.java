package org.modellens.checks;

import org.modellens.settings.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.modellens.data.ColumnTally;
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
        for (FeatureComparison feature : context.sharedFeatures()) {
            Optional<ColumnTally> tally = Tallies.of(context.prod(), feature.name());
            (tally.isPresent() ? streamed(feature, tally.get()) : inMemory(feature, context))
                    .flatMap(range -> judge(feature, range, context))
                    .ifPresent(findings::add);
        }
        return findings;
    }

    /** What was counted: the training range, production values beyond it, and the affected rows. */
    private record Range(double min, double max, long trainCount, long below, long above, long prodCount,
                         double prodMin, double prodMax, Supplier<AffectedRows> rows) {
    }

    private static Optional<Range> inMemory(FeatureComparison feature, CheckContext context) {
        double[] train = feature.trainSorted();
        double[] prod = feature.prodSorted();
        if (train == null || prod == null || train.length == 0 || prod.length == 0) {
            return Optional.empty();
        }
        double min = train[0];
        double max = train[train.length - 1];
        double[] numbers = feature.prod().numbers();
        return Optional.of(new Range(min, max, train.length, countBelow(prod, min), countAbove(prod, max), prod.length,
                prod[0], prod[prod.length - 1], () -> Rows.matching(row -> numbers[row] < min || numbers[row] > max, context.prod())));
    }

    /** A streamed production file: every value was compared with the exact training range in the pass. */
    private static Optional<Range> streamed(FeatureComparison feature, ColumnTally prod) {
        if (feature.prodSorted() == null || feature.trainProfile().count() == 0 || prod.count() == 0) {
            return Optional.empty();
        }
        long trainCount = feature.trainProfile().count() - feature.trainProfile().unparsable();
        return Optional.of(new Range(feature.trainProfile().min(), feature.trainProfile().max(), trainCount, prod.below(),
                prod.above(), prod.count(), prod.min(), prod.max(), () -> Tallies.rows(prod.outOfRangeRows())));
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
                        r.rows().get()));
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
