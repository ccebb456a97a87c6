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
     */
    public static Explainer forModel(Model model, FeatureMatrix background, int permutations, int backgroundRows, long seed) {
        if (model instanceof TreeEnsemble ensemble) {
            return new TreeShapExplainer(ensemble);
        }
        if (background == null) {
            return null;
        }
        return new PermutationShapExplainer(model,
                background.select(ModelExplanations.sample(background, backgroundRows, seed)), permutations, seed);
    }
}
