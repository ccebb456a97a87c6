package org.modellens.profile;

/** A category label with its number of rows and share of the non-missing rows. */
public record CategoryCount(String label, long count, double share) {
}
