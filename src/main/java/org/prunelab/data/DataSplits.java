package org.prunelab.data;

import java.util.Objects;

/**
 * The four disjoint parts of a dataset and the normalisation to apply to all of them.
 *
 * @param train images to train on
 * @param validation images held out from the official training set to choose hyper-parameters
 * @param sampleSet the held-out sample set S, used to estimate data-informed pruning sensitivities
 * @param test the official test split, never shuffled
 * @param normalization per-channel mean and standard deviation of {@code train}
 */
public record DataSplits(
    ImageDataset train,
    ImageDataset validation,
    ImageDataset sampleSet,
    ImageDataset test,
    Normalization normalization) {

  /** Rejects missing parts. */
  public DataSplits {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(sampleSet, "sampleSet");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(normalization, "normalization");
  }
}
