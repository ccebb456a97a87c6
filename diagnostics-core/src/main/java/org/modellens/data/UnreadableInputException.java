package org.modellens.data;

/**
 * An input file that cannot be analysed. The message is written for the user and names the file,
 * and the row and column where they apply; callers show it as is, without a stack trace.
 *
 * <p>The message is always one line: text quoted from a damaged file or a library's own message
 * (Jackson's end with a line break and a location) would otherwise split it.
 */
public final class UnreadableInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableInputException(String message) {
        super(oneLine(message));
    }

    public UnreadableInputException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message == null ? null : message.replaceAll("\\s*\\R\\s*", " ");
    }
}
