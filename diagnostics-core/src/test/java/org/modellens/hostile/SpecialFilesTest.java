package org.modellens.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.data.InputFiles;
import org.modellens.data.SnapshotReaders;
import org.modellens.data.UnreadableInputException;
import org.modellens.model.ModelLoader;
import org.modellens.project.ProjectFileException;
import org.modellens.project.ProjectStore;
import org.modellens.settings.Settings;

/**
 * Issue 19, special files: a FIFO blocked every reader forever, {@code /dev/zero} was read until the
 * heap was gone, a project file had no size limit. Each reader and loader now refuses them through
 * {@link InputFiles} in one line, before reading a byte. Timeouts catch a regression that blocks.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SpecialFilesTest {

    private static final Path DEV_ZERO = Path.of("/dev/zero");

    @TempDir
    Path dir;

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available here");
            return null;
        }
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "cannot make a FIFO here");
        return fifo;
    }

    @Test
    void aFifoAsASnapshotIsRefusedNotWaitedOn() throws Exception {
        Path fifo = fifo("train.csv");

        assertThatThrownBy(() -> SnapshotReaders.read(fifo)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("train.csv is not a regular file (a pipe, device or socket); give the data file as a file on disk");
    }

    @Test
    void aFifoAsAProjectOrModelOrSettingsIsRefused() throws Exception {
        Path project = fifo("case.modellens");
        Path model = fifo("model.json");
        Path settings = fifo("settings.properties");

        assertThatThrownBy(() -> new ProjectStore().load(project)).isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("case.modellens is not a regular file");
        assertThatThrownBy(() -> ModelLoader.load(model, List.of())).hasMessageContaining("model.json is not a regular file");
        assertThatThrownBy(() -> Settings.withOverrides(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("settings.properties is not a regular file");
    }

    @Test
    void devZeroIsRefusedEverywhere() {
        assumeTrue(Files.exists(DEV_ZERO), "no /dev/zero on this system");

        assertThatThrownBy(() -> SnapshotReaders.read(DEV_ZERO)).hasMessageContaining("zero is not a regular file");
        assertThatThrownBy(() -> ModelLoader.load(DEV_ZERO, List.of())).hasMessageContaining("zero is not a regular file");
        assertThatThrownBy(() -> new ProjectStore().load(DEV_ZERO)).hasMessageContaining("zero is not a regular file");
    }

    @Test
    void aFolderIsRefusedInOneLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("model.json"));

        assertThatThrownBy(() -> ModelLoader.load(folder, List.of())).hasMessage("model.json is a folder, not a file");
        assertThatThrownBy(() -> SnapshotReaders.read(folder)).hasMessage("model.json is a folder, not a file");
    }

    @Test
    void aProjectFileLargerThanTheLimitIsRefusedWithoutReadingIt() throws Exception {
        Path project = dir.resolve("huge.modellens");
        try (var channel = java.nio.channels.FileChannel.open(project, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            // A sparse file: its size is declared, no disk is used.
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'{'}), InputFiles.MAX_PROJECT_BYTES + (4 << 20));
        }

        assertThatThrownBy(() -> new ProjectStore().load(project)).isInstanceOf(ProjectFileException.class)
                .hasMessage("huge.modellens is 68 MB; a project file is read whole and may be at most 64 MB");
    }

    @Test
    void aCountDeclaredInAFileIsBoundedBeforeAllocating() throws Exception {
        assertThat(InputFiles.declaredCount(12, 100, "m.json", "num_feature")).isEqualTo(12);
        assertThatThrownBy(() -> InputFiles.declaredCount(Integer.MAX_VALUE, 1000, "m.json", "num_feature"))
                .hasMessage("m.json: num_feature is 2147483647, more than the file can hold (at most 1000); "
                        + "the file is damaged or hostile");
        assertThatThrownBy(() -> InputFiles.declaredCount(-3, 1000, "m.json", "num_class"))
                .hasMessage("m.json: num_class is -3, a negative count; the file is damaged");
    }
}
