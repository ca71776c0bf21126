package org.prunelab.nn.onnx;

import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.prunelab.nn.layer.Layer;

/**
 * What the operator mappings share while importing one graph: the planned network, the opset, the batch size the
 * file declares (0 when symbolic), and how many readers each ONNX value has. Also names new nodes after their ONNX
 * node or, for nodes with weights, after the weight initializer (so {@code layer1.0.conv1.weight} stays the
 * parameter's name).
 */
final class MappingContext {
  final PlannedGraph plan;
  final int opset;
  final long declaredBatch;
  private final Map<String, Integer> readers;

  MappingContext(PlannedGraph plan, int opset, long declaredBatch, Map<String, Integer> readers) {
    this.plan = plan;
    this.opset = opset;
    this.declaredBatch = declaredBatch;
    this.readers = readers;
  }

  /** How many nodes (and graph outputs) read the ONNX value. */
  int readers(String value) {
    return readers.getOrDefault(value, 0);
  }

  /** A fresh node name for the ONNX node: its weight's name without ".weight" if it has one, else its own name. */
  String nameFor(NodeInputs in, int weightInput) {
    if (weightInput >= 0 && weightInput < in.node.getInputCount()) {
      String w = in.node.getInput(weightInput);
      if (w.endsWith(".weight") && w.length() > ".weight".length()) {
        return plan.freeName(w.substring(0, w.length() - ".weight".length()), in.op().toLowerCase());
      }
    }
    return plan.freeName(label(in), in.op().toLowerCase());
  }

  /** The ONNX node's name, or its first output's when it has none. */
  static String label(NodeInputs in) {
    String n = in.node.getName();
    return n.isEmpty() && in.node.getOutputCount() > 0 ? in.node.getOutput(0) : n;
  }

  /** Adds a node and returns its output as an activation. */
  OnnxValue.Activation emit(String name, Layer layer, Map<String, float[]> params, String... inputs) {
    PlannedGraph.Planned p = plan.add(name, layer, params, inputs);
    return new OnnxValue.Activation(p.name, p.shape);
  }

  /** Refuses a node whose extra outputs (a Dropout mask, MaxPool indices, training statistics) are read. */
  void requireUnusedOutputs(NodeInputs in, int from, String what) {
    for (int i = from; i < in.node.getOutputCount(); i++) {
      String out = in.node.getOutput(i);
      if (!out.isEmpty() && readers(out) > 0) {
        throw new IllegalArgumentException("its output " + i + " (" + what + ") is used; PruneLab maps only the "
            + "first output of " + in.op() + ": export the model in eval mode");
      }
    }
  }

  static int toInt(long v, String what) {
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(what + " " + v + " is out of range");
    }
    return (int) v;
  }

  /** The per-sample shape with the batch axis in front, its size unknown (-1). */
  static long[] batched(Shape sample) {
    long[] out = new long[sample.dimension() + 1];
    out[0] = -1;
    System.arraycopy(sample.getShape(), 0, out, 1, sample.dimension());
    return out;
  }
}
