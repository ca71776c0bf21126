package org.prunelab.service;

import java.util.Map;
import java.util.Optional;
import org.prunelab.nn.Network;
import org.prunelab.prune.NetworkSize;
import org.prunelab.prune.WeightMasks;

/**
 * A compressed network and what it kept, whatever the family: {@link PrunedNetwork} (channels
 * removed or weights masked) or {@link FactoredNetwork} (layers factored). The caller owns the
 * network and closes it (or this).
 */
public sealed interface Compressed extends AutoCloseable permits PrunedNetwork, FactoredNetwork {
  /** The registry entry that compressed it. */
  CompressionMethod method();

  /** The compressed network. */
  Network network();

  /** The input network's size. */
  NetworkSize original();

  /** The compressed network's size, counted on it. */
  NetworkSize realised();

  /** The weight masks to re-apply after every optimizer step (unstructured methods only). */
  Optional<WeightMasks> masks();

  /**
   * Per channel group, the kept channels' indices in the input network (structured methods; empty
   * otherwise).
   */
  Map<String, int[]> keptChannels();

  /**
   * What each unit kept, keyed as the results store records it: channels per group id (structured),
   * weights per weight tensor "node.weight" (unstructured), K j per factored layer (low-rank).
   */
  Map<String, Integer> keptUnits();

  /** Closes the network. */
  @Override
  default void close() {
    network().close();
  }
}
