package org.modellens.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The loan-default demo case bundled in the jar (sample-data/case), copied once per session to a
 * temporary folder so the readers get real files.
 */
public final class SampleCase {

    public static final String TARGET = "defaulted";
    /** The sample case's time column: its production is read week by week. */
    public static final String TIME_COLUMN = "application_date";

    private static Path folder;

    private SampleCase() {
    }

    public static synchronized Path train() {
        return folder().resolve("train.csv");
    }

    public static synchronized Path prod() {
        return folder().resolve("prod.csv");
    }

    /** The XGBoost model trained on the sample's training snapshot. */
    public static synchronized Path model() {
        return folder().resolve("model.json");
    }

    /** Held-out labelled rows from the training period: the in-sample-free baseline for performance. */
    public static synchronized Path reference() {
        return folder().resolve("reference.csv");
    }

    private static Path folder() {
        if (folder == null) {
            try {
                Path dir = Files.createTempDirectory("modellens-sample");
                for (String name : new String[] {"train.csv", "prod.csv", "model.json", "reference.csv"}) {
                    try (InputStream in = SampleCase.class.getResourceAsStream("/org/modellens/app/sample/" + name)) {
                        if (in == null) {
                            throw new IOException("the sample case is missing from the application (" + name + ")");
                        }
                        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                folder = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }
}
