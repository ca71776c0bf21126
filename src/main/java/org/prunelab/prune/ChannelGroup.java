package org.prunelab.prune;

import java.util.List;

/**
 * A set of channels that must be removed together: channel {@code k} of every producer and consumer
 * listed here is the same channel, tied by residual additions, element-wise products, depthwise
 * convolutions and pass-through layers. Removing channel k deletes it from every producer's output
 * and every consumer's input. The id is the name of the node that first creates the channels
 * ({@code input} for the network input). A group that cannot be pruned says why in {@code reason}
 * (it reaches the network output, is the network input, or passes through an operation whose
 * channel semantics are unknown); a prunable group has a null reason.
 */
public record ChannelGroup(
    String id,
    int channels,
    List<ChannelProducer> producers,
    List<ChannelConsumer> consumers,
    boolean prunable,
    String reason) {

  public ChannelGroup {
    producers = List.copyOf(producers);
    consumers = List.copyOf(consumers);
    if (prunable != (reason == null)) {
      throw new IllegalArgumentException(
          "group " + id + ": a reason is given exactly when it is not prunable");
    }
  }
}
