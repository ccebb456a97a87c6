package org.modellens.model;

/**
 * Sane limits for what a model file declares, checked before anything is allocated for it (with
 * {@link org.modellens.data.InputFiles#declaredCount}). Real models stay far inside them; a file
 * beyond them is damaged or built to exhaust memory.
 */
public final class ModelLimits {

    /** Input features of one model: data with more columns is not read either. */
    public static final int MAX_FEATURES = 1_000_000;
    /**
     * Splits on one root-to-leaf path. Boosted trees are rarely deeper than a few dozen; TreeSHAP's
     * working memory grows with the square of the depth and its recursion with the depth.
     */
    public static final int MAX_TREE_DEPTH = 1_000;

    private ModelLimits() {
    }
}
