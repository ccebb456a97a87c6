package org.modellens.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * The one guard every reader and loader passes a user's path and the sizes read from a file through,
 * before any byte is read or any array allocated.
 *
 * <p>A path must name a regular file (after symlinks): a FIFO blocks a reader forever, a device such
 * as {@code /dev/zero} never ends, a folder is no input. Files read whole are bounded, so a huge
 * file ends in one line instead of an {@link OutOfMemoryError}. A count or length taken from a
 * file (trees, leaves, features, rows, compressed sizes) is bounded by what the file's own size can
 * hold and by a sane absolute limit, so a corrupt header cannot make the reader allocate gigabytes.
 */
public final class InputFiles {

    /** Data files read into memory whole (Parquet, XLSX, small CSV): beyond this the heap would not hold their rows. */
    public static final long MAX_WHOLE_READ_BYTES = 1L << 30;
    /** Model files: the largest real tree ensembles and ONNX graphs stay well below this. */
    public static final long MAX_MODEL_BYTES = 1L << 30;
    /** Settings files hold a few dozen thresholds. */
    public static final long MAX_SMALL_FILE_BYTES = 16L << 20;
    /** Project files hold paths, options and the user's notes, which may be long. */
    public static final long MAX_PROJECT_BYTES = 64L << 20;

    private InputFiles() {
    }

