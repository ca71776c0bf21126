package org.prunelab.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.prunelab.lowrank.LayerPlan;
import org.prunelab.lowrank.LowRankResult;
import org.prunelab.nn.Network;
import org.prunelab.prune.NetworkSize;
import org.prunelab.prune.WeightMasks;

/**
 * A network whose layers a low-rank method factored, with the plan (per layer K groups, rank j and
 * predicted error) and the input network's size.
 */
public record FactoredNetwork(CompressionMethod method, LowRankResult result, NetworkSize original)
    implements Compressed {
  @Override
  public Network network() {
    return result.network();
  }

  @Override
  public NetworkSize realised() {
    return new NetworkSize(result.network().parameterCount(), result.network().macs());
  }

  @Override
  public Optional<WeightMasks> masks() {
    return Optional.empty();
  }

  @Override
  public Map<String, int[]> keptChannels() {
    return Map.of();
  }

  @Override
  public Map<String, Integer> keptUnits() {
    Map<String, Integer> units = new LinkedHashMap<>();
    for (LayerPlan layer : result.plan().layers()) {
      units.put(layer.node(), layer.groups() * layer.rank());
    }
    return units;
  }
}
