package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

import org.modellens.profile.ColumnProfile;
import org.modellens.profile.FeatureComparison;
import org.modellens.settings.Settings;
import org.modellens.stats.Proportions;

/**
 * missing-values: the share of empty cells changed materially. Judged by the absolute change of the
 * missing rate, gated by a two-proportion z-test.
 */
public final class MissingValuesCheck implements Check {

    public static final String ID = "missing-values";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        Settings s = context.settings();
        for (FeatureComparison feature : context.sharedFeatures()) {
            ColumnProfile train = feature.trainProfile();
            ColumnProfile prod = feature.prodProfile();
            double change = prod.missingRate() - train.missingRate();
            double pValue = Proportions.twoProportionPValue(train.missing(), train.rows(), prod.missing(), prod.rows());
            Judgement.grade(pValue < context.alpha(), Math.abs(change), s.get("missing.rateChange.warn"), s.get("missing.rateChange.fail"))
                    .ifPresent(level -> findings.add(new Finding(ID, feature.name(), level,
                            feature.name() + ": missing values " + (change > 0 ? "rose" : "fell") + " from "
                                    + Judgement.percent(train.missingRate()) + " to " + Judgement.percent(prod.missingRate()),
                            "In training " + Judgement.percent(train.missingRate()) + " of " + feature.name() + " was empty, in production "
                                    + Judgement.percent(prod.missingRate()) + ". "
                                    + (change > 0 ? "An upstream source may have stopped sending it; the model imputes or routes these rows by default."
                                                  : "Fewer gaps than in training: the filling rule may have changed upstream."),
                            new Evidence().put("trainMissingRate", train.missingRate()).put("prodMissingRate", prod.missingRate())
                                    .put("rateChange", change).put("pValue", pValue).map(),
                            change > 0 ? Rows.of(context.prod().tally(feature.name()).missingRows()) : null)));
        }
        return findings;
    }
}
