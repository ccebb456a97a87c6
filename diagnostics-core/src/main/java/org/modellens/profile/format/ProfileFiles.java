package org.modellens.profile.format;

import java.nio.file.Files;
import java.nio.file.Path;

import org.modellens.data.InputFiles;
import org.modellens.data.ProfileReader;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotLoader;
import org.modellens.data.SourceInfo;
import org.modellens.data.UnreadableInputException;

/**
 * The profile format's reader for {@link SnapshotLoader}, the one input step: a {@code .mlprofile}
 * file becomes the {@link Snapshot} of its uniform sample carrying the exact figures of every row
 * ({@link ProfileSnapshots}), named in the report by its path and the SHA-256 of its bytes.
 */
public final class ProfileFiles implements ProfileReader<Profile> {

    private final double outlierRangeMultiple;

    /** @param outlierRangeMultiple outlier fences: training range times this beyond the training range */
    public ProfileFiles(double outlierRangeMultiple) {
        this.outlierRangeMultiple = outlierRangeMultiple;
    }

    @Override
    public boolean isProfile(Path file) {
        return ProfileFormat.isProfile(file);
    }

    @Override
    public Profiled<Profile> readTraining(Path file) throws UnreadableInputException {
        Profile profile = ProfileFormat.read(file);
        return new Profiled<>(profile, ProfileSnapshots.training(profile, source(file)));
    }

    @Override
    public Profiled<Profile> readLike(Path file, Snapshot training) throws UnreadableInputException {
        Profile profile = ProfileFormat.read(file);
        return new Profiled<>(profile, ProfileSnapshots.production(profile, source(file), training, outlierRangeMultiple));
    }

    /** The profile file as the report names it: its path and the SHA-256 of its bytes. */
    private static SourceInfo source(Path path) throws UnreadableInputException {
        return new SourceInfo(path, "mlprofile", InputFiles.sha256(path));
    }
}
