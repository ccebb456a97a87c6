package org.modellens.profile.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        return new SourceInfo(path, "mlprofile", sha256(path));
    }

    /** The hex SHA-256 of the file's bytes, read as a stream (any size). */
    static String sha256(Path path) throws UnreadableInputException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[1 << 16];
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                digest.update(block, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            throw new UnreadableInputException(name + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
