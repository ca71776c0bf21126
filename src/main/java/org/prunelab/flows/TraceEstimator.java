package org.prunelab.flows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * How a continuous normalizing flow gets tr(df/dz) from Jacobian-vector products: with probe
 * vectors v_1 ... v_k per sample, tr(J) ~ w sum_i v_i^T J v_i. {@link Exact} takes the d unit
 * vectors and w = 1 (d products, exact); {@link Hutchinson} (Hutchinson 1990) takes k random
 * vectors with E[v v^T] = I (Rademacher +-1 or standard Gaussian entries) and w = 1/k, an unbiased
 * estimate whose variance for Rademacher probes is (2/k) sum_{i != j} S_ij^2 with S = (J + J^T)/2
 * (Gaussian probes: (2/k) ||S||_F^2). Probes are drawn once per solve from a seed and held fixed
 * through it, so the integrand is one smooth function of t.
 */
public sealed interface TraceEstimator {

  /** The probe vectors for a batch of n states of dimension d, shape [n, k, d]. */
  NDArray probes(NDManager scope, long n, int d, DataType type, long seed);

  /** The weight w in tr(J) ~ w sum_i v_i^T J v_i for d-dimensional states. */
  double weight(int d);

  /** The exact trace from the d unit vectors: tr(J) = sum_i e_i^T J e_i. */
  record Exact() implements TraceEstimator {
    @Override
    public NDArray probes(NDManager scope, long n, int d, DataType type, long seed) {
      return scope.eye(d, d, 0, type).expandDims(0).repeat(0, n);
    }

    @Override
    public double weight(int d) {
      return 1;
    }
  }

  /** Hutchinson's estimator with {@code probes} random vectors per sample of {@code noise}. */
  record Hutchinson(Noise noise, int probes) implements TraceEstimator {
    public Hutchinson {
      if (noise == null || probes < 1) {
        throw new IllegalArgumentException("Hutchinson needs a noise and probes >= 1");
      }
    }

    @Override
    public NDArray probes(NDManager scope, long n, int d, DataType type, long seed) {
      Random random = new Random(seed);
      int size = Math.toIntExact(n * probes * d);
      double[] values = new double[size];
      for (int i = 0; i < size; i++) {
        values[i] =
            noise == Noise.RADEMACHER ? (random.nextBoolean() ? 1 : -1) : random.nextGaussian();
      }
      NDArray exact = scope.create(values, new Shape(n, probes, d));
      return type == DataType.FLOAT64 ? exact : exact.toType(type, false);
    }

    @Override
    public double weight(int d) {
      return 1.0 / probes;
    }
  }

  /** The distribution of Hutchinson's probe entries. */
  enum Noise {
    /** +1 or -1 with probability 1/2 each (the smaller variance). */
    RADEMACHER,
    /** Standard normal. */
    GAUSSIAN
  }

  /** The exact trace (d Jacobian-vector products), right for the 2-D toy flows. */
  static TraceEstimator exact() {
    return new Exact();
  }

  /** Hutchinson's estimator with one Rademacher probe per sample, as FFJORD trains. */
  static TraceEstimator hutchinson() {
    return new Hutchinson(Noise.RADEMACHER, 1);
  }
}
