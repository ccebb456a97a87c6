package org.modellens.app.ui;

/**
 * An error to show the user in a dialog: a title and one readable message (file, row and column
 * where they apply), with the technical detail kept apart and folded away.
 */
public record UserError(String title, String message, String detail) {
}
