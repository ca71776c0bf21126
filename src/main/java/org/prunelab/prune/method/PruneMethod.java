package org.prunelab.prune.method;

import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;

/**
 * A pruning method: a score (which channels or weights matter), an allocator (how many each layer keeps) and a keep
 * rule (which ones stay), applied to a network to produce a smaller one. Every method accepts every allocator; its
 * default is the one its paper uses.
 */
public interface PruneMethod {
  /** Command-line name ("pfp", "ft", "wt", ...). */
  String name();

  /** One line for help texts and reports. */
  String description();

  /** Whether it removes whole channels (a smaller dense network) or masks single weights. */
  boolean structured();

  /** Whether it reads the sample set S. */
  boolean needsSamples();

  /** Name of the allocator used when the request names none ("optimal", "uniform", "global"). */
  String defaultAllocator();

  /**
   * Prunes {@code network} (left unchanged) to the request's budget.
   *
   * @throws org.prunelab.PruneLabException when the budget cannot be met or the samples are missing
   */
  PruneOutcome prune(Network network, PruneRequest request, JobContext ctx);
}
