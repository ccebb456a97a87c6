package org.modellens.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.modellens.data.Column;
import org.modellens.profile.CategoryCounts;
import org.modellens.settings.Settings;
import org.modellens.stats.CategoricalDistance;
import org.modellens.stats.KolmogorovSmirnov;

/**
 * schema-mismatch: columns present in one snapshot and not the other. A training column missing from
 * production cannot be fed to the model ({@code fail}); an extra production column is {@code info}.
 * A target absent from production means unlabelled production data, not a broken schema.
 *
 * <p>A missing training column and an extra production column are reported as one rename when their
 * names are alike (similarity at least {@code schema.rename.nameSimilarity}: the larger of the
 * normalised edit similarity and the token overlap of the snake/camel-case words) and their values
 * are distributed alike (same kind of values, KS distance for numbers or total variation distance
 * for categories at most {@code schema.rename.maxDistance}). Pairs are matched greedily, best first.
 * When more than {@value #MAX_FUZZY_PAIRS} (missing, new) pairs would have to be compared, only names
 * equal up to case and separators are paired: comparing every pair grows with the square of the
 * columns, and thousands of unmatched names mean another schema rather than a few renames.
 */
public final class SchemaMismatchCheck implements Check {

    public static final String ID = "schema-mismatch";

    /** Most (missing, new) column pairs whose names are compared one by one; past it, only equal normalised names pair. */
    static final int MAX_FUZZY_PAIRS = 100_000;

    @Override
    public String id() {
        return ID;
    }

    /** A likely rename: training column, production column, and how alike they are. */
    private record Rename(Column train, Column prod, double nameSimilarity, double distance, String distanceName) {
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        String target = context.target().orElse(null);
        List<Column> missing = new ArrayList<>();
        for (Column column : context.train().columns()) {
            if (!context.prod().hasColumn(column.name()) && !column.name().equals(target)) {
                missing.add(column);
            }
        }
        List<Column> extra = context.prod().columns().stream().filter(c -> !context.train().hasColumn(c.name())).toList();
        boolean fuzzy = (long) missing.size() * extra.size() <= MAX_FUZZY_PAIRS;
        Map<String, Rename> renames = renames(missing, extra, fuzzy, context.settings());
        Set<String> renamedTo = new HashSet<>();
        renames.values().forEach(r -> renamedTo.add(r.prod().name()));

        for (String name : context.train().columnNames()) {
            if (context.prod().hasColumn(name)) {
                continue;
            }
            if (name.equals(target)) {
                findings.add(new Finding(ID, name, Severity.INFO, "Production has no target column " + name,
                        "Production is unlabelled, so label drift and model quality on production cannot be measured. "
                                + "This is expected for live data and is not a schema problem.",
                        new Evidence().put("column", name).put("reason", "unlabelled production").map(), null));
            } else if (renames.containsKey(name)) {
                Rename rename = renames.get(name);
                findings.add(new Finding(ID, name, Severity.FAIL,
                        "Column " + name + " seems renamed to " + rename.prod().name() + " in production",
                        "Production lacks " + name + " but has a new column " + rename.prod().name() + " with a similar name "
                                + "(similarity " + Judgement.number(rename.nameSimilarity()) + ") and the same distribution ("
                                + rename.distanceName() + " " + Judgement.number(rename.distance()) + "). A model looking for "
                                + name + " will not find it: map " + rename.prod().name() + " back to " + name + " before scoring.",
                        new Evidence().put("column", name).put("presentIn", "training").put("likelyRenamedTo", rename.prod().name())
                                .put("nameSimilarity", rename.nameSimilarity()).put(rename.distanceName(), rename.distance()).map(),
                        null));
            } else {
                findings.add(new Finding(ID, name, Severity.FAIL, "Column " + name + " is missing from production",
                        "Training has a column " + name + " that the production file " + context.prod().source().fileName()
                                + " lacks, and " + (fuzzy ? "no new production column looks like it renamed"
                                : "no new production column has its name up to case and separators (with " + missing.size()
                                + " missing and " + extra.size() + " new columns, names were not compared one by one)")
                                + ". A model trained with it cannot score production rows as trained.",
                        new Evidence().put("column", name).put("presentIn", "training").map(), null));
            }
        }
        for (String name : context.prod().columnNames()) {
            if (!context.train().hasColumn(name) && !renamedTo.contains(name)) {
                findings.add(new Finding(ID, name, Severity.INFO, "Production has an extra column " + name,
                        "The production file has a column " + name + " that training lacks; the model ignores it.",
                        new Evidence().put("column", name).put("presentIn", "production").map(), null));
            }
        }
        return findings;
    }

