package org.modellens.app.ui.explanations;

/**
 * One bar of a waterfall: the running total moves from {@code start} to {@code end}.
 *
 * @param label what moved it (a feature with its value, the base value, or the output)
 * @param start running total before
 * @param end   running total after
 * @param kind  BASE, CONTRIBUTION or TOTAL
 * @param note  what to print after the value (the probability of a logistic model's end values), or {@code null}
 */
public record WaterfallStep(String label, double start, double end, Kind kind, String note) {

    /** A step without a note. */
    public WaterfallStep(String label, double start, double end, Kind kind) {
        this(label, start, end, kind, null);
    }

    /** How a bar is drawn. */
    public enum Kind { BASE, CONTRIBUTION, TOTAL }

    public double value() {
        return end - start;
    }
}
