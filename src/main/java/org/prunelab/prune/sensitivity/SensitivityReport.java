package org.prunelab.prune.sensitivity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scores one method gave every compressible layer of a network, in node order, with how long
 * they took.
 *
 * @param method the method's name ("pfp", "sipp-max", "l2", "snip", ...)
 * @param sampleCount images of the sample set S the scores were computed on (0 for data-free
 *     methods)
 * @param layers the scores per compressible layer, in network order
 * @param total wall-clock time of the whole computation
 * @param layerTimes time spent per layer (by node name) where the method measures it; may be empty
 */
public record SensitivityReport(
    String method,
    int sampleCount,
    List<LayerScores> layers,
    Duration total,
    Map<String, Duration> layerTimes) {

  /** Copies the collections and rejects negative counts. */
  public SensitivityReport {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(total, "total");
    if (sampleCount < 0) {
      throw new IllegalArgumentException("sampleCount must be >= 0, got " + sampleCount);
    }
    layers = List.copyOf(layers);
    layerTimes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layerTimes));
  }

  /**
   * The scores of one layer.
   *
   * @throws IllegalArgumentException if the report has no layer of that name
   */
  public LayerScores layer(String node) {
    for (LayerScores l : layers) {
      if (l.node().equals(node)) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "the "
            + method
            + " report has no layer named '"
            + node
            + "'; layers: "
            + layers.stream().map(LayerScores::node).toList());
  }

  /** Per layer (by node name) the sum of sensitivities S_l = sum_j s_j over its input channels. */
  public Map<String, Double> sensitivitySums() {
    Map<String, Double> sums = new LinkedHashMap<>();
    for (LayerScores l : layers) {
      if (l.hasInputChannelScores()) {
        sums.put(l.node(), l.sensitivitySum());
      }
    }
    return sums;
  }
}
