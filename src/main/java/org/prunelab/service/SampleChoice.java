package org.prunelab.service;

import ai.djl.ndarray.NDManager;
import org.prunelab.data.Batch;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.error.PruneLabException;
import org.prunelab.nn.Network;
import org.prunelab.prune.sensitivity.SampleSets;

/**
 * How the sample set S of data-informed methods is drawn from a held-out pool: {@code size} images
 * (or, when {@code size} is null, PFP's bound |S| = ceil(3 ln(8 eta* eta / 1e-16)) for the network,
 * at most the pool), chosen with {@code seed}.
 */
public record SampleChoice(Integer size, long seed) {
  /**
   * @throws PruneLabException when a given size is not positive
   */
  public SampleChoice {
    if (size != null && size < 1) {
      throw new PruneLabException(
          "the sample set needs at least one image, got "
              + size
              + " (leave it out for PFP's bound)");
    }
  }

  /** PFP's bound for the network, at most the pool. */
  public static SampleChoice pfpBound(long seed) {
    return new SampleChoice(null, seed);
  }

  /** How many images S gets for {@code network} from {@code pool}. */
  public int sizeFor(Network network, ImageDataset pool) {
    return size != null ? size : Math.min(SampleSets.requiredSize(network), pool.size());
  }

  /** S as one batch in {@code scope}, normalised with {@code normalization}. */
  public Batch draw(
      Network network, ImageDataset pool, Normalization normalization, NDManager scope) {
    return SampleSets.batch(
        SampleSets.choose(pool, sizeFor(network, pool), seed), normalization, scope);
  }
}
