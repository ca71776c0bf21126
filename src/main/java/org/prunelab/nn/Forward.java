package org.prunelab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.LayerCall;
import org.prunelab.nn.layer.ShapeException;

/**
 * Executes a network node by node with DJL operators. Every intermediate array belongs to the input
 * batch's manager and is closed as soon as its last reader has run (unless captured), so peak
 * memory stays near the widest cut of the graph. In eval mode a Conv2d whose only reader is a
 * BatchNorm runs with the BatchNorm folded into its weights: W' = W gamma / sqrt(var + eps), b' =
 * (b - mu) gamma / sqrt(var + eps) + beta.
 */
final class Forward {
  private final Network network;
  private final Map<String, String> foldableBatchNorm = new HashMap<>();
  private final Map<String, Integer> readers = new HashMap<>();

  Forward(Network network) {
    this.network = network;
    for (Node node : network.nodes()) {
      for (String in : node.inputs()) {
        readers.merge(in, 1, Integer::sum);
      }
    }
    for (Node node : network.nodes()) {
      if (node.layer() instanceof BatchNorm && node.inputs().size() == 1) {
        String producer = node.inputs().get(0);
        if (!producer.equals(Network.INPUT)
            && network.node(producer).layer() instanceof Conv2d
            && readers.get(producer) == 1) {
          foldableBatchNorm.put(producer, node.name());
        }
      }
    }
  }

  ForwardResult run(NDArray batch, ForwardOptions options) {
    checkInput(batch);
    NDManager scope = batch.getManager();
    Map<String, NDArray> values = new HashMap<>();
    Map<String, Integer> pending = new HashMap<>(readers);
    Map<String, NDArray> captured = new LinkedHashMap<>();
    values.put(Network.INPUT, batch);
    boolean fold = options.foldBatchNorm() && !options.mode().training();
    java.util.Set<String> folded = new java.util.HashSet<>();
    for (Node node : network.nodes()) {
      if (folded.remove(node.name())) {
        continue;
      }
      List<NDArray> inputs = new ArrayList<>(node.inputs().size());
      for (String in : node.inputs()) {
        inputs.add(values.get(in));
      }
      String bn = fold ? foldableBatchNorm.get(node.name()) : null;
      NDArray out;
      String produced = node.name();
      if (bn != null && !options.capture().contains(node.name())) {
        out = foldedConvolution(node, network.node(bn), inputs.get(0), scope);
        produced = bn;
        folded.add(bn);
      } else {
        out =
            node.layer()
                .forward(new LayerCall(inputs, network.parametersOf(node.name()), options.mode()));
      }
      values.put(produced, out);
      if (options.capture().contains(node.name())) {
        captured.put(node.name(), out);
      }
      if (produced.equals(bn) && options.capture().contains(bn)) {
        captured.put(bn, out);
      }
      release(node.inputs(), values, pending, options, batch);
    }
    return new ForwardResult(values.get(network.outputName()), captured);
  }

  private void checkInput(NDArray batch) {
    Shape expected = network.inputShape();
    Shape got = batch.getShape();
    if (got.dimension() != expected.dimension() + 1 || !got.slice(1).equals(expected)) {
      throw new ShapeException(
          "the network expects a batch of shape (N, "
              + dims(expected)
              + "), got "
              + got
              + "; resize or convert the input (e.g. grey vs colour) to "
              + expected);
    }
  }

  private static String dims(Shape s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.dimension(); i++) {
      b.append(i == 0 ? "" : ", ").append(s.get(i));
    }
    return b.toString();
  }

  private NDArray foldedConvolution(Node convNode, Node bnNode, NDArray x, NDManager scope) {
    Conv2d conv = (Conv2d) convNode.layer();
    BatchNorm bn = (BatchNorm) bnNode.layer();
    Map<String, NDArray> c = network.parametersOf(convNode.name());
    Map<String, NDArray> b = network.parametersOf(bnNode.name());
    try (NDManager temp = scope.newSubManager()) {
      NDArray scale = keep(temp, b.get("running_var").add(bn.eps()));
      scale = keep(temp, scale.sqrt());
      scale = keep(temp, b.get("weight").div(scale));
      NDArray weight = keep(temp, c.get("weight").mul(scale.reshape(conv.outChannels(), 1, 1, 1)));
      NDArray shift = keep(temp, b.get("running_mean").neg());
      if (c.containsKey("bias")) {
        shift = keep(temp, shift.add(c.get("bias")));
      }
      NDArray bias = keep(temp, keep(temp, shift.mul(scale)).add(b.get("bias")));
      NDArray out = conv.convolve(x, weight, bias);
      out.attach(scope);
      return out;
    }
  }

  private static NDArray keep(NDManager temp, NDArray array) {
    array.attach(temp);
    return array;
  }

  private void release(
      List<String> inputs,
      Map<String, NDArray> values,
      Map<String, Integer> pending,
      ForwardOptions options,
      NDArray batch) {
    for (String in : inputs) {
      int left = pending.merge(in, -1, Integer::sum);
      if (left == 0 && !options.capture().contains(in)) {
        NDArray v = values.remove(in);
        // an Identity node hands on the very same array, which must then stay alive
        if (v != null && v != batch && !values.containsValue(v)) {
          v.close();
        }
      }
    }
  }
}
