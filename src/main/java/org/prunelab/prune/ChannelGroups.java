package org.prunelab.prune;

import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;

/**
 * The channel groups of a network (docs/algorithms.md, "Channel groups and surgery"): sets of
 * channels that must be removed together. A producer's output channels are tied to every consumer's
 * input channels; Add and Mul tie the channels of all their inputs; Concat maps channel ranges;
 * BatchNorm, activations, pooling and dropout pass channels through; a depthwise convolution ties
 * its input channel to its output channel; a Flatten of C x H x W (or a Reshape that keeps channels
 * whole) maps channel j to features [j H W, (j + 1) H W) of the following linear layer. Channels
 * that meet anything else (grouped convolutions, mixing Reshapes, Softmax over channels,
 * broadcasting across channels, unknown operations) and those of the network input and output form
 * unprunable groups that say why. Holds plain values only (node names, layer records, shapes), no
 * native memory, so it outlives the network it was traced from.
 */
public final class ChannelGroups {
  private final List<Node> nodes;
  private final Shape inputShape;
  private final Map<String, Shape> shapes = new LinkedHashMap<>();
  private final List<ChannelGroup> groups;
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final Map<String, TensorChannels> channels;

  ChannelGroups(Network network, List<ChannelGroup> groups, Map<String, TensorChannels> channels) {
    this.nodes = network.nodes();
    this.inputShape = network.inputShape();
    shapes.put(Network.INPUT, network.inputShape());
    nodes.forEach(n -> shapes.put(n.name(), network.shapeOf(n.name())));
    this.groups = List.copyOf(groups);
    for (int g = 0; g < groups.size(); g++) {
      index.put(groups.get(g).id(), g);
    }
    this.channels = Map.copyOf(channels);
  }

  /** Traces every channel group of the network. */
  public static ChannelGroups trace(Network network) {
    return new ChannelTracer(network).trace();
  }

  /** Every group in the order their first producer appears (the network input's group first). */
  public List<ChannelGroup> groups() {
    return groups;
  }

  /** The groups whose channels may be removed. */
  public List<ChannelGroup> prunable() {
    return groups.stream().filter(ChannelGroup::prunable).toList();
  }

  /**
   * The group with this id.
   *
   * @throws InvalidPlanException naming the id and the valid ones when there is no such group
   */
  public ChannelGroup group(String id) {
    return groups.get(indexOf(id));
  }

  /**
   * The group whose channels the node outputs (a convolution, linear layer, BatchNorm, depthwise
   * convolution).
   *
   * @throws InvalidPlanException when the node produces no channels or the channels of several
   *     groups
   */
  public ChannelGroup groupOfProducer(String node) {
    List<ChannelGroup> found =
        groups.stream()
            .filter(g -> g.producers().stream().anyMatch(p -> p.node().equals(node)))
            .toList();
    if (found.size() != 1) {
      throw new InvalidPlanException(
          "node '"
              + node
              + "' "
              + (found.isEmpty()
                  ? "produces no channel group; producers are convolutions, linear layers and BatchNorm"
                  : "produces the channels of "
                      + found.size()
                      + " groups ("
                      + found.stream().map(ChannelGroup::id).collect(Collectors.joining(", "))
                      + ")"));
    }
    return found.get(0);
  }

  /** The channel-mixing nodes that read the group's channels (with their input offsets). */
  public List<ChannelConsumer> consumersOf(String groupId) {
    return group(groupId).consumers();
  }

  /**
   * Whether these groups describe exactly this network's graph (same nodes, layers and input
   * shape).
   */
  public boolean describes(Network network) {
    return nodes.equals(network.nodes()) && inputShape.equals(network.inputShape());
  }

  int indexOf(String id) {
    Integer g = index.get(id);
    if (g == null) {
      throw new InvalidPlanException(
          "unknown channel group '"
              + id
              + "'; this network's prunable groups are: "
              + prunable().stream().map(ChannelGroup::id).collect(Collectors.joining(", ")));
    }
    return g;
  }

  List<Node> nodes() {
    return nodes;
  }

  Shape shapeOf(String tensor) {
    return shapes.get(tensor);
  }

  /** Which group channel each feature of a node's output (or of the network input) holds. */
  TensorChannels channelsOf(String tensor) {
    return channels.get(tensor);
  }
}
