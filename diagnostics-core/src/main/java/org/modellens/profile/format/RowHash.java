package org.modellens.profile.format;

import org.modellens.data.RowHashSet;

/**
 * The 64-bit hash of a row's cells that duplicate counting and the row sample use: the streamed
 * reader's ({@link RowHashSet#rowHash}), so a profile and a streamed pass count the same duplicates.
 * Two different rows collide with probability about 2^-64 per pair.
 */
public final class RowHash {

    private RowHash() {
    }

    /** The hash of the row ({@code null} cells are missing). */
    public static long of(String[] cells) {
        return RowHashSet.rowHash(cells);
    }

    /** The sampling priority of a row: its hash re-mixed with the seed (uniform on 64 bits). */
    public static long priority(long rowHash, long seed) {
        return RowHashSet.mix(rowHash ^ RowHashSet.mix(seed + 0x5851F42D4C957F2DL));
    }
}