    private static Map<String, Rename> renames(List<Column> missing, List<Column> extra, boolean fuzzy, Settings s) {
        List<Rename> candidates = new ArrayList<>();
        Distances distances = new Distances();
        if (fuzzy) {
            List<Name> extraNames = extra.stream().map(c -> Name.of(c.name())).toList();
            for (Column train : missing) {
                Name trainName = Name.of(train.name());
                for (int k = 0; k < extra.size(); k++) {
                    double names = trainName.similarity(extraNames.get(k));
                    if (names < s.get("schema.rename.nameSimilarity")) {
                        continue;
                    }
                    Column prod = extra.get(k);
                    distances.of(train, prod).filter(d -> d.distance() <= s.get("schema.rename.maxDistance"))
                            .ifPresent(d -> candidates.add(new Rename(train, prod, names, d.distance(), d.distanceName())));
                }
            }
        } else {
            // Names equal up to case and separators, found through a map: time linear in the columns.
            Map<String, List<Column>> extraByName = new HashMap<>();
            for (Column prod : extra) {
                extraByName.computeIfAbsent(Name.of(prod.name()).normalised(), k -> new ArrayList<>()).add(prod);
            }
            for (Column train : missing) {
                for (Column prod : extraByName.getOrDefault(Name.of(train.name()).normalised(), List.of())) {
                    distances.of(train, prod).filter(d -> d.distance() <= s.get("schema.rename.maxDistance"))
                            .ifPresent(d -> candidates.add(new Rename(train, prod, 1.0, d.distance(), d.distanceName())));
                }
            }
        }
        candidates.sort((a, b) -> Double.compare(b.nameSimilarity() - b.distance(), a.nameSimilarity() - a.distance()));
        Map<String, Rename> chosen = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (Rename candidate : candidates) {
            if (!chosen.containsKey(candidate.train().name()) && used.add(candidate.prod().name())) {
                chosen.put(candidate.train().name(), candidate);
            }
        }
        return chosen;
    }

    /** Distances between value distributions, each column's sorted values or category counts made once for all its pairs. */
    private static final class Distances {

        private final Map<Column, double[]> sorted = new java.util.IdentityHashMap<>();
        private final Map<Column, CategoryCounts> categories = new java.util.IdentityHashMap<>();

        private double[] sorted(Column column) {
            return sorted.computeIfAbsent(column, c -> {
                double[] values = c.presentNumbers();
                Arrays.sort(values);
                return values;
            });
        }

        Optional<Rename> of(Column train, Column prod) {
            if (train.isNumeric() && prod.isNumeric()) {
                double[] a = sorted(train);
                double[] b = sorted(prod);
                if (a.length == 0 || b.length == 0) {
                    return Optional.empty();
                }
                return Optional.of(new Rename(train, prod, 0, KolmogorovSmirnov.twoSample(a, b).statistic(), "ksStatistic"));
            }
            boolean textual = !train.isNumeric() && !prod.isNumeric() && train.numbers() == null && prod.numbers() == null;
            if (!textual) {
                return Optional.empty();
            }
            CategoryCounts a = categories.computeIfAbsent(train, CategoryCounts::of);
            CategoryCounts b = categories.computeIfAbsent(prod, CategoryCounts::of);
            if (a.total() == 0 || b.total() == 0) {
                return Optional.empty();
            }
            Set<String> labels = new HashSet<>();
            a.labels().forEach(labels::add);
            b.labels().forEach(labels::add);
            double[] p = new double[labels.size()];
            double[] q = new double[labels.size()];
            int i = 0;
            for (String label : labels) {
                p[i] = a.count(label);
                q[i++] = b.count(label);
            }
            return Optional.of(new Rename(train, prod, 0, CategoricalDistance.totalVariation(p, q), "totalVariation"));
        }
    }

    /**
     * How alike two column names are, 0..1: the larger of 1 - edit distance / longer length on the
     * normalised names (lower case, separators removed) and the share of shared words.
     */
    static double nameSimilarity(String a, String b) {
        return Name.of(a).similarity(Name.of(b));
    }

    /** A column name prepared once for many comparisons: normalised (lower case, separators removed) and split into words. */
    private record Name(String normalised, Set<String> words) {

        static Name of(String name) {
            return new Name(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""), SchemaMismatchCheck.words(name));
        }

        double similarity(Name other) {
            int longer = Math.max(normalised.length(), other.normalised.length());
            double edit = longer == 0 ? 0 : 1 - (double) levenshtein(normalised, other.normalised) / longer;
            Set<String> common = new HashSet<>(words);
            common.retainAll(other.words);
            double overlap = words.isEmpty() || other.words.isEmpty() ? 0
                    : (double) common.size() / Math.min(words.size(), other.words.size());
            return Math.max(edit, overlap);
        }
    }

    private static Set<String> words(String name) {
        Set<String> words = new HashSet<>();
        for (String word : name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.length() > 1) {
                words.add(word);
            }
        }
        return words;
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
