package org.prunelab.experiment.features;

import java.util.List;

/**
 * One sufficient input subset of an image for a class: its features (indices into a {@link
 * FeatureGrid}, most important first: the reverse of the order backward selection removed them in)
 * and the network's confidence in the class when shown only them (at least the threshold it was
 * found for).
 */
public record SufficientInputSubset(int klass, List<Integer> features, double confidence) {
  public SufficientInputSubset {
    features = List.copyOf(features);
  }

  /** The features as an array. */
  public int[] featureArray() {
    return features.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Number of features. */
  public int size() {
    return features.size();
  }
}
