package org.prunelab.service;

import java.util.Optional;
import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Allocator;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.method.PruneMethod;
import org.prunelab.prune.method.PruneRequest;

/**
 * A channel or weight pruning method behind the {@link Compression} interface. Seeded at creation.
 *
 * @param method the registry entry
 * @param pruneMethod the method that does the work
 * @param seed seeds every random choice
 */
record PruningCompression(CompressionMethod method, PruneMethod pruneMethod, long seed)
    implements Compression {
  @Override
  public Analysis analyse(Network network, Batch samples, JobContext ctx) {
    return new Analysis.Scores(
        pruneMethod.score(network, PruneRequest.of(Budget.parameters(1), samples, seed), ctx));
  }

  @Override
  public Compressed compress(
      Network network, Analysis analysis, Budget budget, Optional<Allocator> allocator) {
    if (!(analysis instanceof Analysis.Scores scores)) {
      throw new IllegalArgumentException(method.cliName() + " prunes from scores, not " + analysis);
    }
    return new PrunedNetwork(
        method,
        pruneMethod.prune(
            network, scores.report(), new PruneRequest(budget, allocator, null, seed)));
  }
}
