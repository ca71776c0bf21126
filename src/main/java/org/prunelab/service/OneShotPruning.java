package org.prunelab.service;

import java.util.Optional;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.prune.allocate.Budget;

/**
 * Compresses a network once to a keep ratio of its parameters with a registry method and its
 * default allocator, without retraining: the method's analysis (with the sample set S drawn from
 * {@code samplePool} by the PFP bound when the method needs data) and one compression. The input
 * network is left unchanged; the caller closes the result. Engine work: call it inside a job.
 */
public final class OneShotPruning {
  private OneShotPruning() {}

  /**
   * {@code network} compressed by {@code method} to {@code keepRatio} of its parameters.
   *
   * @throws InvalidSettingException when the keep ratio is outside (0, 1]
   */
  public static Compressed prune(
      Network network,
      CompressionMethod method,
      double keepRatio,
      ImageDataset samplePool,
      Normalization normalization,
      long seed,
      JobContext ctx) {
    if (!(keepRatio > 0 && keepRatio <= 1)) {
      throw new InvalidSettingException(
          "keep ratio " + keepRatio + " is outside (0, 1]; e.g. 0.3 keeps 30 % of the parameters");
    }
    Compression compression = method.compression(seed);
    Analysis analysis =
        compression.analyse(network, samplePool, normalization, SampleChoice.pfpBound(seed), ctx);
    return compression.compress(network, analysis, Budget.parameters(keepRatio), Optional.empty());
  }
}
