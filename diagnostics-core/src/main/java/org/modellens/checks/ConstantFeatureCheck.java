package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

import org.modellens.profile.ColumnProfile;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.FeatureRole;

/**
 * constant-feature: a column with a single value carries no information. Constant in training it is
 * harmless clutter ({@code info}); constant in production while varied in training, it is a pipeline
 * sending a default ({@code fail}).
 */
public final class ConstantFeatureCheck implements Check {

    public static final String ID = "constant-feature";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        int minRows = context.settings().getInt("constant.minProductionRows");
        for (FeatureComparison feature : context.comparisons()) {
            if (feature.role() != FeatureRole.FEATURE) {
                continue;
            }
            ColumnProfile train = feature.trainProfile();
            ColumnProfile prod = feature.prodProfile();
            if (train.distinct() == 0) {
                findings.add(new Finding(ID, feature.name(), Severity.INFO,
                        feature.name() + " is empty in training",
                        "All " + train.rows() + " training cells of " + feature.name() + " are missing; the model can learn "
                                + "nothing from it. Consider dropping it, or check the extract that should fill it.",
                        new Evidence().put("trainDistinct", train.distinct()).put("trainCount", train.count()).map(), null));
            } else if (train.distinct() <= 1) {
                findings.add(new Finding(ID, feature.name(), Severity.INFO,
                        feature.name() + " has a single value in training",
                        "Every non-missing training value of " + feature.name() + " is the same (" + train.distinct()
                                + " distinct value); the model can learn nothing from it. Consider dropping it.",
                        new Evidence().put("trainDistinct", train.distinct()).put("trainCount", train.count()).map(), null));
            } else if (prod != null && prod.distinct() == 1 && prod.count() >= minRows) {
                findings.add(new Finding(ID, feature.name(), Severity.FAIL,
                        feature.name() + " is stuck at one value in production",
                        "Training had " + train.distinct() + " distinct values of " + feature.name() + ", production has one in all "
                                + prod.count() + " non-missing rows. An upstream system is most likely sending a default.",
                        new Evidence().put("trainDistinct", train.distinct()).put("prodDistinct", prod.distinct())
                                .put("prodCount", prod.count()).map(), null));
            }
        }
        return findings;
    }
}
