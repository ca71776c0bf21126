package org.prunelab.nn.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.List;

/**
 * One ONNX node as the importer sees it: its attributes and its inputs resolved to activations or
 * known tensors (null for an omitted optional input), with checks that say which input is wrong.
 */
final class NodeInputs {
  final NodeProto node;
  final OnnxAttributes attrs;
  private final List<OnnxValue> inputs;

  NodeInputs(NodeProto node, List<OnnxValue> inputs) {
    this.node = node;
    this.attrs = new OnnxAttributes(node);
    this.inputs = inputs;
  }

  String op() {
    return node.getOpType();
  }

  int count() {
    return inputs.size();
  }

  boolean present(int i) {
    return i < inputs.size() && inputs.get(i) != null;
  }

  boolean isKnown(int i) {
    return present(i) && inputs.get(i) instanceof OnnxValue.Known;
  }

  boolean allKnown() {
    return inputs.stream().allMatch(v -> v == null || v instanceof OnnxValue.Known);
  }

  /** Input i, which must be an activation (data flowing from the network input). */
  OnnxValue.Activation activation(int i) {
    if (!present(i)) {
      throw new IllegalArgumentException("input " + i + " is missing");
    }
    if (inputs.get(i) instanceof OnnxValue.Activation a) {
      return a;
    }
    throw new IllegalArgumentException(
        "input "
            + i
            + " ('"
            + node.getInput(i)
            + "') is a constant where PruneLab "
            + "needs the activation flowing from the network input");
  }

  /**
   * Input i, which must be known at import (an initializer, a Constant or a foldable shape
   * computation).
   */
  ConstTensor known(int i, String what) {
    if (!present(i)) {
      throw new IllegalArgumentException("the " + what + " (input " + i + ") is missing");
    }
    if (inputs.get(i) instanceof OnnxValue.Known k) {
      return k.tensor();
    }
    throw new IllegalArgumentException(
        "the "
            + what
            + " (input "
            + i
            + ", '"
            + node.getInput(i)
            + "') is computed "
            + "from the network input; PruneLab needs it as an initializer or constant: export with "
            + "do_constant_folding=True");
  }

  /** Input i if known, null when omitted. */
  ConstTensor optionalKnown(int i, String what) {
    return present(i) ? known(i, what) : null;
  }
}
