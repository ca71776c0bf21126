package org.prunelab.prune.method;

import java.time.Duration;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * A pruning method: a score (which channels or weights matter), an allocator (how many each layer
 * keeps) and a keep rule (which ones stay), applied to a network to produce a smaller one. Every
 * method accepts every allocator; its default is the one its paper uses.
 */
public interface PruneMethod {
  /** Command-line name ("pfp", "ft", "wt", ...). */
  String name();

  /** One line for help texts and reports. */
  String description();

  /** Whether it removes whole channels (a smaller dense network) or masks single weights. */
  boolean structured();

  /**
   * Where its channel ranking comes from (weight methods rank channels by their weights' summed
   * scores).
   */
  ScoreSide side();

  /** Whether it reads the sample set S. */
  boolean needsSamples();

  /** The allocator used when the request names none (its paper's). */
  AllocatorKind defaultAllocator();

  /**
   * The method's scores of {@code network} (on the request's samples where it reads data): the slow
   * step, done once when several budgets or allocations are tried.
   *
   * @throws org.prunelab.error.PruneLabException when the samples are missing or not finite
   */
  SensitivityReport score(Network network, PruneRequest request, JobContext ctx);

  /**
   * Prunes {@code network} (left unchanged) to the request's budget with scores from {@link
   * #score}.
   *
   * @throws org.prunelab.error.PruneLabException when the budget cannot be met
   */
  PruneOutcome prune(Network network, SensitivityReport scores, PruneRequest request);

  /** Scores, then prunes; the outcome's total time includes the scoring. */
  default PruneOutcome prune(Network network, PruneRequest request, JobContext ctx) {
    long start = System.nanoTime();
    SensitivityReport scores = score(network, request, ctx);
    PruneOutcome outcome = prune(network, scores, request);
    return outcome.withTimes(Duration.ofNanos(System.nanoTime() - start));
  }
}
