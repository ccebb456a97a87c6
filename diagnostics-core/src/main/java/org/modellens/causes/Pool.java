package org.modellens.causes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.modellens.checks.Finding;
import org.modellens.checks.Severity;

/** The findings being grouped: which are still open, and the causes drafted so far, in rule order. */
final class Pool {

    final List<Finding> findings;
    final List<Draft> drafts = new ArrayList<>();
    private final boolean[] claimed;
    /** Finding indices per column, in report order: rules that look at one column do not scan every finding. */
    private final Map<String, List<Integer>> byFeature = new HashMap<>();
    /** The first draft (in rule order) naming each column. */
    private final Map<String, Draft> owners = new HashMap<>();

    Pool(List<Finding> findings) {
        this.findings = List.copyOf(findings);
        this.claimed = new boolean[findings.size()];
        for (int i = 0; i < this.findings.size(); i++) {
            String feature = this.findings.get(i).feature();
            if (feature != null) {
                byFeature.computeIfAbsent(feature, k -> new ArrayList<>()).add(i);
            }
        }
    }

    boolean isOpen(int index) {
        return !claimed[index];
    }

    /** Indices of the open findings that match, in report order. */
    List<Integer> open(Predicate<Finding> test) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            if (!claimed[i] && test.test(findings.get(i))) {
                matching.add(i);
            }
        }
        return matching;
    }

    /** Indices of the open findings on one of {@code columns} that match, in report order. */
    List<Integer> openOn(Collection<String> columns, Predicate<Finding> test) {
        List<Integer> matching = new ArrayList<>();
        for (String column : columns) {
            for (int i : byFeature.getOrDefault(column, List.of())) {
                if (!claimed[i] && test.test(findings.get(i))) {
                    matching.add(i);
                }
            }
        }
        matching.sort(null);
        return matching;
    }

    /** Open findings of this check that are warn or fail. */
    List<Integer> alarms(String check) {
        return open(f -> f.check().equals(check) && f.severity() != Severity.INFO);
    }

    /** A new cause holding the finding {@code trigger}. */
    Draft start(String kind, List<String> features, int trigger) {
        Draft draft = new Draft(kind, features);
        drafts.add(draft);
        for (String feature : draft.features) {
            owners.putIfAbsent(feature, draft);
        }
        claim(draft, trigger);
        return draft;
    }

    void claim(Draft draft, int index) {
        if (claimed[index]) {
            throw new IllegalStateException("finding " + index + " already belongs to a cause");
        }
        claimed[index] = true;
        draft.findings.add(index);
    }

    /** Claims every open finding on one of {@code columns} whose check is among {@code checks}. */
    void absorb(Draft draft, Set<String> columns, Set<String> checks) {
        for (int i : openOn(columns, f -> checks.contains(f.check()))) {
            claim(draft, i);
        }
    }

    /** The first draft (in rule order) that names this column. */
    Draft owner(String column) {
        return owners.get(column);
    }

    Finding finding(int index) {
        return Objects.requireNonNull(findings.get(index));
    }
}
