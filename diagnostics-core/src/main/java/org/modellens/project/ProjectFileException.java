package org.modellens.project;

/** A project file that cannot be read or written; the message names the file and says why. */
public final class ProjectFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProjectFileException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProjectFileException(String message) {
        super(message);
    }
}
