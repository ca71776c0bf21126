package org.prunelab.service;

import ai.djl.ndarray.NDManager;
import java.util.Optional;
import org.prunelab.data.Batch;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Allocator;
import org.prunelab.prune.allocate.Budget;

/**
 * One compression method ready to run, whatever its family: channel pruning, weight masking or
 * low-rank factoring. Two steps, so that several budgets share the slow one: {@link #analyse}
 * (scores or spectra, once per network) and {@link #compress} (allocation and surgery, per budget).
 * The input network is never changed. Built by {@link CompressionMethod#compression(long)}.
 */
public interface Compression {
  /** The registry entry this is. */
  CompressionMethod method();

  /**
   * The slow, budget-independent step: the method's scores of every layer, or the spectra of every
   * factorable layer.
   *
   * @param samples the sample set S, normalised like the training inputs; required when {@link
   *     CompressionMethod#needsSamples()}, else ignored (may be null)
   * @throws org.prunelab.error.PruneLabException when S is required and missing or not finite
   */
  Analysis analyse(Network network, Batch samples, JobContext ctx);

  /**
   * Compresses {@code network} to {@code budget} from an analysis of it.
   *
   * @param allocator how many units each layer keeps; empty for the method's default (low-rank
   *     methods allocate ranks themselves and refuse one)
   * @throws org.prunelab.error.PruneLabException when the budget cannot be met or the allocator
   *     does not apply
   */
  Compressed compress(
      Network network, Analysis analysis, Budget budget, Optional<Allocator> allocator);

  /**
   * {@link #analyse(Network, Batch, JobContext)} with S drawn from {@code pool} as {@code choice}
   * says, in a scope of its own that is closed before this returns (data-free methods draw none).
   */
  default Analysis analyse(
      Network network,
      ImageDataset pool,
      Normalization normalization,
      SampleChoice choice,
      JobContext ctx) {
    if (!method().needsSamples()) {
      return analyse(network, (Batch) null, ctx);
    }
    try (NDManager scope = NDManager.newBaseManager(network.device());
        Batch samples = choice.draw(network, pool, normalization, scope)) {
      return analyse(network, samples, ctx);
    }
  }

  /** Analyses and compresses in one call, with the method's default allocator. */
  default Compressed compress(Network network, Batch samples, Budget budget, JobContext ctx) {
    return compress(network, analyse(network, samples, ctx), budget, Optional.empty());
  }
}
