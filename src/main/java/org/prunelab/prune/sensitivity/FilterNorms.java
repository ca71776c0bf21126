package org.prunelab.prune.sensitivity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;

/**
 * Data-free filter norms: per output filter i of every Conv2d and Linear layer, ||W_i||_1 = sum_jk
 * |w_ijk| or ||W_i||_2 = sqrt(sum_jk w_ijk^2) (filter thresholding, Li et al., "Pruning Filters for
 * Efficient ConvNets", ICLR 2017; SoftNet, He et al., IJCAI 2018). Reported as output-channel
 * scores.
 */
public final class FilterNorms implements ScoreFunction {

  /** Which norm of a filter. */
  public enum Norm {
    L1,
    L2
  }

  private final Norm norm;

  public FilterNorms(Norm norm) {
    this.norm = Objects.requireNonNull(norm, "norm");
  }

  @Override
  public String name() {
    return norm == Norm.L1 ? "l1" : "l2";
  }

  /** Ignores {@code samples}. */
  @Override
  public SensitivityReport compute(Network network, Batch samples, JobContext ctx) {
    return compute(network, norm);
  }

  /** The chosen norm of every output filter of every compressible layer. */
  public static SensitivityReport compute(Network network, Norm norm) {
    long t0 = System.nanoTime();
    List<LayerScores> layers = new ArrayList<>();
    for (LayerGeometry l : LayerGeometry.of(network)) {
      float[] w = network.parametersOf(l.node()).get("weight").toFloatArray();
      float[] s = new float[l.outChannels()];
      int fan = l.fanIn();
      for (int i = 0; i < s.length; i++) {
        double sum = 0;
        for (int e = i * fan; e < (i + 1) * fan; e++) {
          sum += norm == Norm.L1 ? Math.abs(w[e]) : (double) w[e] * w[e];
        }
        s[i] = (float) (norm == Norm.L1 ? sum : Math.sqrt(sum));
      }
      layers.add(new LayerScores(l.node(), null, s, null));
    }
    return new SensitivityReport(
        norm == Norm.L1 ? "l1" : "l2",
        0,
        layers,
        Duration.ofNanos(System.nanoTime() - t0),
        java.util.Map.of());
  }
}
