package org.modellens.data;

import java.util.Map;

/**
 * What holds a column's exact figures ({@link ColumnCounts}): the tally the checks read
 * ({@link ColumnTally}) and the profile's summary ({@code org.modellens.profile.format.ColumnSummary});
 * the figures read the same through either.
 */
public interface ColumnFigures {

    /** The figures themselves. */
    ColumnCounts counts();

    /** Data rows. */
    default long rows() {
        return counts().rows();
    }

    /** Empty cells. */
    default long missing() {
        return counts().missing();
    }

    /** Non-empty cells that do not parse as the column's type (non-finite words included). */
    default long unparsable() {
        return counts().unparsable();
    }

    /** Cells holding NaN, Inf or Infinity text in a numeric column. */
    default long nonFinite() {
        return counts().nonFinite();
    }

    /** Parsed values of a numeric or datetime column. */
    default long count() {
        return counts().count();
    }

    /** The smallest parsed value, NaN without one. */
    default double min() {
        return counts().min();
    }

    /** The largest parsed value, NaN without one. */
    default double max() {
        return counts().max();
    }

    /** The mean of the parsed values, NaN without one. */
    default double mean() {
        return counts().mean();
    }

    /** Sum of squared deviations from the mean, NaN without a value. */
    default double m2() {
        return counts().m2();
    }

    /** Sample standard deviation (n - 1), as numpy's {@code std(ddof=1)}; NaN below two values. */
    default double std() {
        return counts().std();
    }

    /** Label counts in label order, or {@code null} when the column's labels are not counted. */
    default Map<String, Long> categoryCounts() {
        return counts().categoryCounts();
    }

    /** Cells whose label came after the category limit was reached. */
    default long otherCount() {
        return counts().otherCount();
    }

    /** Whether every distinct label was counted (false once the category limit was exceeded). */
    default boolean categoriesComplete() {
        return counts().categoriesComplete();
    }
}
