package org.modellens.data;

/**
 * An input file that cannot be analysed. The message is written for the user and names the file,
 * and the row and column where they apply; callers show it as is, without a stack trace.
 */
public final class UnreadableInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableInputException(String message) {
        super(message);
    }

    public UnreadableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
