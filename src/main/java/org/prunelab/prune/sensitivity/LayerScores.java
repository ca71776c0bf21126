package org.prunelab.prune.sensitivity;

import java.util.Objects;

/**
 * Importance scores of one compressible layer (a Conv2d or Linear node, by node name), as plain
 * arrays so a view can hold them without native memory. Each array is null when the method does not
 * score at that granularity.
 *
 * @param node the Conv2d or Linear node
 * @param inputChannelScores one score per input channel (Linear: per input feature); higher means
 *     more important
 * @param outputChannelScores one score per output channel (filter) or output feature
 * @param weightScores one score per weight, in the element order of the layer's {@code weight}
 *     parameter ((out, in / groups, kH, kW) or (out, in))
 */
public record LayerScores(
    String node, float[] inputChannelScores, float[] outputChannelScores, float[] weightScores) {

  /** Copies the arrays in and rejects a record without any scores. */
  public LayerScores {
    Objects.requireNonNull(node, "node");
    if (inputChannelScores == null && outputChannelScores == null && weightScores == null) {
      throw new IllegalArgumentException("scores of layer " + node + " need at least one array");
    }
    inputChannelScores = copy(inputChannelScores);
    outputChannelScores = copy(outputChannelScores);
    weightScores = copy(weightScores);
  }

  /** Scores per input channel only. */
  public static LayerScores ofInputChannels(String node, float[] scores) {
    return new LayerScores(node, scores, null, null);
  }

  /** Scores per weight only. */
  public static LayerScores ofWeights(String node, float[] scores) {
    return new LayerScores(node, null, null, scores);
  }

  /** A copy of the input-channel scores, or null. */
  @Override
  public float[] inputChannelScores() {
    return copy(inputChannelScores);
  }

  /** A copy of the output-channel scores, or null. */
  @Override
  public float[] outputChannelScores() {
    return copy(outputChannelScores);
  }

  /** A copy of the weight scores, or null. */
  @Override
  public float[] weightScores() {
    return copy(weightScores);
  }

  public boolean hasInputChannelScores() {
    return inputChannelScores != null;
  }

  public boolean hasOutputChannelScores() {
    return outputChannelScores != null;
  }

  public boolean hasWeightScores() {
    return weightScores != null;
  }

  /**
   * The layer's sum of sensitivities S_l = sum_j s_j over its input channels (PFP's measure of how
   * spread the importance is: the sample complexity of the layer grows with it).
   *
   * @throws IllegalStateException if the method gave no input-channel scores
   */
  public double sensitivitySum() {
    if (inputChannelScores == null) {
      throw new IllegalStateException("layer " + node + " has no input-channel scores to sum");
    }
    double sum = 0;
    for (float s : inputChannelScores) {
      sum += s;
    }
    return sum;
  }

  private static float[] copy(float[] a) {
    return a == null ? null : a.clone();
  }
}
