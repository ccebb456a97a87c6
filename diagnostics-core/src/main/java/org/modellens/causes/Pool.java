package org.modellens.causes;

import java.util.ArrayList;
import java.util.List;
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

    Pool(List<Finding> findings) {
        this.findings = List.copyOf(findings);
        this.claimed = new boolean[findings.size()];
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

    /** Open findings of this check that are warn or fail. */
    List<Integer> alarms(String check) {
        return open(f -> f.check().equals(check) && f.severity() != Severity.INFO);
    }

    /** A new cause holding the finding {@code trigger}. */
    Draft start(String kind, List<String> features, int trigger) {
        Draft draft = new Draft(kind, features);
        drafts.add(draft);
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
        for (int i : open(f -> f.feature() != null && columns.contains(f.feature()) && checks.contains(f.check()))) {
            claim(draft, i);
        }
    }

    /** The first draft (in rule order) that names this column. */
    Draft owner(String column) {
        return drafts.stream().filter(d -> d.features.contains(column)).findFirst().orElse(null);
    }

    Finding finding(int index) {
        return Objects.requireNonNull(findings.get(index));
    }
}
