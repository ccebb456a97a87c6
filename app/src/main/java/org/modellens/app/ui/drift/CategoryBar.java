package org.modellens.app.ui.drift;

/**
 * One category's share on each side.
 *
 * @param label  the category
 * @param train  share of training values
 * @param prod   share of production values
 * @param unseen true when training never saw it
 */
public record CategoryBar(String label, double train, double prod, boolean unseen) {
}
