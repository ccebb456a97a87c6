package org.modellens;

import org.modellens.data.UnreadableInputException;

/**
 * The one line the tool's outermost layer (command line, launcher, the workbench's background task)
 * shows for a failure it did not expect, instead of a stack trace. An input that exhausts memory or
 * the stack is the input's doing as far as the user can act on it; anything else is our bug, said
 * plainly with the little a bug report needs.
 */
public final class Failures {

    private Failures() {
    }

    /** One line for the user, without Java class names. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root
                && (root instanceof java.util.concurrent.CompletionException
                || root instanceof java.util.concurrent.ExecutionException
                || root instanceof java.io.UncheckedIOException
                || root instanceof java.lang.reflect.InvocationTargetException)) {
            root = root.getCause();
        }
        if (root instanceof OutOfMemoryError) {
            return "out of memory: the input is too large for this machine's memory, or a file declares sizes it does not "
                    + "hold; check the files, or give Java more memory (-Xmx)";
        }
        if (root instanceof StackOverflowError) {
            return "an input nests too deeply to be read (a tree or document thousands of levels deep); the file is damaged "
                    + "or hostile";
        }
        if (root instanceof UnreadableInputException || root instanceof IllegalArgumentException) {
            return firstLine(root.getMessage(), root);
        }
        return "internal error (" + kind(root) + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage(), root))
                + "); please report it with the command that caused it";
    }

    private static String kind(Throwable t) {
        // "NullPointerException" -> "null pointer": users read words, not class names.
        String simple = t.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
        return simple.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String message, Throwable t) {
        if (message == null || message.isBlank()) {
            return kind(t);
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
