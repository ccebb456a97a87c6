package org.modellens.explain;

import org.modellens.model.FeatureMatrix;
import org.modellens.model.Model;
import org.modellens.model.TreeCovers;
import org.modellens.model.TreeEnsemble;

/**
 * Which explainer a model gets: exact TreeSHAP (margin space) for tree ensembles (XGBoost, LightGBM,
 * CatBoost, ONNX-ML trees, whose node covers are counted from the training rows); for every other
 * model (ONNX graphs, Tribuo) the model-agnostic permutation SHAP estimate over a training
 * background, in the model's output space.
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
        if (model instanceof TreeEnsemble ensemble && "onnx".equals(ensemble.type()) && background != null) {
            // ONNX trees store no training counts: count the training rows through each node.
            return new TreeShapExplainer(TreeCovers.fromRows(ensemble, background));
        }
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
