package org.modellens.explain;

import org.modellens.model.FeatureMatrix;
import org.modellens.model.Model;
import org.modellens.model.TreeEnsemble;

/**
 * Which explainer a model gets: exact TreeSHAP (margin space) for XGBoost and LightGBM tree
 * ensembles; for every other model (ONNX, Tribuo) the model-agnostic permutation SHAP estimate over
 * a training background, in the model's output space.
 */
public final class Explainers {

    private Explainers() {
    }

    /**
     * @param background training inputs the model-agnostic estimate draws absent features from;
     *                   may be {@code null} for tree ensembles
     * @return the explainer, or {@code null} when a model-agnostic estimate has no scorable training row
     */
    public static Explainer forModel(Model model, FeatureMatrix background, int permutations, int backgroundRows, long seed) {
        // Without node covers (XGBoost's multi-output trees before 3.2) path-dependent TreeSHAP is undefined.
        if (model instanceof TreeEnsemble ensemble && ensemble.hasCovers()) {
            return new TreeShapExplainer(ensemble);
        }
        int[] sample = background == null ? new int[0] : ModelExplanations.sample(background, backgroundRows, seed);
        if (sample.length == 0) {
            return null; // no scorable training row to draw absent features from
        }
        return new PermutationShapExplainer(model, background.select(sample), permutations, seed);
    }
}
