package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;
import org.modellens.settings.Settings;

/**
 * feature-drift: the distribution of an input changed. Numeric columns are judged by the KS distance
 * and the PSI (whichever is graver), categorical ones by the pooled total variation distance; the KS
 * or chi-square p-value is the gate.
 */
public final class FeatureDriftCheck implements Check {

    public static final String ID = "feature-drift";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        for (FeatureComparison feature : context.sharedFeatures()) {
            DriftStatistics drift = feature.drift();
            if (drift == null) {
                continue;
            }
            Optional<Finding> found = drift.isNumeric() ? numeric(feature, drift, context) : categorical(feature, drift, context);
            // From one training value any spread is "drift": constant-feature grades a constant fill in training.
            found.map(f -> ConstantFeatureCheck.constantInTraining(feature) && f.severity() != Severity.INFO
                            ? new Finding(f.check(), f.feature(), Severity.INFO, f.title(), f.detail()
                            + " Training held a single value, so any spread is a change: see constant-feature.", f.evidence(), f.rows())
                            : f)
                    .ifPresent(findings::add);
        }
        return findings;
    }

    private Optional<Finding> numeric(FeatureComparison feature, DriftStatistics drift, CheckContext context) {
        Settings s = context.settings();
        boolean significant = drift.ks().pValue() < context.alpha();
        Optional<Severity> byKs = Judgement.grade(significant, drift.ks().statistic(),
                s.get("drift.numeric.ks.warn"), s.get("drift.numeric.ks.fail"));
        Optional<Severity> byPsi = Judgement.grade(significant, drift.psi(),
                s.get("drift.numeric.psi.warn"), s.get("drift.numeric.psi.fail"));
        Optional<Severity> severity = byKs.isEmpty() ? byPsi
                : byPsi.isEmpty() ? byKs : Optional.of(Severity.max(byKs.get(), byPsi.get()));
        return severity.map(level -> new Finding(ID, feature.name(), level,
                feature.name() + ": distribution shifted (KS distance " + Judgement.number(drift.ks().statistic())
                        + ", PSI " + Judgement.number(drift.psi()) + ")",
                "The production values of " + feature.name() + " are distributed differently from training: the largest gap "
                        + "between the two cumulative distributions is " + Judgement.percent(drift.ks().statistic())
                        + " of rows, and the mean moved by " + Judgement.number(drift.standardizedMeanDifference())
                        + " pooled standard deviations. The model was not trained on data like this. "
                        + "Warn at KS >= " + s.get("drift.numeric.ks.warn") + " or PSI >= " + s.get("drift.numeric.psi.warn")
                        + ", fail at KS >= " + s.get("drift.numeric.ks.fail") + " or PSI >= " + s.get("drift.numeric.psi.fail") + ".",
                new Evidence().put("ksStatistic", drift.ks().statistic()).put("ksPValue", drift.ks().pValue())
                        .put("psi", drift.psi()).put("wasserstein", drift.wasserstein())
                        .put("wassersteinRelative", drift.wassersteinRelative())
                        .put("standardizedMeanDifference", drift.standardizedMeanDifference())
                        .put("trainMean", feature.trainProfile().mean()).put("prodMean", feature.prodProfile().mean())
                        .put("trainStd", feature.trainProfile().std()).put("prodStd", feature.prodProfile().std()).map(),
                null));
    }

    private Optional<Finding> categorical(FeatureComparison feature, DriftStatistics drift, CheckContext context) {
        Settings s = context.settings();
        boolean significant = drift.chiSquare().pValue() < context.alpha();
        return Judgement.grade(significant, drift.totalVariationPooled(),
                        s.get("drift.categorical.tvd.warn"), s.get("drift.categorical.tvd.fail"))
                .map(level -> new Finding(ID, feature.name(), level,
                        feature.name() + ": category mix changed (" + Judgement.percent(drift.totalVariationPooled())
                                + " of rows would have to change category)",
                        "The shares of the categories of " + feature.name() + " differ between training and production; "
                                + "the total variation distance (the share of rows that would have to move to another "
                                + "category to make the two mixes equal) is " + Judgement.percent(drift.totalVariationPooled())
                                + ". Warn at " + Judgement.percent(s.get("drift.categorical.tvd.warn"))
                                + ", fail at " + Judgement.percent(s.get("drift.categorical.tvd.fail")) + ".",
                        new Evidence().put("totalVariation", drift.totalVariationPooled())
                                .put("totalVariationAllCategories", drift.totalVariation())
                                .put("jensenShannon", drift.jensenShannon()).put("cramersV", drift.cramersV())
                                .put("chiSquare", drift.chiSquare().statistic())
                                .put("chiSquarePValue", drift.chiSquare().pValue())
                                .put("chiSquareDof", (long) drift.chiSquare().dof()).map(),
                        null));
    }
}
