package org.modellens.checks;

import java.util.List;
import java.util.Optional;

import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;
import org.modellens.settings.Settings;

/**
 * label-drift: the distribution of the target changed between training and labelled production
 * data. Class targets are judged by the total variation of class shares (lower levels than features:
 * the base rate drives calibration); numeric targets like numeric features.
 */
public final class LabelDriftCheck implements Check {

    public static final String ID = "label-drift";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        Optional<FeatureComparison> target = context.target().flatMap(context::comparison);
        if (target.isEmpty() || target.get().drift() == null) {
            return List.of();
        }
        FeatureComparison label = target.get();
        DriftStatistics drift = label.drift();
        Settings s = context.settings();
        if (drift.isNumeric()) {
            boolean significant = drift.ks().pValue() < context.alpha();
            return Judgement.grade(significant, drift.ks().statistic(), s.get("drift.numeric.ks.warn"), s.get("drift.numeric.ks.fail"))
                    .map(level -> List.of(new Finding(ID, label.name(), level,
                            "The target " + label.name() + " is distributed differently in production (KS distance "
                                    + Judgement.number(drift.ks().statistic()) + ")",
                            "The outcome the model predicts has moved: mean " + Judgement.number(label.trainProfile().mean())
                                    + " in training, " + Judgement.number(label.prodProfile().mean()) + " in production.",
                            new Evidence().put("ksStatistic", drift.ks().statistic()).put("ksPValue", drift.ks().pValue())
                                    .put("trainMean", label.trainProfile().mean()).put("prodMean", label.prodProfile().mean()).map(),
                            null)))
                    .orElse(List.of());
        }
        boolean significant = drift.chiSquare().pValue() < context.alpha();
        return Judgement.grade(significant, drift.totalVariation(), s.get("labelDrift.tvd.warn"), s.get("labelDrift.tvd.fail"))
                .map(level -> List.of(new Finding(ID, label.name(), level,
                        "The mix of outcomes in " + label.name() + " changed (" + Judgement.percent(drift.totalVariation())
                                + " of rows moved class)",
                        "Class shares in training: " + shares(label, true) + "; in production: " + shares(label, false)
                                + ". A model calibrated on the old base rate over- or under-predicts the new one.",
                        new Evidence().put("totalVariation", drift.totalVariation())
                                .put("chiSquare", drift.chiSquare().statistic())
                                .put("chiSquarePValue", drift.chiSquare().pValue()).map(),
                        null)))
                .orElse(List.of());
    }

    private static String shares(FeatureComparison label, boolean train) {
        StringBuilder text = new StringBuilder();
        (train ? label.trainProfile() : label.prodProfile()).topCategories().forEach(c -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(org.modellens.text.Outcomes.name(label.name(), c.label())).append(' ').append(Judgement.percent(c.share()));
        });
        return text.toString();
    }
}
