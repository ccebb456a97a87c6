package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormattedNumberTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1,200        | 1200      | THOUSANDS_SEPARATOR",
        "12,345,678.5 | 12345678.5| THOUSANDS_SEPARATOR",
        "1.234.567,25 | 1234567.25| THOUSANDS_SEPARATOR",
        "1 234 567    | 1234567   | THOUSANDS_SEPARATOR",
        "1'234.50     | 1234.5    | THOUSANDS_SEPARATOR",
        "0,15         | 0.15      | DECIMAL_COMMA",
        "12,5         | 12.5      | DECIMAL_COMMA",
        "$95          | 95        | CURRENCY",
        "€1.200,50    | 1200.5    | CURRENCY",
        "250 USD      | 250       | CURRENCY",
        "EUR 12       | 12        | CURRENCY",
        "12kg         | 12        | UNIT",
        "3.5 km/h     | 3.5       | UNIT",
        "15%          | 15        | UNIT",
        "1,200 kg     | 1200      | UNIT",
    })
    void recoversTheNumberInDisplayText(String text, double value, FormattedNumber.Kind kind) {
        FormattedNumber.Recovered recovered = FormattedNumber.recover(text);

        assertThat(recovered).isNotNull();
        assertThat(recovered.value()).isEqualTo(value);
        assertThat(recovered.kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"N/A", "n/a", "NULL", "none", "-", "?", "#N/A", "unknown"})
    void missingTokensAreRecognisedWithoutValue(String text) {
        FormattedNumber.Recovered recovered = FormattedNumber.recover(text);

        assertThat(recovered.kind()).isEqualTo(FormattedNumber.Kind.MISSING_TOKEN);
        assertThat(recovered.value()).isNaN();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.5", "abc", "high", "1,2,3", "12-05-2024", "$", "kg", "1,20,0"})
    void plainNumbersAndOtherTextAreNotRecovered(String text) {
        assertThat(FormattedNumber.recover(text)).isNull();
    }
}
