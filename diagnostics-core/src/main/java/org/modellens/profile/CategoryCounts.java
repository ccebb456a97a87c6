package org.modellens.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modellens.data.Column;

/** Counts of each category label of a column, missing cells excluded. */
public final class CategoryCounts {

    private final Map<String, Long> counts;
    private final long total;

    private CategoryCounts(Map<String, Long> counts) {
        this.counts = counts;
        this.total = counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public static CategoryCounts of(Column column) {
        Map<String, Long> counts = new HashMap<>();
        int[] codes = column.codes();
        if (codes == null) {
            for (int row = 0; row < column.size(); row++) {
                String cell = column.text(row);
                if (cell != null) {
                    counts.merge(cell, 1L, Long::sum);
                }
            }
            return new CategoryCounts(counts);
        }
        long[] byCode = new long[column.categoryCount()];
        for (int code : codes) {
            if (code != Column.MISSING) {
                byCode[code]++;
            }
        }
        for (int k = 0; k < byCode.length; k++) {
            if (byCode[k] > 0) {
                counts.put(column.category(k), byCode[k]);
            }
        }
        return new CategoryCounts(counts);
    }

    /** Counts already tallied elsewhere (a streamed file), label to count. */
    public static CategoryCounts of(Map<String, Long> counts) {
        return new CategoryCounts(new HashMap<>(counts));
    }

    public long total() {
        return total;
    }

    public long count(String label) {
        return counts.getOrDefault(label, 0L);
    }

    public boolean contains(String label) {
        return counts.containsKey(label);
    }

    public int distinct() {
        return counts.size();
    }

    /** Number of labels that occur exactly once (the Good-Turing estimate of unseen mass uses it). */
    public long singletons() {
        return counts.values().stream().filter(c -> c == 1L).count();
    }

    /** Labels by decreasing count, ties by label, so output is deterministic. */
    public List<CategoryCount> ranked() {
        List<CategoryCount> ranked = new ArrayList<>();
        counts.forEach((label, count) -> ranked.add(new CategoryCount(label, count, total == 0 ? 0 : (double) count / total)));
        ranked.sort(Comparator.comparingLong(CategoryCount::count).reversed().thenComparing(CategoryCount::label));
        return ranked;
    }

    public Iterable<String> labels() {
        return counts.keySet();
    }
}
