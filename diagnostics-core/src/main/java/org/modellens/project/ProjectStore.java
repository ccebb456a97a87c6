package org.modellens.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.modellens.data.AtomicFiles;
import org.modellens.data.InputFiles;
import org.modellens.data.UnreadableInputException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Reads and writes workbench projects as JSON (never Java serialization).
 *
 * <p>Saving is atomic: the new content goes to a temporary file in the same folder, is forced to
 * disk, and then renamed over the old file in one step. A crash or kill at any moment leaves either
 * the previous complete file or the new complete file, never a mix; a leftover temporary file is
 * harmless and ignored.
 *
 * <p>Each file carries {@code formatVersion}. Files of an older version are read (fields added
 * later take their defaults); a file from a newer ModelLens is refused with a message saying so.
 */
public final class ProjectStore {

    /** The format this version of ModelLens writes. */
    public static final int FORMAT_VERSION = 1;
    /** The extension of project files. */
    public static final String EXTENSION = ".modellens";

    private final ObjectMapper mapper = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            // A long note is the user's own text: allow it up to the file's size limit (Jackson stops at 20 MB).
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength((int) InputFiles.MAX_PROJECT_BYTES).build())
            .build())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Writes the project atomically, replacing any previous version of the file. */
    public void save(WorkbenchProject project, Path file) throws ProjectFileException {
        Path target = file.toAbsolutePath();
        WorkbenchProject stamped = new WorkbenchProject(FORMAT_VERSION, project.train(), project.prod(), project.model(),
                project.target(), project.task(), project.categorical(), project.numeric(), project.notes(),
                project.timeColumn(), project.chunk(), project.reference());
        try {
            byte[] bytes = mapper.writeValueAsBytes(stamped);
            AtomicFiles.write(target, out -> out.write(bytes));
        } catch (IOException e) {
            throw new ProjectFileException(target.getFileName() + ": could not save the project (" + e.getMessage() + ")", e);
        }
    }

    public WorkbenchProject load(Path file) throws ProjectFileException {
        String name = InputFiles.name(file);
        JsonNode tree;
        try {
            // A FIFO would block the workbench forever, a device never end: only a regular file of sane size is read.
            tree = mapper.readTree(InputFiles.readAll(file, "project file", InputFiles.MAX_PROJECT_BYTES));
        } catch (UnreadableInputException e) {
            throw new ProjectFileException(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ProjectFileException(name + ": not a ModelLens project (" + InputFiles.jsonProblem(e) + ")", e);
        } catch (IOException e) {
            throw new ProjectFileException(name + ": could not read the project (" + e.getMessage() + ")", e);
        }
        if (tree == null || !tree.isObject() || !tree.path("formatVersion").canConvertToInt()) {
            throw new ProjectFileException(name + ": not a ModelLens project (no formatVersion)");
        }
        int version = tree.get("formatVersion").asInt();
        if (version > FORMAT_VERSION) {
            throw new ProjectFileException(name + ": made by a newer ModelLens (project format " + version
                    + "; this version reads up to " + FORMAT_VERSION + ")");
        }
        try {
            WorkbenchProject project = mapper.treeToValue(tree, WorkbenchProject.class);
            if (project.train() == null || project.prod() == null) {
                throw new ProjectFileException(name + ": the project names no training or no production file");
            }
            return project;
        } catch (JsonProcessingException e) {
            throw new ProjectFileException(name + ": not a ModelLens project (" + InputFiles.jsonProblem(e) + ")", e);
        }
    }

    /** How an input is stored: relative to the project's folder when inside it, else absolute. */
    public static String store(Path projectFile, Path input) {
        if (input == null) {
            return null;
        }
        Path folder = projectFile.toAbsolutePath().getParent();
        Path absolute = input.toAbsolutePath().normalize();
        return absolute.startsWith(folder) ? folder.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    /** Where a stored input is, resolved against the project's folder. */
    public static Path resolve(Path projectFile, String stored) {
        if (stored == null) {
            return null;
        }
        return projectFile.toAbsolutePath().getParent().resolve(stored).normalize();
    }

    /**
     * The project's existing inputs that lie outside its folder, after symlinks and {@code ..}: a
     * project file from elsewhere can name any file ({@code /etc/shadow}); the user is shown these
     * and asked before they are read.
     */
    public static List<Path> outsideInputs(Path projectFile, WorkbenchProject project) {
        Path folder = InputFiles.realPath(projectFile.toAbsolutePath().getParent());
        List<Path> outside = new ArrayList<>();
        for (String stored : project.inputs()) {
            Path path = resolve(projectFile, stored);
            if (path != null && Files.exists(path) && !InputFiles.realPath(path).startsWith(folder)) {
                outside.add(path);
            }
        }
        return outside;
    }

    /** The project's inputs that do not exist (moved or deleted), as resolved paths. */
    public static List<Path> missingInputs(Path projectFile, WorkbenchProject project) {
        List<Path> missing = new ArrayList<>();
        for (String stored : project.inputs()) {
            Path path = resolve(projectFile, stored);
            if (path != null && !Files.isRegularFile(path)) {
                missing.add(path);
            }
        }
        return missing;
    }
}
