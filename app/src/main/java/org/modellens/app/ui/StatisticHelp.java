package org.modellens.app.ui;

import java.util.Map;

/**
 * The tooltip of a statistic: what it means and, where a check judges it, the thresholds in force
 * (read from the report's settings, so a {@code --settings} override shows as it was applied).
 */
public final class StatisticHelp {

    /** Statistic name (as in evidence and drift) to the settings prefix of its warn/fail thresholds, per check. */
    private static final Map<String, String> THRESHOLDS = Map.ofEntries(
            Map.entry("ks", "drift.numeric.ks"),
            Map.entry("ksStatistic", "drift.numeric.ks"),
            Map.entry("psi", "drift.numeric.psi"),
            Map.entry("feature-drift/totalVariation", "drift.categorical.tvd"),
            Map.entry("totalVariation", "drift.categorical.tvd"),
            Map.entry("label-drift/totalVariation", "labelDrift.tvd"),
            Map.entry("rateChange", "missing.rateChange"),
            Map.entry("unseenShare", "unseen.share"),
            Map.entry("out-of-range/share", "outOfRange.share"),
            Map.entry("outliers/share", "outliers.share"),
            Map.entry("duplicate-rows/share", "duplicates.share"));

    private StatisticHelp() {
    }

    /** A statistic's display name: from the bundle where it has one, else its evidence name. */
    public static String label(String name) {
        String label = Text.find("stat.label." + name);
        return label == null ? name : label;
    }

    /**
     * @param check    the check that reported the statistic, or {@code null} for a drift statistic
     * @param name     the statistic's name
     * @param settings the thresholds in force
     */
    public static String tooltip(String check, String name, Map<String, Double> settings) {
        String meaning = Text.find("stat." + name);
        if (meaning == null) {
            meaning = Text.get("stat.unknown", name);
        }
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith("pvalue")) {
            Double alpha = settings.get("significance.alpha");
            return alpha == null ? meaning : meaning + "\n" + Text.get("stat.gate", Formats.number(alpha));
        }
        String prefix = check == null ? null : THRESHOLDS.get(check + "/" + name);
        if (prefix == null) {
            prefix = THRESHOLDS.get(name);
        }
        Double warn = prefix == null ? null : settings.get(prefix + ".warn");
        Double fail = prefix == null ? null : settings.get(prefix + ".fail");
        if (warn == null || fail == null) {
            return meaning + "\n" + Text.get("stat.notJudged");
        }
        return meaning + "\n" + Text.get("stat.thresholds", Formats.number(warn), Formats.number(fail));
    }
}
