package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The number parser on chars ({@link TypeInference#parseNumber}) and its twin on bytes
 * ({@link NumberBytes#parse}, {@link NumberBytes#parsePlain}) share one rule and one fast path
 * ({@link TypeInference#exactDecimal}); what is written twice is the scan. These properties hold the
 * scans to the JDK: every plain decimal gets {@link Double#parseDouble}'s bits from each, and any text
 * gets the same answer from both.
 */
class NumberParsersPropertiesTest {

    /** {@code [ ][+-]digits[.digits][ ]}, with digit counts around the fast path's limits (15 and 22). */
    @Provide
    Arbitrary<String> plainDecimals() {
        Arbitrary<String> sign = Arbitraries.of("", "", "-", "+");
        Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(20);
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(26).map(digits -> "." + digits));
        Arbitrary<String> blank = Arbitraries.of("", "", " ", "\t");
        return Combinators.combine(blank, sign, whole, fraction, blank).as((a, s, w, f, b) -> a + s + w + f + b)
                .filter(text -> text.chars().anyMatch(Character::isDigit));
    }

    @Property(tries = 3000)
    void plainDecimalsGetParseDoublesBitsFromBothParsers(@ForAll("plainDecimals") String text) {
        double jdk = Double.parseDouble(text);
        long expected = Double.doubleToLongBits(Double.isFinite(jdk) ? jdk : Double.NaN);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Double.doubleToLongBits(TypeInference.parseNumber(text))).as("chars").isEqualTo(expected);
        assertThat(Double.doubleToLongBits(NumberBytes.parse(bytes, 0, bytes.length))).as("bytes").isEqualTo(expected);
        if (Column.isPlainNumber(text)) {
            assertThat(Double.doubleToLongBits(NumberBytes.parsePlain(bytes, 0, bytes.length))).as("plain bytes")
                    .isEqualTo(expected);
        }
    }

    /** Text near numbers: exponents, separators, suffixes, signs, non-ASCII digits and letters. */
    @Provide
    Arbitrary<String> nearNumbers() {
        return Arbitraries.strings().withChars("0123456789.+-eE ,xdfINaty_\u0663\u00e9").ofMinLength(0).ofMaxLength(14);
    }

    @Property(tries = 3000)
    void anyTextGetsTheSameAnswerFromBothParsers(@ForAll("nearNumbers") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Double.doubleToLongBits(NumberBytes.parse(bytes, 0, bytes.length)))
                .isEqualTo(Double.doubleToLongBits(TypeInference.parseNumber(text)));
    }
}
