package org.prunelab.flows;

import org.prunelab.error.InvalidSettingException;

/**
 * How a toy model trains: {@code iterations} steps of AdamW (decoupled weight decay, Loshchilov and
 * Hutter 2019: w <- w (1 - lr lambda), then the Adam step) at a constant learning rate, each on a
 * fresh batch of {@code batch} points drawn from the dataset with a seed derived from {@code seed}
 * and the iteration.
 */
public record ToyRecipe(int iterations, int batch, double lr, double weightDecay, long seed) {

  public ToyRecipe {
    if (iterations < 1) {
      throw new InvalidSettingException("iterations must be at least 1, got " + iterations);
    }
    if (batch < 1) {
      throw new InvalidSettingException("the batch size must be at least 1, got " + batch);
    }
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new InvalidSettingException("the learning rate must be positive, got " + lr);
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new InvalidSettingException("weight decay must be >= 0, got " + weightDecay);
    }
  }

  /**
   * The Sparse Flows paper's toy CNF settings (torchprune paper/node configs): batch 1024, AdamW
   * with learning rate 0.05 and weight decay 0.01.
   */
  public static ToyRecipe paper(int iterations, long seed) {
    return new ToyRecipe(iterations, 1024, 0.05, 0.01, seed);
  }

  /** The seed of iteration i's batch (and its Hutchinson probes). */
  long batchSeed(int iteration) {
    return seed * 1_000_003L + iteration;
  }
}
