package org.prunelab.prune.sensitivity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;

/**
 * Data-free weight magnitude |w| of every weight of every Conv2d and Linear layer (weight
 * thresholding, Han et al., "Learning both Weights and Connections for Efficient Neural Networks",
 * NeurIPS 2015).
 */
public final class WeightMagnitude implements ScoreFunction {

  @Override
  public String name() {
    return "magnitude";
  }

  /** Ignores {@code samples}. */
  @Override
  public SensitivityReport compute(Network network, Batch samples, JobContext ctx) {
    return compute(network);
  }

  /** |w| per weight, in the order of each layer's weight parameter. */
  public static SensitivityReport compute(Network network) {
    long t0 = System.nanoTime();
    List<LayerScores> layers = new ArrayList<>();
    for (LayerGeometry l : LayerGeometry.of(network)) {
      float[] w = network.parametersOf(l.node()).get("weight").toFloatArray();
      for (int e = 0; e < w.length; e++) {
        w[e] = Math.abs(w[e]);
      }
      layers.add(LayerScores.ofWeights(l.node(), w));
    }
    return new SensitivityReport(
        "magnitude", 0, layers, Duration.ofNanos(System.nanoTime() - t0), Map.of());
  }
}
