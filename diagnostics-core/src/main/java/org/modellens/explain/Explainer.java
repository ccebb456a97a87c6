package org.modellens.explain;

import org.modellens.model.FeatureMatrix;

/** Computes feature attributions for rows of a feature matrix. Implementations are thread-safe. */
public interface Explainer {

    /** tree-shap, kernel-shap, permutation-shap or lime. */
    String method();

    /** margin or probability: the output the attributions add up to. */
    String space();

    /**
     * Attributions for the given rows. For a multiclass model each row is explained for its most
     * likely class.
     */
    Attributions explain(FeatureMatrix matrix, int[] rows);

    /**
     * Attributions for the given rows, each explained for the given output group (class) rather than
     * its most likely one.
     *
     * @param groups per row, the output group to explain
     */
    Attributions explain(FeatureMatrix matrix, int[] rows, int[] groups);
}
