package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

import org.modellens.profile.ColumnProfile;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.FeatureRole;

/**
 * constant-feature: a column with a single value carries no information. Constant in training it is
 * harmless clutter ({@code info}) as long as production holds that value too (empty in training it stays
 * {@code info}: missing-values grades that); when production holds
 * other values, the training column was a constant fill where real values existed: the
 * model learnt nothing from a column that carries information now ({@code warn}). Its production values
 * are all "out of range" and "drifted", but those checks leave the grading to this one (see
 * {@link #constantInTraining}). Constant in production while varied in training, it is a pipeline
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
            boolean filledInProduction = prod != null && variesFromTraining(feature);
            if (train.distinct() == 0) {
                // Filled in production or not, missing-values grades an empty training column: here it is context.
                findings.add(new Finding(ID, feature.name(), Severity.INFO,
                        feature.name() + " is empty in training",
                        "All " + train.rows() + " training cells of " + feature.name() + " are missing; the model can learn "
                                + "nothing from it. Consider dropping it, or check the extract that should fill it.",
                        new Evidence().put("trainDistinct", train.distinct()).put("trainCount", train.count())
                                .put("constantIn", "training").map(), null));
            } else if (train.distinct() <= 1) {
                findings.add(new Finding(ID, feature.name(), filledInProduction ? Severity.WARN : Severity.INFO,
                        feature.name() + " has a single value in training" + (filledInProduction ? " but varies in production" : ""),
                        "Every non-missing training value of " + feature.name() + " is the same (" + train.distinct()
                                + " distinct value); the model can learn nothing from it." + (filledInProduction
                                ? " Production has " + prod.distinct() + " distinct values: the training column was most likely "
                                + "a constant fill where real values existed. Its production values lie outside the training "
                                + "\"range\" and look drifted for that reason alone. Retrain with the real values."
                                : " Consider dropping it."),
                        new Evidence().put("trainDistinct", train.distinct()).put("trainCount", train.count())
                                .put("prodDistinct", prod == null ? 0L : prod.distinct()).put("constantIn", "training").map(), null));
            } else if (prod != null && prod.distinct() == 1 && prod.count() >= minRows) {
                findings.add(new Finding(ID, feature.name(), Severity.FAIL,
                        feature.name() + " is stuck at one value in production",
                        "Training had " + train.distinct() + " distinct values of " + feature.name() + ", production has one in all "
                                + prod.count() + " non-missing rows. An upstream system is most likely sending a default.",
                        new Evidence().put("trainDistinct", train.distinct()).put("prodDistinct", prod.distinct())
                                .put("prodCount", prod.count()).put("constantIn", "production").map(), null));
            }
        }
        return findings;
    }

    /**
     * Whether a column held at most one value in training: then every other production value is
     * "out of range" and "drift" by construction, and this check says what the problem is.
     */
    static boolean constantInTraining(FeatureComparison feature) {
        return feature.role() == FeatureRole.FEATURE && feature.trainProfile().distinct() <= 1;
    }

    /** Whether production holds a value training never had (training being constant or empty). */
    private static boolean variesFromTraining(FeatureComparison feature) {
        ColumnProfile train = feature.trainProfile();
        ColumnProfile prod = feature.prodProfile();
        if (prod == null || prod.distinct() == 0) {
            return false;
        }
        if (prod.distinct() > 1 || train.distinct() == 0) {
            return true;
        }
        if (feature.trainCategories() != null && feature.prodCategories() != null) {
            return !feature.trainCategories().contains(feature.prodCategories().ranked().get(0).label());
        }
        return Double.compare(prod.min(), train.min()) != 0;
    }
}
