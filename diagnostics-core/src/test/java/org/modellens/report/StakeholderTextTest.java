package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

import org.modellens.checks.Check;
import org.modellens.checks.Checks;

/** Every check has a "what to do" sentence for stakeholders, and no sentence is left for a check that does not exist. */
class StakeholderTextTest {

    /** The check ids of DESIGN.md section 4, then the ones added since. */
    private static final List<String> CATALOGUE = List.of("feature-drift", "label-drift", "prediction-drift", "dataset-drift",
            "concept-drift", "performance-drop", "leakage", "schema-mismatch", "type-mismatch", "unit-mismatch", "out-of-range",
            "unseen-category", "missing-values", "outliers", "duplicate-rows", "constant-feature", "pii",
            "conflicting-labels", "non-finite-values", "input-format", "model-output");

    @Test
    void everyCheckHasWhatToDo() {
        for (Check check : Checks.all()) {
            assertThat(StakeholderText.hasWhatToDo(check.id())).as(check.id()).isTrue();
        }
        for (String id : CATALOGUE) {
            assertThat(StakeholderText.hasWhatToDo(id)).as(id).isTrue();
        }
    }

    @Test
    void noWhatToDoForAnUnknownCheck() {
        ResourceBundle bundle = ResourceBundle.getBundle("org.modellens.report.stakeholder", Locale.ROOT);
        List<String> todo = Collections.list(bundle.getKeys()).stream().filter(k -> k.startsWith("todo."))
                .map(k -> k.substring("todo.".length())).filter(k -> !k.equals("default")).toList();
        assertThat(CATALOGUE).containsAll(todo);
    }

    @Test
    void sentencesNameTheColumnOrTheDataset() {
        assertThat(StakeholderText.whatToDo("missing-values", "months_employed")).contains("months_employed");
        assertThat(StakeholderText.whatToDo("duplicate-rows", null)).doesNotContain("{0}").doesNotContain("null");
        assertThat(StakeholderText.whatToDo("a-check-added-later", "x")).isEqualTo(StakeholderText.get("todo.default"));
    }
}
