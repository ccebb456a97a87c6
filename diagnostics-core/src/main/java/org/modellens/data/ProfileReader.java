package org.modellens.data;

import java.nio.file.Path;

/**
 * How {@link SnapshotLoader} reads a profile file (a summary of every row plus a uniform sample,
 * DESIGN.md section 7). The loader owns this interface and the profile format implements it
 * ({@code org.modellens.profile.format.ProfileFiles}), because the format is built on this package
 * (column types, type inference, snapshots): the loader stays the one way in for every input, and the
 * dependency goes one way, from the format to the data, never back.
 *
 * @param <P> the profile, handed back with its snapshot for the figures a sample cannot give
 */
public interface ProfileReader<P> {

    /** Recognises no file: every input is a table. */
    ProfileReader<Void> NONE = new ProfileReader<>() {
        @Override
        public boolean isProfile(Path file) {
            return false;
        }

        @Override
        public Profiled<Void> readTraining(Path file) {
            throw new IllegalStateException("no profile reader: " + file + " is read as a table");
        }

        @Override
        public Profiled<Void> readLike(Path file, Snapshot training) {
            throw new IllegalStateException("no profile reader: " + file + " is read as a table");
        }
    };

    /** Whether the file is a profile, by its content (false for a file that cannot be read: reading it says why). */
    boolean isProfile(Path file);

    /** Reads a training profile: the snapshot of its sample in the profile's own types, with the exact figures of every row. */
    Profiled<P> readTraining(Path file) throws UnreadableInputException;

    /** Reads a profile compared with training (production, reference): typed as training and counted against it. */
    Profiled<P> readLike(Path file, Snapshot training) throws UnreadableInputException;

    /**
     * A profile read, and the snapshot it stands for.
     *
     * @param profile  the profile as read
     * @param snapshot its sample, carrying the exact figures of every row ({@link Snapshot#sampling()})
     */
    record Profiled<P>(P profile, Snapshot snapshot) {
    }
}
