package org.modellens.profile.format;

import java.util.function.LongConsumer;

/** A set of 64-bit hashes: open addressing, linear probing, at most 75% full (8 bytes a hash plus slack). */
final class LongHashSet {

    private long[] slots = new long[1 << 10];
    private int size;
    private boolean hasZero;

    /** Adds the value; false when it was already there. */
    boolean add(long value) {
        if (value == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size >= slots.length - (slots.length >> 2)) {
            grow();
        }
        int mask = slots.length - 1;
        int slot = (int) RowHash.mix(value) & mask;
        while (slots[slot] != 0) {
            if (slots[slot] == value) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = value;
        size++;
        return true;
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    void forEach(LongConsumer action) {
        if (hasZero) {
            action.accept(0);
        }
        for (long v : slots) {
            if (v != 0) {
                action.accept(v);
            }
        }
    }

    long[] toArray() {
        long[] out = new long[size()];
        int[] i = {0};
        forEach(v -> out[i[0]++] = v);
        return out;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long v : old) {
            if (v != 0) {
                int slot = (int) RowHash.mix(v) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = v;
            }
        }
    }
}
