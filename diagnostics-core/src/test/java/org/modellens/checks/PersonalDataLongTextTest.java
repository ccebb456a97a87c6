package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Recognising and masking personal data stays linear in the length of a cell. */
class PersonalDataLongTextTest {

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void megabyteCellsAreScannedQuickly() {
        String letters = "x".repeat(1 << 20);
        String withAt = "x".repeat(1 << 19) + "@" + "y".repeat(1 << 19);
        String digitsAndLetters = "7a".repeat(1 << 19);
        long start = System.nanoTime();
        for (String cell : new String[] {letters, withAt, digitsAndLetters}) {
            assertThat(PersonalData.maskMatches(cell, true)).hasSameSizeAs(cell);
            assertThat(PersonalData.find(cell, true)).isNull();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anEmailInsideLongTextIsStillFoundAndMasked() {
        String cell = "note: " + "word ".repeat(50_000) + "write to jane.doe@example.org today";
        assertThat(PersonalData.find(cell, false)).isEqualTo(PersonalData.Kind.EMAIL);
        assertThat(PersonalData.maskMatches(cell, false)).doesNotContain("jane.doe@example.org").contains("j***@e***.org");
    }
}
