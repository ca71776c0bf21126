package org.prunelab.service;

import java.util.Optional;
import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.lowrank.LowRankCompressor;
import org.prunelab.lowrank.LowRankException;
import org.prunelab.lowrank.LowRankMethod;
import org.prunelab.nn.Network;
import org.prunelab.prune.NetworkSize;
import org.prunelab.prune.allocate.Allocator;
import org.prunelab.prune.allocate.Budget;

/**
 * A low-rank method behind the {@link Compression} interface; it allocates ranks itself. Seeded at
 * creation.
 *
 * @param method the registry entry
 * @param lowRank the method that does the work
 * @param seed seeds every random choice
 */
record LowRankCompression(CompressionMethod method, LowRankMethod lowRank, long seed)
    implements Compression {
  @Override
  public Analysis analyse(Network network, Batch samples, JobContext ctx) {
    return new Analysis.LayerSpectra(
        LowRankCompressor.spectra(
            network, lowRank, samples == null ? null : samples.images(), ctx));
  }

  @Override
  public Compressed compress(
      Network network, Analysis analysis, Budget budget, Optional<Allocator> allocator) {
    if (allocator.isPresent()) {
      throw new LowRankException(
          "an allocation applies to pruning methods; "
              + method.cliName()
              + " allocates ranks itself");
    }
    if (!(analysis instanceof Analysis.LayerSpectra spectra)) {
      throw new IllegalArgumentException(
          method.cliName() + " factors from spectra, not " + analysis);
    }
    NetworkSize original = new NetworkSize(network.parameterCount(), network.macs());
    return new FactoredNetwork(
        method,
        LowRankCompressor.compress(network, lowRank, budget, spectra.spectra(), seed),
        original);
  }
}
