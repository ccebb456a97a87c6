#!/usr/bin/python3
"""Builds ONNX-ML TreeEnsembleClassifier / TreeEnsembleRegressor files from scikit-learn tree ensembles.

skl2onnx is not installable here, so this script writes what skl2onnx writes, from the fitted trees'
own arrays (tree_.feature, threshold, children_left/right, value; HistGradientBoosting's predictor
nodes): BRANCH_LEQ nodes with the true branch on the left, leaf weights per class (classifiers) or
target (regressors), post_transform and base_values as the estimator's decision function needs. The
graph is the tree operator alone, input "X" float [N, 6], outputs "label" and "probabilities" (no
ZipMap) or "variable"; the feature names go into the metadata property feature_names.

Run with Debian's packages: /usr/bin/python3 make_sklearn_onnx_trees.py  (python3-sklearn 1.2,
python3-onnx 1.12). The Java test scores the files with ONNX Runtime and compares.
"""
import numpy as np
import onnx
from onnx import TensorProto, helper
from sklearn.ensemble import (ExtraTreesRegressor, GradientBoostingClassifier, GradientBoostingRegressor,
                              HistGradientBoostingClassifier, HistGradientBoostingRegressor,
                              RandomForestClassifier)

FEATURES = ["income", "ratio", "age", "region", "tenure", "score"]
rng = np.random.default_rng(20261130)


def data(n, missing):
    x = np.column_stack([
        rng.normal(50_000, 20_000, n).round(),
        rng.uniform(-0.5, 1.5, n),
        rng.integers(18, 78, n).astype(float),
        rng.integers(0, 6, n).astype(float),   # a category code, split numerically by scikit-learn
        rng.exponential(5, n).round(1),
        rng.normal(0, 1, n),
    ])
    signal = (x[:, 0] - 50_000) / 25_000 + x[:, 1] + (x[:, 2] - 45) / 30 \
        + np.array([0.9, -0.6, 0.2, -1.1, 0.4, 0.0])[x[:, 3].astype(int)] + 0.5 * x[:, 5]
    if missing:
        for j, rate in [(0, 0.1), (1, 0.15), (5, 0.05)]:
            gone = rng.random(n) < rate
            x[gone, j] = np.nan
            signal[gone] += 1.5 if j == 5 else -0.5
    return x, signal


class Trees:
    """Accumulates the TreeEnsemble node and leaf attributes."""

    def __init__(self):
        self.nodes = {k: [] for k in ["treeids", "nodeids", "featureids", "values", "modes", "truenodeids",
                                      "falsenodeids", "missing_value_tracks_true"]}
        self.leaf = {k: [] for k in ["treeids", "nodeids", "ids", "weights"]}

    def node(self, tree, node, feature, value, mode, true, false, missing_true):
        for key, v in zip(self.nodes, [tree, node, feature, value, mode, true, false, missing_true]):
            self.nodes[key].append(v)

    def weight(self, tree, node, target, w):
        for key, v in zip(self.leaf, [tree, node, target, w]):
            self.leaf[key].append(v)

    def add_sklearn_tree(self, tree_id, tree, leaf_weights):
        """A sklearn Tree: node i splits X[feature] <= threshold, left child true; leaf_weights(i) -> [(target, w)]."""
        t = tree.tree_
        for i in range(t.node_count):
            if t.children_left[i] < 0:
                self.node(tree_id, i, 0, 0.0, "LEAF", 0, 0, 0)
                for target, w in leaf_weights(t, i):
                    self.weight(tree_id, i, target, w)
            else:
                self.node(tree_id, i, int(t.feature[i]), float(t.threshold[i]), "BRANCH_LEQ",
                          int(t.children_left[i]), int(t.children_right[i]), 0)

    def add_hist_tree(self, tree_id, predictor, target, scale=1.0):
        """A HistGradientBoosting TreePredictor: num_threshold, missing_go_to_left, left true."""
        for i, n in enumerate(predictor.nodes):
            if n["is_leaf"]:
                self.node(tree_id, i, 0, 0.0, "LEAF", 0, 0, 0)
                self.weight(tree_id, i, target, float(n["value"]) * scale)
            else:
                self.node(tree_id, i, int(n["feature_idx"]), float(n["num_threshold"]), "BRANCH_LEQ",
                          int(n["left"]), int(n["right"]), int(n["missing_go_to_left"]))


def save(name, trees, classifier, classes=None, post="NONE", base=None):
    n = trees.nodes
    attrs = dict(nodes_treeids=n["treeids"], nodes_nodeids=n["nodeids"], nodes_featureids=n["featureids"],
                 nodes_values=n["values"], nodes_modes=n["modes"], nodes_truenodeids=n["truenodeids"],
                 nodes_falsenodeids=n["falsenodeids"], nodes_missing_value_tracks_true=n["missing_value_tracks_true"],
                 post_transform=post)
    if base is not None:
        attrs["base_values"] = [float(b) for b in base]
    x = helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, len(FEATURES)])
    if classifier:
        l = trees.leaf
        attrs.update(class_treeids=l["treeids"], class_nodeids=l["nodeids"], class_ids=l["ids"],
                     class_weights=l["weights"], classlabels_int64s=[int(c) for c in classes])
        node = helper.make_node("TreeEnsembleClassifier", ["X"], ["label", "probabilities"], domain="ai.onnx.ml", **attrs)
        outputs = [helper.make_tensor_value_info("label", TensorProto.INT64, [None]),
                   helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, len(classes)])]
    else:
        l = trees.leaf
        attrs.update(target_treeids=l["treeids"], target_nodeids=l["nodeids"], target_ids=l["ids"],
                     target_weights=l["weights"], n_targets=1, aggregate_function="SUM")
        node = helper.make_node("TreeEnsembleRegressor", ["X"], ["variable"], domain="ai.onnx.ml", **attrs)
        outputs = [helper.make_tensor_value_info("variable", TensorProto.FLOAT, [None, 1])]
    graph = helper.make_graph([node], name, [x], outputs)
    model = helper.make_model(graph, producer_name="make_sklearn_onnx_trees.py",
                              opset_imports=[helper.make_opsetid("", 15), helper.make_opsetid("ai.onnx.ml", 3)])
    model.ir_version = 8
    helper.set_model_props(model, {"feature_names": ",".join(FEATURES)})
    onnx.checker.check_model(model)
    onnx.save(model, name + ".onnx")
    print(name, len(n["treeids"]), "nodes")


