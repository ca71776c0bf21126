package org.prunelab.lowrank;

import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Budget;

/**
 * Chooses every factorable layer's group count and rank so the compressed network meets a budget.
 */
public interface LowRankAllocator {

  /**
   * Allocates groups and ranks for the network's factorable layers (described by {@code spectra},
   * computed from this network) so the predicted whole-network size is at most the budget and as
   * close to it as the layers' rank steps allow.
   *
   * @param seed seed of any random choice (ALDS's random starts)
   * @throws LowRankException when the budget is below the smallest network the method can build
   */
  LowRankPlan allocate(Network network, Spectra spectra, Budget budget, long seed);
}
