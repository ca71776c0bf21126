package org.prunelab.lowrank;

import org.prunelab.nn.Network;

/**
 * A compressed network with the plan that made it and its realised size over the original's (as the
 * budget measures it). The caller owns the network and closes it.
 */
public record LowRankResult(Network network, LowRankPlan plan, double realisedRatio) {}
