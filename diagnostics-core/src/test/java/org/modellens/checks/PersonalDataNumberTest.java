package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.modellens.data.Column;

/** The shortcut the personal-data scan takes for numbers held as values finds exactly what the text search finds. */
class PersonalDataNumberTest {

    @Property(tries = 3000)
    void aNumberPassedOverHoldsNoPersonalData(@ForAll double value, @ForAll boolean phoneColumn) {
        String text = textOf(value);
        if (!PersonalData.numberMayBe(value)) {
            assertThat(PersonalData.find(text, phoneColumn)).as(text).isNull();
        }
    }

    @Property(tries = 3000)
    void integersOfEveryLengthPassedOverHoldNone(@ForAll @IntRange(min = 1, max = 16) int digits,
                                                @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long draw,
                                                @ForAll boolean negative, @ForAll boolean phoneColumn) {
        long lowest = (long) Math.pow(10, digits - 1);
        long whole = lowest + Math.floorMod(draw, 9 * lowest);
        double value = negative ? -whole : whole;
        if (!PersonalData.numberMayBe(value)) {
            assertThat(PersonalData.find(textOf(value), phoneColumn)).as(textOf(value)).isNull();
        } else if (!negative && digits <= 15 && phoneColumn) {
            // The bound is tight: from 9 digits on, a phone column's plain integers are phone numbers.
            assertThat(PersonalData.find(textOf(value), true)).as(textOf(value)).isNotNull();
        }
    }

    /** The cell's text as the scan reads it: a numeric column writes a plain number back from its value. */
    private static String textOf(double value) {
        Column column = Column.numeric("n", false, new double[] {value}, new int[0], new String[0], 0);
        return column.text(0);
    }
}
