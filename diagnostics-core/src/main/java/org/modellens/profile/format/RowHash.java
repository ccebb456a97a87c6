package org.modellens.profile.format;

/**
 * The 64-bit hash of a row's cells that duplicate counting and the row sample use: FNV-1a over each
 * cell's UTF-16 units, combined in column order, each step finished by the splitmix64 mixer. Equal
 * rows have equal hashes; two different rows collide with probability about 2^-64 per pair.
 */
public final class RowHash {

    private static final long MISSING = 0x632BE59BD9B4E019L;

    private RowHash() {
    }

    /** The hash of the row ({@code null} cells are missing). */
    public static long of(String[] cells) {
        long hash = 0x9E3779B97F4A7C15L;
        for (String cell : cells) {
            hash = mix(hash * 31 + (cell == null ? MISSING : text(cell)));
        }
        return hash;
    }

    /** The sampling priority of a row: its hash re-mixed with the seed (uniform on 64 bits). */
    public static long priority(long rowHash, long seed) {
        return mix(rowHash ^ mix(seed + 0x5851F42D4C957F2DL));
    }

    /** The splitmix64 finalizer: spreads every input bit over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long text(String text) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001B3L;
        }
        return mix(h ^ text.length());
    }
}
