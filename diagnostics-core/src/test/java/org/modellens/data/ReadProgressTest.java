package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader of a large file reports its bytes as it goes: in steps of about a megabyte, never
 * backwards, ending at the file's size; nothing is reported outside {@link ReadProgress#watching}.
 */
class ReadProgressTest {

    @TempDir
    Path dir;

    private record Report(long done, long total) {
    }

    /** Reports per file, checked in order as they arrive. */
    private static final class Recorder implements ReadProgress {
        final Map<Path, List<Report>> reports = new ConcurrentHashMap<>();

        @Override
        public void bytesRead(Path file, long done, long total) {
            List<Report> list = reports.computeIfAbsent(file, f -> java.util.Collections.synchronizedList(new ArrayList<>()));
            list.add(new Report(done, total));
        }

        void assertComplete(Path file) throws IOException {
            long size = Files.size(file);
            List<Report> list = reports.get(file);
            assertThat(list).as(file.getFileName().toString()).isNotNull();
            // One report per megabyte or so, and the last at the end.
            assertThat(list.size()).isGreaterThanOrEqualTo((int) (size / ReadWatch.STEP) / 2);
            for (int i = 0; i < list.size(); i++) {
                assertThat(list.get(i).total()).isEqualTo(size);
                if (i > 0) {
                    assertThat(list.get(i).done()).isGreaterThan(list.get(i - 1).done());
                }
            }
            assertThat(list.get(list.size() - 1).done()).isEqualTo(size);
        }
    }

    private Path csv(String name, int rows, boolean quoted) throws IOException {
        StringBuilder text = new StringBuilder(quoted ? "\"id\",\"colour\",\"amount\"\n" : "id,colour,amount\n");
        for (int i = 0; i < rows; i++) {
            text.append(i).append(',').append(quoted ? "\"red, dark\"" : "red").append(',').append(i * 0.25).append('\n');
        }
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void theColumnarReaderReportsEachFileToItsEnd() throws Exception {
        Path train = csv("train.csv", 400_000, false);
        Path prod = csv("prod.csv", 300_000, false);
        Recorder recorder = new Recorder();
        ReadProgress.watching(recorder, () -> {
            Snapshot training = SnapshotLoader.readTraining(train, Set.of(), Set.of(), null);
            return SnapshotLoader.readLike(prod, training);
        });
        recorder.assertComplete(train);
        recorder.assertComplete(prod);
    }

    @Test
    void theGeneralReaderReportsQuotedFilesToo() throws Exception {
        // Quotes send the file to CsvReader, which parses slices in parallel.
        Path quoted = csv("quoted.csv", 200_000, true);
        Recorder recorder = new Recorder();
        RawTable table = ReadProgress.watching(recorder, () -> SnapshotReaders.read(quoted));
        assertThat(table.rows()).isEqualTo(200_000);
        recorder.assertComplete(quoted);
    }

    @Test
    void theStreamedReaderReportsAsItStreams() throws Exception {
        Path big = csv("big.csv", 200_000, false);
        Recorder recorder = new Recorder();
        StreamedCsvReader.Options options = new StreamedCsvReader.Options(1_000, 7, 1_000, 100, 3);
        ReadProgress.watching(recorder, () -> new StreamedCsvReader(options, share -> { })
                .readTraining(big, Set.of(), Set.of(), null));
        recorder.assertComplete(big);
    }

    @Test
    void nothingIsHeardOutsideTheWatchedWork() throws Exception {
        Path file = csv("quiet.csv", 100_000, false);
        Recorder recorder = new Recorder();
        ReadProgress.watching(recorder, () -> null);
        SnapshotLoader.readTraining(file, Set.of(), Set.of(), null);
        assertThat(recorder.reports).isEmpty();
    }
}
