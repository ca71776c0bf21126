package org.prunelab.prune.method;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.prunelab.nn.Network;
import org.prunelab.prune.NetworkSize;
import org.prunelab.prune.WeightMasks;
import org.prunelab.prune.allocate.Allocation;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * A pruned network and how it came about: the allocation, per unit what stays (structured: kept
 * channel indices per group; unstructured: the weight masks, to re-apply after every optimizer step
 * when retraining), the sizes before and after (realised, counted on the pruned network), the
 * scores and the time spent (scoring included when the method scored as part of the call). The
 * caller owns (and closes) the network.
 */
public record PruneOutcome(
    String method,
    Network network,
    Allocation allocation,
    Map<String, int[]> keptChannels,
    Optional<WeightMasks> masks,
    NetworkSize original,
    NetworkSize realised,
    SensitivityReport scores,
    Duration total)
    implements AutoCloseable {

  /** The same outcome with the total time replaced (scoring included). */
  public PruneOutcome withTimes(Duration newTotal) {
    return new PruneOutcome(
        method, network, allocation, keptChannels, masks, original, realised, scores, newTotal);
  }

  /** Time the scores took. */
  public Duration scoring() {
    return scores.total();
  }

  /** Realised fraction of the original parameters. */
  public double parameterRatio() {
    return (double) realised.parameters() / original.parameters();
  }

  /** Realised fraction of the original multiply-accumulates. */
  public double flopRatio() {
    return (double) realised.macs() / original.macs();
  }

  @Override
  public void close() {
    network.close();
  }
}