    /**
     * Checks that {@code path} names an existing regular file of at most {@code maxBytes} bytes.
     *
     * @param what the kind of file, for the message ("model file", "project file", ...)
     * @return the file's size in bytes
     */
    public static long checkRegularFile(Path path, String what, long maxBytes) throws UnreadableInputException {
        String file = name(path);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": file not found (" + path.toAbsolutePath() + ")", e);
        } catch (IOException | SecurityException e) {
            throw new UnreadableInputException(file + " cannot be read: " + Reasons.of(e), e);
        }
        if (attributes.isDirectory()) {
            throw new UnreadableInputException(file + " is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new UnreadableInputException(file + " is not a regular file (a pipe, device or socket); give the " + what
                    + " as a file on disk");
        }
        long size = attributes.size();
        if (size > maxBytes) {
            throw new UnreadableInputException(file + " is " + bytes(size) + "; a " + what + " is read whole and may be at "
                    + "most " + bytes(maxBytes));
        }
        return size;
    }

    /**
     * Reads a file whole after {@link #checkRegularFile}; never more than {@code maxBytes}, even if
     * the file grows while it is read.
     */
    public static byte[] readAll(Path path, String what, long maxBytes) throws UnreadableInputException {
        checkRegularFile(path, what, maxBytes);
        String file = name(path);
        try (InputStream in = Files.newInputStream(path)) {
            // The size first, so the bytes land in one array in large reads: reading in 8 KB steps took 15 ms
            // for a 6 MB file. Not trusted: a file can grow (read on to its end) or report size 0 (read in steps).
            long size = Math.min(Files.size(path), maxBytes + 1);
            byte[] sized = new byte[(int) size];
            int got = 0;
            while (got < sized.length) {
                // 1 MB at a time: the JDK reads through a native buffer as large as each read, and keeps it.
                int n = in.read(sized, got, Math.min(sized.length - got, 1 << 20));
                if (n < 0) {
                    break;
                }
                got += n;
            }
            byte[] rest = in.readNBytes((int) Math.min(maxBytes + 1 - got, Integer.MAX_VALUE - 8));
            byte[] bytes = got == sized.length && rest.length == 0 ? sized : concat(sized, got, rest);
            if (bytes.length > maxBytes) {
                throw new UnreadableInputException(file + " is larger than " + bytes(maxBytes) + "; a " + what
                        + " is read whole and may be at most that");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": file not found (" + path.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + Reasons.of(e), e);
        }
    }

    private static byte[] concat(byte[] first, int firstLength, byte[] second) {
        byte[] all = java.util.Arrays.copyOf(first, firstLength + second.length);
        System.arraycopy(second, 0, all, firstLength, second.length);
        return all;
    }

    /**
     * Bounds a count or length declared inside a file before anything is allocated for it.
     *
     * @param value     the declared value
     * @param max       the largest value that can be genuine (derived from the file's size, or an absolute limit)
     * @param file      the file's name
     * @param what      what the value counts, as the file names it ({@code "num_feature"})
     * @return the value as an int, known to be in {@code [0, max]}
     */
    public static int declaredCount(long value, long max, String file, String what) throws UnreadableInputException {
        if (value < 0) {
            throw new UnreadableInputException(file + ": " + what + " is " + value + ", a negative count; the file is damaged");
        }
        if (value > max || value > Integer.MAX_VALUE - 8) {
            throw new UnreadableInputException(file + ": " + what + " is " + value + ", more than the file can hold ("
                    + "at most " + Math.min(max, Integer.MAX_VALUE - 8) + "); the file is damaged or hostile");
        }
        return (int) value;
    }

    /**
     * Refuses outputs that would overwrite an input or each other: real paths are compared (after
     * symlinks and {@code ..}), and existing files also by identity (a hard link is the same file).
     *
     * @param inputs  each input by the option or role that named it ({@code --train}), null paths ignored
     * @param outputs each output the same way
     */
    public static void checkOutputs(java.util.Map<String, Path> inputs, java.util.Map<String, Path> outputs)
            throws UnreadableInputException {
        java.util.List<java.util.Map.Entry<String, Path>> seen = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, Path> output : outputs.entrySet()) {
            if (output.getValue() == null) {
                continue;
            }
            for (java.util.Map.Entry<String, Path> input : inputs.entrySet()) {
                if (input.getValue() != null && sameFile(output.getValue(), input.getValue())) {
                    throw new UnreadableInputException(output.getKey() + " names " + name(output.getValue()) + ", the "
                            + input.getKey() + " input: a report never overwrites an input; choose another file");
                }
            }
            for (java.util.Map.Entry<String, Path> earlier : seen) {
                if (sameFile(output.getValue(), earlier.getValue())) {
                    throw new UnreadableInputException(earlier.getKey() + " and " + output.getKey() + " both name "
                            + name(output.getValue()) + ": one report would replace the other; give each its own file");
                }
            }
            seen.add(output);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        if (realPath(a).equals(realPath(b))) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The real path (symlinks resolved) of an existing file, or the normalized absolute path of one not yet made. */
    public static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            Path absolute = path.toAbsolutePath().normalize();
            Path parent = absolute.getParent();
            if (parent != null && Files.isDirectory(parent)) {
                try {
                    return parent.toRealPath().resolve(absolute.getFileName());
                } catch (IOException ignored) {
                    // Fall through to the plain absolute path.
                }
            }
            return absolute;
        }
    }

    /**
     * Where and why a JSON file did not parse, for a message: "line 3, column 7: ..." or, for a
     * safety limit hit (nesting depth, text or number length), which limit, since Jackson gives
     * those no location.
     */
    public static String jsonProblem(com.fasterxml.jackson.core.JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        // "... exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)": drop the API name.
        message = message.replaceAll(",? ?from `[^`]*`", "").lines().findFirst().orElse(message).strip();
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return "it exceeds a safety limit of the reader: " + message;
        }
        com.fasterxml.jackson.core.JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return message;
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + message;
    }

    /** The file name alone, for messages. */
    public static String name(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    /** A size for people: 1.5 GB, 16 MB, 812 bytes. */
    public static String bytes(long size) {
        if (size >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", size / (double) (1L << 30));
        }
        if (size >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", size / (double) (1L << 20));
        }
        if (size >= 1L << 10) {
            return String.format(Locale.ROOT, "%.0f KB", size / (double) (1L << 10));
        }
        return size + " bytes";
    }

    /**
     * The hex SHA-256 of a file's bytes, read in blocks (a large file is not held); remembered between runs for a
     * file that has not changed ({@link DigestCache}).
     */
    public static String sha256(Path path) throws UnreadableInputException {
        try {
            return DigestCache.STANDARD.sha256(path);
        } catch (IOException e) {
            throw new UnreadableInputException(name(path) + " cannot be read: " + Reasons.of(e), e);
        }
    }
}
