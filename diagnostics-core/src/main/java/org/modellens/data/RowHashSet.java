package org.modellens.data;

import java.util.function.LongConsumer;

/**
 * A set of 64-bit row hashes (open addressing, linear probing, 8 bytes a row at most 75% full), for
 * counting duplicate rows of a file streamed once: about 134 MB for 10 million distinct rows where
 * the rows themselves would take gigabytes. Two different rows are taken for equal only when their
 * 64-bit hashes collide, with probability below {@code rows^2 / 2^65} (3e-6 for 10 million rows).
 * The streamed reader and the profiles ({@code org.modellens.profile.format}) share it and
 * {@link #rowHash}, so a row has one hash whichever of them counted it.
 */
public final class RowHashSet {

    private static final long MISSING = 0x632BE59BD9B4E019L;

    private long[] slots;
    private int size;
    private boolean hasZero;

    /** An empty set sized for a large file. */
    public RowHashSet() {
        this(1 << 16);
    }

    /** An empty set of {@code initialSlots} slots to start with (a power of two). */
    public RowHashSet(int initialSlots) {
        slots = new long[initialSlots];
    }

    /** Adds the hash; false when it was already there. */
    public boolean add(long hash) {
        if (hash == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size >= slots.length - (slots.length >> 2)) {
            grow();
        }
        int mask = slots.length - 1;
        int slot = (int) mix(hash) & mask;
        while (slots[slot] != 0) {
            if (slots[slot] == hash) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = hash;
        size++;
        return true;
    }

    /** Distinct hashes held. */
    public int size() {
        return size + (hasZero ? 1 : 0);
    }

    /** Each hash held, in no particular order. */
    public void forEach(LongConsumer action) {
        if (hasZero) {
            action.accept(0);
        }
        for (long v : slots) {
            if (v != 0) {
                action.accept(v);
            }
        }
    }

    /** The hashes held, in no particular order. */
    public long[] toArray() {
        long[] out = new long[size()];
        int[] i = {0};
        forEach(v -> out[i[0]++] = v);
        return out;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long hash : old) {
            if (hash != 0) {
                int slot = (int) mix(hash) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = hash;
            }
        }
    }

    /**
     * The 64-bit hash of a row's cells ({@code null} = missing): {@link #hash} of each cell combined in
     * column order, each step finished by {@link #mix}. Equal rows have equal hashes.
     */
    public static long rowHash(String[] cells) {
        long hash = 0x9E3779B97F4A7C15L;
        for (String cell : cells) {
            hash = mix(hash * 31 + (cell == null ? MISSING : hash(cell)));
        }
        return hash;
    }

    /** The splitmix64 finalizer: spreads every input bit over the whole word. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit hash of the text (FNV-1a over the UTF-16 units, then mixed). */
    static long hash(String text) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001B3L;
        }
        return mix(h ^ text.length());
    }
}
