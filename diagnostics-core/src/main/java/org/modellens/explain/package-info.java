/** Feature attributions: exact TreeSHAP for tree ensembles, a model-agnostic SHAP estimate, global importance and its drift. */
package org.modellens.explain;
