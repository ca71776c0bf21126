package org.prunelab.nn.onnx;

import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Map;
import org.prunelab.nn.layer.Layer;

/**
 * What the operator mappings share while importing one graph: the planned network, the opset, the
 * batch size the file declares (0 when symbolic), and how many readers each ONNX value has. Also
 * names new nodes after their ONNX node or, for nodes with weights, after the weight initializer
 * (so {@code layer1.0.conv1.weight} stays the parameter's name).
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

  /**
   * A fresh node name for the ONNX node. A node with weights is named after its weight without
   * ".weight" ({@code layer1.0.conv1.weight}) or, when the exporter renamed the weight (BatchNorm
   * folding gives {@code onnx::Conv_111}), after the PyTorch module in its scope ({@code
   * /layer1/layer1.0/conv1/Conv} is module {@code layer1.0.conv1}). Other nodes get their module
   * and operator ({@code layer1.0.Relu_1}), or their own name when it is not a scope.
   */
  String nameFor(NodeInputs in, int weightInput) {
    String fallback = in.op().toLowerCase(Locale.ROOT);
    boolean weighted = weightInput >= 0 && weightInput < in.node.getInputCount();
    if (weighted) {
      String w = in.node.getInput(weightInput);
      if (w.endsWith(".weight") && w.length() > ".weight".length()) {
        return plan.freeName(w.substring(0, w.length() - ".weight".length()), fallback);
      }
    }
    String label = label(in);
    String[] scope = label.startsWith("/") ? label.substring(1).split("/") : new String[0];
    if (scope.length < 2) {
      return plan.freeName(label, fallback);
    }
    // the exporter writes a Sequential's children with the Sequential's name in front
    // ("/layer1/layer1.0/conv1")
    String parent = "";
    String last = "";
    for (int i = 0; i < scope.length - 1; i++) {
      if (last.isEmpty() || !scope[i].startsWith(last + ".")) {
        parent = join(parent, last);
      }
      last = scope[i];
    }
    String module = join(parent, last);
    return plan.freeName(weighted ? module : join(module, scope[scope.length - 1]), fallback);
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "." + b;
  }

  /** The ONNX node's name, or its first output's when it has none. */
  static String label(NodeInputs in) {
    String n = in.node.getName();
    return n.isEmpty() && in.node.getOutputCount() > 0 ? in.node.getOutput(0) : n;
  }

  /** Adds a node and returns its output as an activation. */
  OnnxValue.Activation emit(
      String name, Layer layer, Map<String, float[]> params, String... inputs) {
    PlannedGraph.Planned p = plan.add(name, layer, params, inputs);
    return new OnnxValue.Activation(p.name, p.shape);
  }

  /**
   * Refuses a node whose extra outputs (a Dropout mask, MaxPool indices, training statistics) are
   * read.
   */
  void requireUnusedOutputs(NodeInputs in, int from, String what) {
    for (int i = from; i < in.node.getOutputCount(); i++) {
      String out = in.node.getOutput(i);
      if (!out.isEmpty() && readers(out) > 0) {
        throw new IllegalArgumentException(
            "its output "
                + i
                + " ("
                + what
                + ") is used; PruneLab maps only the "
                + "first output of "
                + in.op()
                + ": export the model in eval mode");
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
