package org.modellens.checks;

import org.modellens.text.Numbers;
import org.modellens.settings.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            double[] train = feature.trainSorted();
            double[] prod = feature.prodSorted();
            if (train == null || prod == null || train.length < 2 || prod.length == 0) {
                continue;
            }
            // A streamed training file: its exact range, not the sample's.
            boolean exact = Tallies.of(context.train(), feature.name()).isPresent();
            double trainMin = exact ? feature.trainProfile().min() : train[0];
            double trainMax = exact ? feature.trainProfile().max() : train[train.length - 1];
            double range = trainMax - trainMin;
            if (range <= 0) {
                continue;
            }
            double low = trainMin - s.get("outliers.rangeMultiple") * range;
            double high = trainMax + s.get("outliers.rangeMultiple") * range;
            // A streamed file: the pass counted every value against the fences of the exact training range.
            Optional<ColumnTally> tally = Tallies.of(context.prod(), feature.name());
            long count = tally.map(t -> t.outlierRows().count())
                    .orElseGet(() -> OutOfRangeCheck.countBelow(prod, low) + OutOfRangeCheck.countAbove(prod, high));
            double share = (double) count / tally.map(ColumnTally::count).orElse((long) prod.length);
            boolean enough = count >= s.getInt("outliers.minCount");
            double prodMin = tally.map(ColumnTally::min).orElse(prod[0]);
            double prodMax = tally.map(ColumnTally::max).orElse(prod[prod.length - 1]);
            double[] numbers = feature.prod().numbers();
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
                            tally.map(t -> Tallies.rows(t.outlierRows()))
                                    .orElseGet(() -> Rows.matching(row -> numbers[row] < low || numbers[row] > high, context.prod())))));
        }
        return findings;
    }
}
