package org.modellens.fuzz;

import java.io.ByteArrayOutputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One way to damage a file, the usual shapes of a broken download or a bad disk: bytes overwritten,
 * the file cut short, or a run of bytes duplicated, at a place given as a fraction of the length.
 */
record Damage(int kind, double where, int length, byte[] bytes) {

    static Arbitrary<Damage> any() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(1, 64), Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
                .as(Damage::new);
    }

    byte[] apply(byte[] original) {
        int at = (int) (where * original.length);
        return switch (kind) {
            case 0 -> { // overwrite
                byte[] copy = original.clone();
                for (int i = 0; i < bytes.length && at + i < copy.length; i++) {
                    copy[at + i] = bytes[i];
                }
                yield copy;
            }
            case 1 -> java.util.Arrays.copyOf(original, at); // truncate
            default -> { // duplicate a run
                int end = Math.min(original.length, at + length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(original, 0, end);
                out.write(original, at, end - at);
                out.write(original, end, original.length - end);
                yield out.toByteArray();
            }
        };
    }
}
