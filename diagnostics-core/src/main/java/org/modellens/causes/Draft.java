package org.modellens.causes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A cause being assembled by the rules: its kind, columns and the findings claimed for it so far. */
final class Draft {

    final String kind;
    final Set<String> features = new LinkedHashSet<>();
    final List<Integer> findings = new ArrayList<>();

    Draft(String kind, List<String> features) {
        this.kind = kind;
        this.features.addAll(features);
    }

    /** The first finding claimed: the one that made the rule fire. */
    int trigger() {
        return findings.get(0);
    }
}
