#!/usr/bin/python3
"""A small credit case whose target is text: loan_status is "default" or "repaid", and a scikit-learn
GradientBoostingClassifier fitted on those labels, written as an ONNX-ML TreeEnsembleClassifier with
classlabels_strings (what skl2onnx writes for string classes; skl2onnx is not installable here, so the
trees are written from the fitted estimator's own arrays as in model/onnx-trees/make_sklearn_onnx_trees.py).
scikit-learn orders the classes alphabetically: "default", "repaid"; the model scores P(repaid).
Production: incomes fell by a third and defaults rose, so the reports have drift, label drift and a
prediction shift to word by the labels.

Run with Debian's packages: /usr/bin/python3 make_text_labels_case.py  (python3-sklearn 1.2, python3-onnx 1.12).
"""
import csv

import numpy as np
import onnx
from onnx import TensorProto, helper
from sklearn.ensemble import GradientBoostingClassifier

FEATURES = ["income", "debt_ratio", "age"]
rng = np.random.default_rng(20261130)


def data(n, income_scale):
    x = np.column_stack([
        (rng.normal(52_000, 15_000, n) * income_scale).round(),
        rng.uniform(0, 1.2, n).round(3),
        rng.integers(19, 75, n).astype(float),
    ])
    logit = 1.4 + (x[:, 0] - 52_000) / 20_000 - 2.0 * x[:, 1] + (x[:, 2] - 45) / 40
    repaid = rng.random(n) < 1 / (1 + np.exp(-logit))
    return x, np.where(repaid, "repaid", "default")


def write(name, x, y):
    with open(name, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(FEATURES + ["loan_status"])
        for row, label in zip(x, y):
            out.writerow([int(row[0]), row[1], int(row[2]), label])


x_train, y_train = data(3000, 1.0)
x_prod, y_prod = data(2000, 0.67)
write("train.csv", x_train, y_train)
write("prod.csv", x_prod, y_prod)

gb = GradientBoostingClassifier(n_estimators=25, max_depth=3, learning_rate=0.2, random_state=4).fit(x_train, y_train)
assert list(gb.classes_) == ["default", "repaid"]
nodes = {k: [] for k in ["treeids", "nodeids", "featureids", "values", "modes", "truenodeids", "falsenodeids"]}
leaf = {k: [] for k in ["treeids", "nodeids", "ids", "weights"]}
for k, est in enumerate(gb.estimators_[:, 0]):
    t = est.tree_
    for i in range(t.node_count):
        leafy = t.children_left[i] < 0
        for key, v in zip(nodes, [k, i, 0 if leafy else int(t.feature[i]), 0.0 if leafy else float(t.threshold[i]),
                                  "LEAF" if leafy else "BRANCH_LEQ", 0 if leafy else int(t.children_left[i]),
                                  0 if leafy else int(t.children_right[i])]):
            nodes[key].append(v)
        if leafy:
            for key, v in zip(leaf, [k, i, 0, float(t.value[i][0][0] * gb.learning_rate)]):
                leaf[key].append(v)
init = float(gb._raw_predict_init(x_train[:1])[0][0])
node = helper.make_node(
    "TreeEnsembleClassifier", ["X"], ["label", "probabilities"], domain="ai.onnx.ml",
    nodes_treeids=nodes["treeids"], nodes_nodeids=nodes["nodeids"], nodes_featureids=nodes["featureids"],
    nodes_values=nodes["values"], nodes_modes=nodes["modes"], nodes_truenodeids=nodes["truenodeids"],
    nodes_falsenodeids=nodes["falsenodeids"], class_treeids=leaf["treeids"], class_nodeids=leaf["nodeids"],
    class_ids=leaf["ids"], class_weights=leaf["weights"], classlabels_strings=["default", "repaid"],
    post_transform="LOGISTIC", base_values=[init])
graph = helper.make_graph([node], "text-labels", [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, 3])],
                          [helper.make_tensor_value_info("label", TensorProto.STRING, [None]),
                           helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, 2])])
model = helper.make_model(graph, producer_name="make_text_labels_case.py",
                          opset_imports=[helper.make_opsetid("", 15), helper.make_opsetid("ai.onnx.ml", 3)])
model.ir_version = 8
helper.set_model_props(model, {"feature_names": ",".join(FEATURES)})
onnx.checker.check_model(model)
onnx.save(model, "model.onnx")
# The oracle: scikit-learn's P(repaid) for the first production rows, to check the file scores as the estimator does.
with open("oracle.csv", "w", newline="") as f:
    out = csv.writer(f)
    out.writerow(["row", "p_repaid"])
    for r, p in enumerate(gb.predict_proba(x_prod[:20].astype(np.float32))[:, 1]):
        out.writerow([r, repr(float(p))])
print("train", (y_train == "default").mean(), "prod", (y_prod == "default").mean())
