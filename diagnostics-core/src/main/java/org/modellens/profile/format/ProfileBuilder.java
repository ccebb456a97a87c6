package org.modellens.profile.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;

import org.modellens.data.RowStream;
import org.modellens.data.SourceInfo;
import org.modellens.data.UnreadableInputException;

/**
 * Builds the profile of a snapshot file in one streaming pass ({@link RowStream}: CSV and Parquet are
 * not held in memory): the column types are inferred on the first {@code typeRows} rows, then every
 * row is counted, hashed and offered to the sample. Memory: the sample, the sketches, the category
 * counts and 8 bytes a distinct row for the duplicate count.
 */
public final class ProfileBuilder {

    private ProfileBuilder() {
    }

    /**
     * @param producer  the program writing the profile, with its version
     * @param rowsSeen  receives the number of rows read so far, every million rows
     */
    public static Profile profile(Path path, ProfileOptions options, Set<String> forcedCategorical,
                                  Set<String> forcedNumeric, String target, String producer, DoubleConsumer rowsSeen)
            throws UnreadableInputException {
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        Sink sink = new Sink(options, forcedCategorical, forcedNumeric, target, file, producer, rowsSeen);
        SourceInfo source = RowStream.read(path, sink);
        Profile profile = sink.finish();
        profile.setSource(file, source.sha256());
        return profile;
    }

    private static final class Sink implements RowStream.Sink {
        private final ProfileOptions options;
        private final Set<String> forcedCategorical;
        private final Set<String> forcedNumeric;
        private final String target;
        private final String file;
        private final String producer;
        private final DoubleConsumer rowsSeen;
        private List<String> names;
        private List<String[]> firstRows = new ArrayList<>();
        private Profile profile;
        private long index;

        Sink(ProfileOptions options, Set<String> forcedCategorical, Set<String> forcedNumeric, String target, String file,
             String producer, DoubleConsumer rowsSeen) {
            this.options = options;
            this.forcedCategorical = forcedCategorical;
            this.forcedNumeric = forcedNumeric;
            this.target = target;
            this.file = file;
            this.producer = producer;
            this.rowsSeen = rowsSeen;
        }

        @Override
        public void header(List<String> names) {
            this.names = names;
        }

        @Override
        public void row(String[] cells) {
            if (profile == null) {
                firstRows.add(cells);
                if (firstRows.size() >= options.typeRows()) {
                    start();
                }
                return;
            }
            profile.add(cells, index++);
            if ((index & 0xFFFFF) == 0) {
                rowsSeen.accept(index);
            }
        }

        private void start() {
            ProfileSchema schema = ProfileSchema.infer(names, firstRows, forcedCategorical, forcedNumeric, target);
            profile = new Profile(schema, options, file, producer);
            for (String[] cells : firstRows) {
                profile.add(cells, index++);
            }
            firstRows = null;
        }

        Profile finish() {
            if (profile == null) {
                start();
            }
            rowsSeen.accept(index);
            return profile;
        }
    }
}
