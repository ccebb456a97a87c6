package org.modellens.data;

import java.util.Map;

/**
 * How a snapshot too large to hold was analysed: its cells were streamed once, exact figures were
 * tallied for every column ({@link ColumnTally}) and for duplicate rows, and a seeded uniform sample
 * of rows (reservoir sampling, Vitter's algorithm R) was kept for the distribution statistics.
 *
 * @param fileRows      data rows in the file
 * @param sampleRows    rows in the sample (all rows when the file has no more than the sample size)
 * @param seed          seed of the sampling random generator, so a run can be repeated exactly
 * @param sampleIndices file row index (0-based) of each sample row, ascending
 * @param tallies       exact figures per column, by name
 * @param duplicateRows rows repeating an earlier row in every cell, found by a 64-bit row hash
 *                      (a false match needs a hash collision: probability below rows^2 / 2^65)
 */
public record Sampling(long fileRows, int sampleRows, long seed, long[] sampleIndices, Map<String, ColumnTally> tallies,
                       RowTally duplicateRows) {

    public Sampling {
        tallies = Map.copyOf(tallies);
    }

    /** Whether the statistics computed on the sample are approximate (the sample is not the whole file). */
    public boolean sampled() {
        return sampleRows < fileRows;
    }

    public ColumnTally tally(String column) {
        return tallies.get(column);
    }
}
