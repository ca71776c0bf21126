package org.prunelab.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.prunelab.nn.Network;
import org.prunelab.prune.NetworkSize;
import org.prunelab.prune.WeightMask;
import org.prunelab.prune.WeightMasks;
import org.prunelab.prune.method.PruneOutcome;

/**
 * A network pruned by a channel or weight method, with the method's outcome (allocation, per-group
 * kept channels or weight masks, scores, time).
 */
public record PrunedNetwork(CompressionMethod method, PruneOutcome outcome) implements Compressed {
  @Override
  public Network network() {
    return outcome.network();
  }

  @Override
  public NetworkSize original() {
    return outcome.original();
  }

  @Override
  public NetworkSize realised() {
    return outcome.realised();
  }

  @Override
  public Optional<WeightMasks> masks() {
    return outcome.masks();
  }

  @Override
  public Map<String, int[]> keptChannels() {
    return outcome.keptChannels();
  }

  @Override
  public Map<String, Integer> keptUnits() {
    Map<String, Integer> units = new LinkedHashMap<>();
    if (outcome.masks().isPresent()) {
      for (WeightMask m : outcome.masks().get().masks().values()) {
        units.put(m.parameter(), m.keptCount());
      }
    } else {
      outcome.keptChannels().forEach((group, channels) -> units.put(group, channels.length));
    }
    return units;
  }
}
