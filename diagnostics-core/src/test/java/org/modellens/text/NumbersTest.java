package org.modellens.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void aPValueThatUnderflowedReadsAsBelowTheSmallestQuoted() {
        assertThat(Numbers.pValue(0.0)).isEqualTo("< 1e-300");
        assertThat(Numbers.pValue(1e-320)).isEqualTo("< 1e-300");
        assertThat(Numbers.pValue(3.2e-7)).isEqualTo("3.200e-07");
        assertThat(Numbers.pValue(0.0412)).isEqualTo("0.0412");
        assertThat(Numbers.pValue(Double.NaN)).isEqualTo(Numbers.NONE);
    }

    @Test
    void moneyAndCountsNeverUseScientificNotation() {
        assertThat(Numbers.money(1.25e10, "EUR")).isEqualTo("12,500,000,000 EUR");
        assertThat(Numbers.money(8000, "")).isEqualTo("8,000");
        assertThat(Numbers.money(12.5, "$")).isEqualTo("12.50 $");
        assertThat(Numbers.money(-0.004, null)).isEqualTo("-0.004");
        assertThat(Numbers.money(0.0725, "")).as("a cost per decision keeps its digits").isEqualTo("0.0725");
        assertThat(Numbers.decimal(6.3e-4, 3)).isEqualTo("0.00063");
        assertThat(Numbers.count(123_456_789_012L)).isEqualTo("123,456,789,012");
    }

    @Test
    void seedsAreDigitsOnly() {
        assertThat(Numbers.plain(20251130L)).isEqualTo("20251130");
    }

    @Test
    void statisticsKeepTheirSignificantDigits() {
        assertThat(Numbers.number(0.123456)).isEqualTo("0.1235");
        assertThat(Numbers.number(0.123456, 3)).isEqualTo("0.123");
        assertThat(Numbers.number(12345.678)).isEqualTo("12,350");
        assertThat(Numbers.number(-2.5e-5)).isEqualTo("-2.500e-05");
        assertThat(Numbers.number(3000)).isEqualTo("3,000");
        assertThat(Numbers.number(Double.POSITIVE_INFINITY)).isEqualTo(Numbers.NONE);
    }

    /** Every printed statistic parses back to the value within half a unit of its last digit. */
    @Property(tries = 500)
    void aPrintedNumberParsesBackWithinItsPrecision(@ForAll @DoubleRange(min = -1e8, max = 1e8) double value) {
        String printed = Numbers.number(value);
        double parsed = Double.parseDouble(printed.replace(",", ""));
        // Four significant digits: half a unit of the fourth digit is at most 5e-4 of the value.
        double tolerance = value == Math.rint(value) ? 0 : Math.abs(value) * 5e-4 + Math.ulp(value);
        assertThat(Math.abs(parsed - value)).isLessThanOrEqualTo(tolerance);
    }
}
