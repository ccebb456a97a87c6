package org.modellens.data;

import java.util.regex.Pattern;

/**
 * Turns a library's exception into the short reason a user message ends with: its first line,
 * without the Java class names that wrapping exceptions put in front ({@code java.io.IOException: }),
 * at most 200 characters. The exception itself stays the cause, for logs.
 */
final class Reasons {

    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*:\\s*");
    private static final int MAX_LENGTH = 200;

    private Reasons() {
    }

    static String of(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getCause() != null ? of(e.getCause()) : e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(0, newline)).strip();
        String stripped;
        while (!(stripped = CLASS_PREFIX.matcher(line).replaceFirst("")).equals(line)) {
            line = stripped;
        }
        if (line.isEmpty()) {
            line = e.getClass().getSimpleName();
        }
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "...";
    }
}
