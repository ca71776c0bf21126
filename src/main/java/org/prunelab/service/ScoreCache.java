package org.prunelab.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;

/**
 * Scores computed once per (network, method, sample set): the first {@link #score} call for a key
 * computes {@link ScoredModel#compute}, later ones return the same value, so the sensitivity and
 * allocation views of the workbench never score a model twice. Keys hold the network by identity;
 * {@link #forget} drops a network's entries when it is closed. Thread-safe; scoring itself runs in
 * the caller's job.
 */
public final class ScoreCache {
  /**
   * A cache key; {@link Network} has identity equality, so the key holds the network by identity.
   */
  private record Key(Network network, CompressionMethod method, int samples, long seed) {}

  private final Map<Key, ScoredModel> scores = new ConcurrentHashMap<>();

  /**
   * The scores of {@code network} by {@code method} on {@code samples} images of {@code pool} drawn
   * with {@code seed}: cached, or computed now on the calling thread (a job body).
   */
  public ScoredModel score(
      Network network,
      CompressionMethod method,
      ImageDataset pool,
      Normalization normalization,
      int samples,
      long seed,
      JobContext ctx) {
    Key key = new Key(network, method, samples, seed);
    ScoredModel cached = scores.get(key);
    if (cached != null) {
      return cached;
    }
    ScoredModel computed =
        ScoredModel.compute(
            network, method, pool, normalization, new SampleChoice(samples, seed), seed, ctx);
    scores.put(key, computed);
    return computed;
  }

  /**
   * The scores of a loaded model's network on {@code samples} images of its sample set S drawn with
   * {@code seed}, normalised as the model is: cached, or computed now (a job body).
   */
  public ScoredModel score(
      LoadedModel model, CompressionMethod method, int samples, long seed, JobContext ctx) {
    return score(
        model.network(),
        method,
        model.data().sampleSet(),
        model.normalization(),
        samples,
        seed,
        ctx);
  }

  /** Drops every entry of {@code network} (call when it is closed). */
  public void forget(Network network) {
    scores.keySet().removeIf(k -> k.network == network);
  }
}
