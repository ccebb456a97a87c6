/** Model loading and scoring: XGBoost and LightGBM tree ensembles, ONNX and Tribuo models, from declarative files only. */
package org.modellens.model;
