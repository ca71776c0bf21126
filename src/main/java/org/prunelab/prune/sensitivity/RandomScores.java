package org.prunelab.prune.sensitivity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;

/**
 * The control every pruning plot needs: independent uniform scores in [0, 1) per input channel,
 * output channel and weight of every compressible layer, reproducible from a seed (the l-th layer
 * draws from the l-th stream split from the seed, so its scores depend only on the seed and l).
 */
public final class RandomScores implements ScoreFunction {
  private final long seed;

  public RandomScores(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "random";
  }

  /** Ignores {@code samples}. */
  @Override
  public SensitivityReport compute(Network network, Batch samples, JobContext ctx) {
    return compute(network, seed);
  }

  /** Seeded random scores for every compressible layer. */
  public static SensitivityReport compute(Network network, long seed) {
    long t0 = System.nanoTime();
    List<LayerScores> layers = new ArrayList<>();
    SplittableRandom root = new SplittableRandom(seed);
    for (LayerGeometry l : LayerGeometry.of(network)) {
      SplittableRandom rng = root.split();
      layers.add(
          new LayerScores(
              l.node(),
              uniform(rng, l.inChannels()),
              uniform(rng, l.outChannels()),
              uniform(rng, l.weightCount())));
    }
    return new SensitivityReport(
        "random", 0, layers, Duration.ofNanos(System.nanoTime() - t0), Map.of());
  }

  private static float[] uniform(SplittableRandom rng, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rng.nextDouble();
    }
    return v;
  }
}
