package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Masking keeps the shape of a value and nothing personal; only columns the pii check flagged are touched. */
class PersonalDataTest {

    @TempDir
    Path dir;

    @Test
    void maskIsThePiiChecksMaskAndIdempotent() {
        assertThat(PersonalData.mask("alice.martin@example.org")).isEqualTo("a***@e***.org");
        assertThat(PersonalData.mask("+33 6 12 34 56 78")).isEqualTo("+** * ** ** ** 78");
        assertThat(PersonalData.mask("4111 1111 1111 1111")).isEqualTo("************1111");
        assertThat(PersonalData.mask(PersonalData.mask("alice.martin@example.org"))).isEqualTo("a***@e***.org");
        assertThat(PersonalData.mask("")).isEmpty();
    }

    @Test
    void onlyFlaggedColumnsAreMaskedAndTheirValuesScrubbedFromSentences() {
        DiagnosticReport report = ReportFixtures.personal(dir);
        PersonalData personal = PersonalData.of(report);

        assertThat(personal.isFlagged("email")).isTrue();
        assertThat(personal.isFlagged("score")).isFalse();
        assertThat(personal.value("score", "12")).isEqualTo("12");
        assertThat(personal.value("email", ReportFixtures.RAW_EMAILS.get(1))).isEqualTo(PersonalData.mask(ReportFixtures.RAW_EMAILS.get(1)));
        assertThat(personal.text("1 new category (" + ReportFixtures.NEW_EMAIL + ")."))
                .isEqualTo("1 new category (" + PersonalData.mask(ReportFixtures.NEW_EMAIL) + ").");
        assertThat(PersonalData.of(ReportFixtures.sample()).text("income: distribution shifted"))
                .isEqualTo("income: distribution shifted");
    }
}