x, s = data(1500, missing=False)
y_binary = (rng.random(len(s)) < 1 / (1 + np.exp(-s))).astype(int)
y_class = np.where(s + rng.normal(0, 1, len(s)) < -0.5, 0, np.where(s + rng.normal(0, 1, len(s)) < 1, 1, 2))
y_reg = 3 * s + rng.normal(0, 1, len(s))

# RandomForestClassifier, 3 classes: probabilities averaged over trees (weights value / n_estimators).
rf = RandomForestClassifier(n_estimators=20, max_depth=6, min_samples_leaf=5, random_state=1).fit(x, y_class)
trees = Trees()
for k, est in enumerate(rf.estimators_):
    trees.add_sklearn_tree(k, est, lambda t, i: [(c, float(t.value[i][0][c] / t.value[i][0].sum() / len(rf.estimators_)))
                                                 for c in range(3)])
save("random-forest-multiclass", trees, True, rf.classes_)

# RandomForestClassifier, binary: both classes' weights, as skl2onnx writes them.
rfb = RandomForestClassifier(n_estimators=15, max_depth=5, min_samples_leaf=5, random_state=2).fit(x, y_binary)
trees = Trees()
for k, est in enumerate(rfb.estimators_):
    trees.add_sklearn_tree(k, est, lambda t, i: [(c, float(t.value[i][0][c] / t.value[i][0].sum() / len(rfb.estimators_)))
                                                 for c in range(2)])
save("random-forest-binary", trees, True, rfb.classes_)

# ExtraTreesRegressor: mean of the trees.
et = ExtraTreesRegressor(n_estimators=20, max_depth=6, min_samples_leaf=5, random_state=3).fit(x, y_reg)
trees = Trees()
for k, est in enumerate(et.estimators_):
    trees.add_sklearn_tree(k, est, lambda t, i: [(0, float(t.value[i][0][0] / len(et.estimators_)))])
save("extra-trees-regression", trees, False)

# GradientBoostingClassifier, binary: log-odds = init + lr * sum(leaf), LOGISTIC, one score column.
gb = GradientBoostingClassifier(n_estimators=30, max_depth=3, learning_rate=0.2, random_state=4).fit(x, y_binary)
trees = Trees()
for k, est in enumerate(gb.estimators_[:, 0]):
    trees.add_sklearn_tree(k, est, lambda t, i: [(0, float(t.value[i][0][0] * gb.learning_rate))])
init = gb._raw_predict_init(x[:1])[0]
save("gradient-boosting-binary", trees, True, gb.classes_, post="LOGISTIC", base=init)

# GradientBoostingRegressor: init + lr * sum(leaf).
gbr = GradientBoostingRegressor(n_estimators=30, max_depth=3, learning_rate=0.2, random_state=5).fit(x, y_reg)
trees = Trees()
for k, est in enumerate(gbr.estimators_[:, 0]):
    trees.add_sklearn_tree(k, est, lambda t, i: [(0, float(t.value[i][0][0] * gbr.learning_rate))])
save("gradient-boosting-regression", trees, False, base=gbr._raw_predict_init(x[:1])[0])

# HistGradientBoosting with missing values: missing_go_to_left becomes missing_value_tracks_true.
xm, sm = data(1500, missing=True)
ym_binary = (rng.random(len(sm)) < 1 / (1 + np.exp(-sm))).astype(int)
ym_class = np.where(sm + rng.normal(0, 1, len(sm)) < -0.5, 0, np.where(sm + rng.normal(0, 1, len(sm)) < 1, 1, 2))
ym_reg = 3 * sm + rng.normal(0, 1, len(sm))

hgb = HistGradientBoostingClassifier(max_iter=25, max_leaf_nodes=12, learning_rate=0.2, random_state=6).fit(xm, ym_binary)
trees = Trees()
for k, predictors in enumerate(hgb._predictors):
    trees.add_hist_tree(k, predictors[0], 0)
save("hist-gradient-boosting-binary", trees, True, hgb.classes_, post="LOGISTIC", base=[hgb._baseline_prediction.ravel()[0]])

hgm = HistGradientBoostingClassifier(max_iter=15, max_leaf_nodes=8, learning_rate=0.2, random_state=7).fit(xm, ym_class)
trees = Trees()
tree_id = 0
for predictors in hgm._predictors:
    for c, predictor in enumerate(predictors):
        trees.add_hist_tree(tree_id, predictor, c)
        tree_id += 1
save("hist-gradient-boosting-multiclass", trees, True, hgm.classes_, post="SOFTMAX",
     base=hgm._baseline_prediction.ravel())

hgr = HistGradientBoostingRegressor(max_iter=25, max_leaf_nodes=12, learning_rate=0.2, random_state=8).fit(xm, ym_reg)
trees = Trees()
for k, predictors in enumerate(hgr._predictors):
    trees.add_hist_tree(k, predictors[0], 0)
save("hist-gradient-boosting-regression", trees, False, base=[hgr._baseline_prediction.ravel()[0]])


