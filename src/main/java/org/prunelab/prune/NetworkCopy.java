package org.prunelab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.HashMap;
import java.util.Map;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.ParamSpec;

/**
 * Builds a new network from an existing one node by node (same names, inputs and metadata), with a
 * new layer and new parameter values per node, computed with DJL in a temporary scope on the source
 * network's device.
 */
final class NetworkCopy {
  private NetworkCopy() {}

  /**
   * Chooses a node's layer in the copy and computes its parameters (by suffix) from the original
   * ones.
   */
  interface NodeRewrite {
    Layer layer(Node node);

    /** The copy's value of one parameter; the result may live in {@code scope}. */
    NDArray parameter(Node node, ParamSpec spec, NDArray original, NDManager scope);
  }

  static Network copy(Network source, NodeRewrite rewrite) {
    NetworkBuilder builder = Network.builder(source.inputShape());
    source.metadata().forEach(builder::metadata);
    Map<String, float[]> values = new HashMap<>();
    try (NDManager scope = NDManager.newBaseManager(source.device())) {
      for (Node node : source.nodes()) {
        Layer layer = rewrite.layer(node);
        builder.add(node.name(), layer, node.inputs().toArray(String[]::new));
        Map<String, NDArray> own = source.parametersOf(node.name());
        for (ParamSpec spec : node.layer().params()) {
          try (NDManager local = scope.newSubManager()) {
            NDArray value = rewrite.parameter(node, spec, own.get(spec.suffix()), local);
            values.put(node.name() + "." + spec.suffix(), value.toFloatArray());
          }
        }
      }
    }
    return builder.build(source.device(), (name, spec) -> values.get(name));
  }

  /**
   * The rows (axis 0) or columns (axis 1) of {@code array} at the indices, as a new array in {@code
   * scope}.
   */
  static NDArray select(NDArray array, int axis, int[] indices, NDManager scope) {
    long[] at = new long[indices.length];
    for (int i = 0; i < at.length; i++) {
      at[i] = indices[i];
    }
    NDArray index = scope.create(at);
    NDArray out = array.get(new NDIndex(axis == 0 ? "{}" : ":, {}", index));
    out.attach(scope);
    return out;
  }
}
