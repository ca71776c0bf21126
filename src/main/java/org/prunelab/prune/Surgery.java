package org.prunelab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.ParamSpec;
import org.prunelab.nn.layer.Reshape;

/**
 * Structured pruning as a graph rewrite: removing channel set R of a group deletes the matching
 * output filters, biases and BatchNorm parameters and statistics of every producer, the matching
 * input slices of every consumer (all H W columns of a channel after a Flatten), and shrinks
 * depthwise convolutions with their channels. The result is a smaller dense network with the same
 * node names whose output equals that of the original with the removed channels zeroed at every
 * consumer ({@link ChannelMasking#zeroed}). The input network is not changed.
 */
public final class Surgery {
  private Surgery() {}

  /**
   * A new network keeping, per group id, the listed channels; groups not listed stay whole.
   *
   * @throws InvalidPlanException when the map names an unknown or unprunable group or bad channel
   *     indices
   */
  public static Network keep(Network network, Map<String, int[]> kept) {
    return apply(network, new PruningPlan(ChannelGroups.trace(network), kept));
  }

  /**
   * A new network pruned by the plan.
   *
   * @throws InvalidPlanException when the plan was traced from a different network
   */
  public static Network apply(Network network, PruningPlan plan) {
    requireTracedFrom(plan, network);
    KeptFeatures kept = new KeptFeatures(plan);
    return NetworkCopy.copy(
        network,
        new NetworkCopy.NodeRewrite() {
          @Override
          public Layer layer(Node node) {
            return resized(node, kept);
          }

          @Override
          public NDArray parameter(Node node, ParamSpec spec, NDArray original, NDManager scope) {
            return sliced(node, spec, original, kept, scope);
          }
        });
  }

  static void requireTracedFrom(PruningPlan plan, Network network) {
    if (!plan.groups().describes(network)) {
      throw new InvalidPlanException(
          "the pruning plan was made for another network (its channel groups were "
              + "traced from a different graph); trace this network with ChannelGroups.trace and plan again");
    }
  }

  private static Layer resized(Node node, KeptFeatures kept) {
    Layer layer = node.layer();
    int in = kept.count(node.inputs().get(0));
    int out = kept.count(node.name());
    if (layer instanceof Conv2d c) {
      int groups = LayerKinds.isDepthwise(c) ? out : c.groups();
      return new Conv2d(
          in,
          out,
          c.kernelH(),
          c.kernelW(),
          c.strideH(),
          c.strideW(),
          c.padH(),
          c.padW(),
          c.dilationH(),
          c.dilationW(),
          groups,
          c.bias());
    }
    if (layer instanceof Linear l) {
      return new Linear(in, out, l.bias());
    }
    if (layer instanceof BatchNorm b) {
      return new BatchNorm(out, b.eps(), b.momentum());
    }
    if (layer instanceof Reshape r) {
      long[] target = r.target().clone();
      target[0] = out;
      return new Reshape(target);
    }
    return layer;
  }

  private static NDArray sliced(
      Node node, ParamSpec spec, NDArray original, KeptFeatures kept, NDManager scope) {
    NDArray value = original;
    int[] rows = kept.of(node.name());
    if (rows != null) {
      value = NetworkCopy.select(value, 0, rows, scope);
    }
    int[] columns = kept.of(node.inputs().get(0));
    if (columns != null
        && spec.suffix().equals("weight")
        && LayerKinds.mixesChannels(node.layer())) {
      value = NetworkCopy.select(value, 1, columns, scope);
    }
    return value;
  }
}
