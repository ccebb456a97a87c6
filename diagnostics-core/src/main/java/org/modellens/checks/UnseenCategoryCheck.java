package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

import org.modellens.profile.CategoryCount;
import org.modellens.profile.CategoryCounts;
import org.modellens.profile.FeatureComparison;
import org.modellens.settings.Settings;
import org.modellens.stats.Binomial;

/**
 * unseen-category: production categories that never occur in training. The share of such values is
 * judged in excess of the Good-Turing estimate of unseen mass (training singletons / training
 * values), so a long tail of rare categories does not alarm by itself.
 */
public final class UnseenCategoryCheck implements Check {

    public static final String ID = "unseen-category";

    private static final int LISTED_CATEGORIES = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        Settings s = context.settings();
        for (FeatureComparison feature : context.sharedFeatures()) {
            CategoryCounts train = feature.trainCategories();
            CategoryCounts prod = feature.prodCategories();
            if (train == null || prod == null || !feature.train().isCategorical() || prod.total() == 0 || train.total() == 0) {
                continue;
            }
            List<CategoryCount> unseen = new ArrayList<>();
            long unseenCount = 0;
            for (CategoryCount category : prod.ranked()) {
                if (!train.contains(category.label())) {
                    unseen.add(category);
                    unseenCount += category.count();
                }
            }
            if (unseen.isEmpty()) {
                continue;
            }
            double share = (double) unseenCount / prod.total();
            double expected = (double) train.singletons() / train.total();
            double excess = share - expected;
            // Gate: more unseen values than chance allows (at least one training row's worth of rate).
            double pValue = Binomial.upperTailPValue(unseenCount, prod.total(), Math.max(expected, 1.0 / train.total()));
            Severity level = Judgement.grade(pValue < context.alpha(), excess, s.get("unseen.share.warn"), s.get("unseen.share.fail"))
                    .orElse(Severity.INFO);
            List<String> names = unseen.stream().limit(LISTED_CATEGORIES).map(c -> Judgement.label(c.label())).toList();
            findings.add(new Finding(ID, feature.name(), level,
                    feature.name() + ": " + Judgement.percent(share) + " of production values are categories never seen in training",
                    unseen.size() + " new categor" + (unseen.size() == 1 ? "y" : "ies") + " (" + String.join(", ", names)
                            + (unseen.size() > names.size() ? ", ..." : "") + "). The model has learnt nothing about them "
                            + "and treats them like a missing or default value.",
                    new Evidence().put("unseenShare", share).put("expectedUnseenShare", expected).put("pValue", pValue)
                            .put("unseenCategories", (long) unseen.size()).put("examples", names).map(),
                    Rows.of(context.prod().tally(feature.name()).unseenRows())));
        }
        return findings;
    }
}
