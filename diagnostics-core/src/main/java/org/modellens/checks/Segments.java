package org.modellens.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modellens.data.Column;
import org.modellens.profile.CategoryCount;
import org.modellens.profile.FeatureComparison;
import org.modellens.stats.Descriptive;

/**
 * The segments of one input column that concept-drift compares: for a numeric column its training
 * deciles (right-closed bins, as PSI), for a categorical one its most frequent training categories
 * and the rest pooled; missing values are a segment of their own. The same boundaries apply to both
 * snapshots.
 */
final class Segments {

    private final String column;
    private final double[] edges;
    private final Map<String, Integer> categories;
    private final List<String> names;

    private Segments(String column, double[] edges, Map<String, Integer> categories, List<String> names) {
        this.column = column;
        this.edges = edges;
        this.categories = categories;
        this.names = names;
    }

    /** Segments of a shared numeric or categorical input, or {@code null} for other types. */
    static Segments of(FeatureComparison feature, int topCategories, double minShare) {
        List<String> names = new ArrayList<>();
        String name = feature.name();
        if (feature.trainSorted() != null) {
            double[] sorted = feature.trainSorted();
            if (sorted.length == 0) {
                return null;
            }
            double[] edges = new double[9];
            int k = 0;
            for (int d = 1; d <= 9; d++) {
                double e = Descriptive.quantile(sorted, d / 10.0);
                if (k == 0 || e != edges[k - 1]) {
                    edges[k++] = e;
                }
            }
            edges = Arrays.copyOf(edges, k);
            for (int b = 0; b <= k; b++) {
                names.add(b == 0 ? name + " <= " + number(edges[0])
                        : b == k ? name + " > " + number(edges[k - 1])
                        : number(edges[b - 1]) + " < " + name + " <= " + number(edges[b]));
            }
            names.add(name + " missing");
            return new Segments(name, edges, null, names);
        }
        if (feature.trainCategories() == null || !feature.train().isCategorical()) {
            return null;
        }
        Map<String, Integer> categories = new HashMap<>();
        for (CategoryCount c : feature.trainCategories().ranked()) {
            if (categories.size() >= topCategories || c.share() < minShare) {
                break;
            }
            categories.put(c.label(), names.size());
            names.add(name + " = " + c.label());
        }
        names.add(name + " other");
        names.add(name + " missing");
        return new Segments(name, null, categories, names);
    }

    /** Whether this is the pooled segment of categories not kept apart (rare in training, or new in production). */
    boolean pooled(int segment) {
        return categories != null && segment == names.size() - 2;
    }

    String column() {
        return column;
    }

    int count() {
        return names.size();
    }

    String name(int segment) {
        return names.get(segment);
    }

    /** The segment of one row of {@code values} (the column of either snapshot). */
    int of(Column values, int row) {
        int missing = names.size() - 1;
        if (values.isMissing(row)) {
            return missing;
        }
        if (edges != null) {
            double v = values.numbers() == null ? Double.NaN : values.numbers()[row];
            if (Double.isNaN(v)) {
                return missing;
            }
            int bin = Arrays.binarySearch(edges, v);
            // right-closed bins: a value equal to an edge belongs to the bin that edge closes
            return bin >= 0 ? bin : -bin - 1;
        }
        return categories.getOrDefault(values.text(row), names.size() - 2);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%d", (long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }
}
