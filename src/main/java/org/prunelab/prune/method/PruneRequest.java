package org.prunelab.prune.method;

import java.util.Objects;
import java.util.Optional;
import org.prunelab.data.Batch;
import org.prunelab.prune.allocate.Allocator;
import org.prunelab.prune.allocate.Budget;

/**
 * What to prune to: the budget, an allocator (empty: the method's default), the sample set S
 * (normalised like the training inputs; required by data-informed methods) and the seed of every
 * random choice.
 */
public record PruneRequest(Budget budget, Optional<Allocator> allocator, Batch samples, long seed) {
  public PruneRequest {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(allocator, "allocator");
  }

  public static PruneRequest of(Budget budget, Batch samples, long seed) {
    return new PruneRequest(budget, Optional.empty(), samples, seed);
  }

  public PruneRequest withAllocator(Allocator chosen) {
    return new PruneRequest(budget, Optional.of(chosen), samples, seed);
  }
}
