/**
 * The {@code .mlprofile} file: a mergeable summary of a snapshot too large for one machine (exact
 * counts and moments, bounded category counts, DataSketches KLL and HLL sketches, row-hash duplicate
 * counts and a seeded uniform row sample), its builder, its merge and its binary encoding; see
 * {@link org.modellens.profile.format.Profile}.
 */
package org.modellens.profile.format;
