package org.prunelab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.ParamSpec;

/**
 * The masked counterpart of {@link Surgery}: a same-sized copy of the network in which the channels
 * a plan removes are zeroed at every channel-mixing consumer (the input slices of convolution
 * weights, the H W columns per channel of a linear layer after a Flatten). A removed channel then
 * reaches nothing, so the masked network computes exactly what the pruned one does; it is the
 * reference for surgery and for per-layer error curves.
 */
public final class ChannelMasking {
  private ChannelMasking() {}

  /**
   * A copy of the network with the removed channels' consumer weights set to zero.
   *
   * @throws InvalidPlanException when the plan was traced from a different network
   */
  public static Network zeroed(Network network, PruningPlan plan) {
    Surgery.requireTracedFrom(plan, network);
    KeptFeatures kept = new KeptFeatures(plan);
    return NetworkCopy.copy(
        network,
        new NetworkCopy.NodeRewrite() {
          @Override
          public Layer layer(Node node) {
            return node.layer();
          }

          @Override
          public NDArray parameter(Node node, ParamSpec spec, NDArray original, NDManager scope) {
            String input = node.inputs().get(0);
            int[] columns = kept.of(input);
            if (columns == null
                || !spec.suffix().equals("weight")
                || !LayerKinds.mixesChannels(node.layer())) {
              return original;
            }
            float[] mask = new float[Math.toIntExact(original.getShape().get(1))];
            for (int c : columns) {
              mask[c] = 1;
            }
            long[] dims = new long[original.getShape().dimension()];
            Arrays.fill(dims, 1);
            dims[1] = mask.length;
            NDArray zeroed = original.mul(scope.create(mask, new Shape(dims)));
            zeroed.attach(scope);
            return zeroed;
          }
        });
  }
}
