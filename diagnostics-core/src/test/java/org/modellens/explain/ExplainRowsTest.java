package org.modellens.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExplainRowsTest {

    @Test
    void parsesAllCountAndRange() {
        assertThat(ExplainRows.parse("all").indices(4)).containsExactly(0, 1, 2, 3);
        assertThat(ExplainRows.parse("2").indices(4)).containsExactly(0, 1);
        assertThat(ExplainRows.parse("10").indices(3)).containsExactly(0, 1, 2);
        assertThat(ExplainRows.parse("0").indices(3)).isEmpty();
        assertThat(ExplainRows.parse("1-2").indices(5)).containsExactly(1, 2);
        assertThat(ExplainRows.parse("3-9").indices(5)).containsExactly(3, 4);
        assertThat(ExplainRows.parse("7-9").indices(5)).isEmpty();
    }

    @Test
    void refusesNonsense() {
        for (String bad : new String[] {"some", "-3", "5-2", "1-", "", "1.5"}) {
            assertThatThrownBy(() -> ExplainRows.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--explain-rows");
        }
    }
}
