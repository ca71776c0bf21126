package org.prunelab.prune.method;

/**
 * Where a structured method reads a channel's importance: from the layers that consume the channel
 * (their input-channel scores: PFP, ThiNet) or from the layers that produce it (their output-filter
 * scores: filter norms).
 */
public enum ScoreSide {
  CONSUMER_INPUTS,
  PRODUCER_OUTPUTS
}
