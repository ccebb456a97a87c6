"""Hostile ONNX models of issue 19, built with the onnx protobuf schema (Debian's python3-onnx).

Run here: /usr/bin/python3 make_hostile_onnx.py
Each is the linear regression of ../model/make_onnx_fixtures.py (y = x @ W + b, 4 inputs) with one
hostile change. None may reach ONNX Runtime: ModelLens refuses them from the protobuf.
- external-data.onnx: W's data lies in an external file "weights.bin" (external_data + data_location).
- memory-address.onnx: W's external location is the tag */_ORT_MEM_ADDR_/*, which makes ONNX
  Runtime read the offset as a memory address (SIGSEGV of the whole JVM).
- location-only.onnx: W says data_location EXTERNAL without any external_data entry.
- external-in-subgraph.onnx: the external tensor hides in a Constant node inside an If's branch.
- constant-of-shape.onnx: adds ConstantOfShape of shape [2^31] (8 GB of float32 in native memory).
- constant-of-shape-node.onnx: the same, its shape given by a Constant node instead of an initializer.
"""
import onnx
from onnx import TensorProto, helper

W = [0.5, -2.0, 1.5, 0.25]
B = 3.0

x = helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 4])
y = helper.make_tensor_value_info("variable", TensorProto.FLOAT, ["N", 1])
b = helper.make_tensor("B", TensorProto.FLOAT, [1], [B])
linear = [helper.make_node("MatMul", ["input", "W"], ["xw"]), helper.make_node("Add", ["xw", "B"], ["variable"])]


def save(nodes, initializers, name, outputs=None):
    graph = helper.make_graph(nodes, "hostile", [x], outputs or [y], initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("org.example.hostile", 1)])
    model.ir_version = 8
    # No check_model: it would look for the external files, which do not exist on purpose.
    with open(name, "wb") as f:
        f.write(model.SerializeToString())


def external_w(location, entries=True):
    w = TensorProto()
    w.name = "W"
    w.data_type = TensorProto.FLOAT
    w.dims.extend([4, 1])
    if entries:
        for key, value in (("location", location), ("offset", "4096"), ("length", "16")):
            entry = w.external_data.add()
            entry.key = key
            entry.value = value
    w.data_location = TensorProto.EXTERNAL
    return w


save(linear, [external_w("weights.bin"), b], "external-data.onnx")
save(linear, [external_w("*/_ORT_MEM_ADDR_/*"), b], "memory-address.onnx")
save(linear, [external_w("", entries=False), b], "location-only.onnx")

w = helper.make_tensor("W", TensorProto.FLOAT, [4, 1], W)
hidden = external_w("weights.bin")
hidden.name = "hidden"
then_branch = helper.make_graph([helper.make_node("Constant", [], ["t"], value=hidden)], "then", [],
                                [helper.make_tensor_value_info("t", TensorProto.FLOAT, [4, 1])])
else_branch = helper.make_graph([helper.make_node("Constant", [], ["e"], value=helper.make_tensor("e0", TensorProto.FLOAT, [4, 1], W))],
                                "else", [], [helper.make_tensor_value_info("e", TensorProto.FLOAT, [4, 1])])
cond = helper.make_tensor("cond", TensorProto.BOOL, [], [True])
save([helper.make_node("If", ["cond"], ["W"], then_branch=then_branch, else_branch=else_branch)] + linear,
     [cond, b], "external-in-subgraph.onnx")

huge = helper.make_tensor("shape", TensorProto.INT64, [1], [2 ** 31])
big = helper.make_tensor_value_info("big", TensorProto.FLOAT, [2 ** 31])
save(linear + [helper.make_node("ConstantOfShape", ["shape"], ["big"])], [w, b, huge], "constant-of-shape.onnx", [y, big])
save(linear + [helper.make_node("Constant", [], ["shape"], value=huge),
               helper.make_node("ConstantOfShape", ["shape"], ["big"], name="fill")],
     [w, b], "constant-of-shape-node.onnx", [y, big])

# - unknown-op.onnx: an operator ONNX Runtime does not know; Runtime refuses it (and, unless told to be
#   quiet, prints its own coloured log with C++ paths before ModelLens's one line).
save([helper.make_node("NoSuchOperator", ["input"], ["xw"], domain="org.example.hostile"),
      helper.make_node("Add", ["xw", "B"], ["variable"])], [b], "unknown-op.onnx")

# - unused-initializer.onnx: a valid model with an initializer no node uses; ONNX Runtime drops it at
#   load time and, at its default log level, says so in a coloured warning with C++ paths.
w = helper.make_tensor("W", TensorProto.FLOAT, [4, 1], W)
save(linear, [w, b, helper.make_tensor("unused", TensorProto.FLOAT, [1], [0.0])], "unused-initializer.onnx")
