"""ONNX fixtures built with the onnx protobuf schema (Debian's python3-onnx); no converter needed.

Run here: /usr/bin/python3 make_onnx_fixtures.py
- linear.onnx: y = x @ W + b on 4 float inputs, output [N, 1] (a regression); expected outputs and
  exact SHAP values are closed-form, so the tests state them directly.
- logistic.onnx: p = sigmoid(x @ w + b), outputs [N, 2] probabilities (1 - p, p): a binary classifier;
  metadata_props feature_names names its inputs.
- two-inputs.onnx: a graph with two input tensors (refused by ModelLens).
"""
import onnx
from onnx import TensorProto, helper

W = [0.5, -2.0, 1.5, 0.25]
B = 3.0


def save(graph, name, features=None):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    if features:
        entry = model.metadata_props.add()
        entry.key = "feature_names"
        entry.value = ",".join(features)
    onnx.checker.check_model(model)
    onnx.save(model, name)


x = helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 4])
w = helper.make_tensor("W", TensorProto.FLOAT, [4, 1], W)
b = helper.make_tensor("B", TensorProto.FLOAT, [1], [B])
y = helper.make_tensor_value_info("variable", TensorProto.FLOAT, ["N", 1])
save(helper.make_graph([helper.make_node("MatMul", ["input", "W"], ["xw"]),
                        helper.make_node("Add", ["xw", "B"], ["variable"])],
                       "linear", [x], [y], [w, b]), "linear.onnx")

one = helper.make_tensor("one", TensorProto.FLOAT, [1], [1.0])
probs = helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 2])
save(helper.make_graph([helper.make_node("MatMul", ["input", "W"], ["xw"]),
                        helper.make_node("Add", ["xw", "B"], ["z"]),
                        helper.make_node("Sigmoid", ["z"], ["p"]),
                        helper.make_node("Sub", ["one", "p"], ["q"]),
                        helper.make_node("Concat", ["q", "p"], ["probabilities"], axis=1)],
                       "logistic", [x], [probs], [w, b, one]), "logistic.onnx", ["a", "b", "c", "d"])

x2 = helper.make_tensor_value_info("other", TensorProto.FLOAT, ["N", 4])
save(helper.make_graph([helper.make_node("Add", ["input", "other"], ["variable"])],
                       "two", [x, x2], [helper.make_tensor_value_info("variable", TensorProto.FLOAT, ["N", 4])]),
     "two-inputs.onnx")
