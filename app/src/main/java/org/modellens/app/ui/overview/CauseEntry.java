package org.modellens.app.ui.overview;

import org.modellens.checks.Finding;

/**
 * A line of the causes tree: a cause, or one of its findings.
 *
 * @param cause   the cause, on both kinds of line
 * @param finding the finding, or {@code null} on the cause's own line
 */
record CauseEntry(CauseRow cause, Finding finding) {
}
