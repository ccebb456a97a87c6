package org.modellens.data;

import java.nio.file.Path;

import org.modellens.profile.format.ProfileFiles;
import org.modellens.profile.format.ProfileFormat;

/**
 * A deliberate offender, for {@code OneRoadInTest.theRulesCatchASecondRoadIn} only: a reader in the data
 * package that opens a profile itself, importing the format (a cycle), and calls the format's reader
 * beside the loader. Never called.
 */
final class SecondRoadIn {

    private SecondRoadIn() {
    }

    static boolean opens(Path file) {
        return ProfileFormat.isProfile(file) || new ProfileFiles(3).isProfile(file);
    }
}
