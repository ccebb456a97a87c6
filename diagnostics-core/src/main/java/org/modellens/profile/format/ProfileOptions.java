package org.modellens.profile.format;

/**
 * The parameters a profile is built with. Profiles merge only when their options are equal (the
 * sample, the sketches and the category bound must mean the same on both sides).
 *
 * @param sampleRows      rows kept in the seeded uniform sample (bottom-k by a seeded row hash)
 * @param seed            seed of the sample's row hash: the same seed selects the same rows
 * @param maxCategories   distinct labels counted exactly per column; later labels go to an exact "other" count
 * @param kllK            the KLL quantile sketch's k (normalized rank error about 1.33% at k = 200, 0.33% at 1000)
 * @param hllLgK          log2 of the HLL distinct-count sketch's registers (relative standard error 1.04 / 2^(lgK/2))
 * @param maxStoredHashes distinct row hashes written into the file so later merges still count duplicates
 *                        exactly; above it the file keeps the exact count only (merges then give a lower bound)
 * @param typeRows        first rows the column types are inferred from
 */
public record ProfileOptions(int sampleRows, long seed, int maxCategories, int kllK, int hllLgK, int maxStoredHashes,
                             int typeRows) implements java.io.Serializable {

    public static final int DEFAULT_KLL_K = 1000;
    public static final int DEFAULT_HLL_LG_K = 14;
    public static final int DEFAULT_MAX_STORED_HASHES = 1_000_000;

    public ProfileOptions {
        if (sampleRows < 1 || maxCategories < 1 || typeRows < 1) {
            throw new IllegalArgumentException("sampleRows, maxCategories and typeRows must be at least 1");
        }
        if (kllK < 8 || kllK > 65535) {
            throw new IllegalArgumentException("kllK must be in 8..65535, not " + kllK);
        }
        if (hllLgK < 4 || hllLgK > 21) {
            throw new IllegalArgumentException("hllLgK must be in 4..21, not " + hllLgK);
        }
        if (maxStoredHashes < 0) {
            throw new IllegalArgumentException("maxStoredHashes must not be negative");
        }
    }

    /** The defaults for the sample, seed, category bound and typing rows, with the default sketch sizes. */
    public static ProfileOptions of(int sampleRows, long seed, int maxCategories, int typeRows) {
        return new ProfileOptions(sampleRows, seed, maxCategories, DEFAULT_KLL_K, DEFAULT_HLL_LG_K,
                DEFAULT_MAX_STORED_HASHES, typeRows);
    }

    /** Normalized rank error of the quantile sketch (single-sided, 99% confidence), as DataSketches states it. */
    public double rankError() {
        return org.apache.datasketches.kll.KllSketch.getNormalizedRankError(kllK, false);
    }

    /** Relative standard error of the distinct-count sketch. */
    public double distinctRelativeError() {
        return 1.04 / Math.sqrt(1 << hllLgK);
    }
}
