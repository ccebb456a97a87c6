package org.modellens.model;

/**
 * A model as read from its file.
 *
 * @param model         the model; when the file names no features they are f0, f1, ...
 * @param namesFeatures whether the file names the model's input columns
 */
public record ModelFile(Model model, boolean namesFeatures) {
}
