package org.prunelab.data;

import org.prunelab.error.InvalidSettingException;

/**
 * How {@link Datasets} divides an official training set: after a seeded shuffle, the first {@code
 * validationSize} images form the validation set, the next {@code sampleSetSize} the held-out
 * sample set S (used to estimate pruning sensitivities), and the rest the training set.
 *
 * @param validationSize images held out for validation (0 for none)
 * @param sampleSetSize images held out as the sample set S (0 for none)
 * @param seed seed of the shuffle; the same seed gives the same split
 */
public record SplitOptions(int validationSize, int sampleSetSize, long seed) {

  /** Rejects negative sizes with a message naming the value. */
  public SplitOptions {
    if (validationSize < 0) {
      throw new InvalidSettingException("validationSize must be >= 0, got " + validationSize);
    }
    if (sampleSetSize < 0) {
      throw new InvalidSettingException("sampleSetSize must be >= 0, got " + sampleSetSize);
    }
  }
}
