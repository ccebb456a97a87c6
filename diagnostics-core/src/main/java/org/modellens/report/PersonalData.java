package org.modellens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.modellens.checks.Finding;
import org.modellens.profile.CategoryCounts;
import org.modellens.profile.FeatureComparison;

/**
 * Which columns the pii check flagged, and how the writers mask their values. The pii check masks
 * the values in its own findings; this is the second line of defence: the Excel and PDF writers
 * never print a value of a flagged column (category label, quantile, minimum, maximum), and scrub
 * any of its values that another finding's sentence or evidence quotes.
 */
public final class PersonalData {

    /** The pii check's id (DESIGN.md section 4). */
    public static final String CHECK = "pii";

    /** Values shorter than this are not scrubbed from sentences: "a" or "10" would mangle any text. */
    private static final int MIN_SCRUBBED_LENGTH = 3;

    private final Set<String> flagged;
    private final List<String> rawValues;

    private PersonalData(Set<String> flagged, List<String> rawValues) {
        this.flagged = flagged;
        this.rawValues = rawValues;
    }

    public static PersonalData of(DiagnosticReport report) {
        Set<String> flagged = new HashSet<>();
        for (Finding finding : report.findings()) {
            if (CHECK.equals(finding.check()) && finding.feature() != null) {
                flagged.add(finding.feature());
            }
        }
        Set<String> raw = new HashSet<>();
        for (FeatureComparison feature : report.features()) {
            if (flagged.contains(feature.name())) {
                collect(feature.trainCategories(), raw);
                collect(feature.prodCategories(), raw);
            }
        }
        List<String> longestFirst = new ArrayList<>(raw);
        // Longest first, so "ann@x.org" is masked whole before "ann" could cut it.
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return new PersonalData(Set.copyOf(flagged), longestFirst);
    }

    private static void collect(CategoryCounts counts, Set<String> into) {
        if (counts != null) {
            counts.labels().forEach(label -> {
                if (label.length() >= MIN_SCRUBBED_LENGTH) {
                    into.add(label);
                }
            });
        }
    }

    public boolean isFlagged(String feature) {
        return feature != null && flagged.contains(feature);
    }

    /**
     * Masks a value the way the pii check does ({@code j***@e***.com}, card numbers to their last four
     * digits, other values to their separators and last two characters), so one value reads the same in
     * every output. A value that is already masked stays as it is.
     */
    public static String mask(String value) {
        return org.modellens.checks.PersonalData.maskValue(value);
    }

    /** A value of column {@code feature} as the writers may show it: masked when the column is flagged. */
    public String value(String feature, String value) {
        return isFlagged(feature) ? mask(value) : value;
    }

    /** A sentence as the writers may show it: any value of a flagged column quoted in it is masked. */
    public String text(String text) {
        if (rawValues.isEmpty() || text == null) {
            return text;
        }
        String scrubbed = text;
        for (String raw : rawValues) {
            if (scrubbed.contains(raw)) {
                scrubbed = scrubbed.replace(raw, mask(raw));
            }
        }
        return scrubbed;
    }
}
