package org.prunelab.flows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The test system dz/dt = A z with A = [[-0.4, 2], [-1.5, -0.3]] (a damped rotation), as a vector
 * field over row states (dz/dt = z A^T) and with its exact solution exp(tA) z0 computed in double
 * precision by scaling and squaring of a 30-term Taylor series, independently of the solvers.
 */
final class LinearSystem {
  static final double[][] A = {{-0.4, 2}, {-1.5, -0.3}};

  private LinearSystem() {}

  /** The field z -> z A^T over float64 arrays of {@code manager}. */
  static VectorField field(NDManager manager) {
    NDArray transposed = manager.create(new double[][] {{A[0][0], A[1][0]}, {A[0][1], A[1][1]}});
    return (t, z) -> z.matMul(transposed);
  }

  /** exp(tA) z0. */
  static double[] exact(double t, double[] z0) {
    int squarings = 8;
    double s = t / (1 << squarings);
    double[][] e = {{1, 0}, {0, 1}};
    double[][] term = {{1, 0}, {0, 1}};
    for (int k = 1; k <= 30; k++) {
      term =
          times(
              term,
              new double[][] {
                {A[0][0] * s / k, A[0][1] * s / k}, {A[1][0] * s / k, A[1][1] * s / k}
              });
      e =
          new double[][] {
            {e[0][0] + term[0][0], e[0][1] + term[0][1]},
            {e[1][0] + term[1][0], e[1][1] + term[1][1]}
          };
    }
    for (int i = 0; i < squarings; i++) {
      e = times(e, e);
    }
    return new double[] {e[0][0] * z0[0] + e[0][1] * z0[1], e[1][0] * z0[0] + e[1][1] * z0[1]};
  }

  private static double[][] times(double[][] x, double[][] y) {
    return new double[][] {
      {x[0][0] * y[0][0] + x[0][1] * y[1][0], x[0][0] * y[0][1] + x[0][1] * y[1][1]},
      {x[1][0] * y[0][0] + x[1][1] * y[1][0], x[1][0] * y[0][1] + x[1][1] * y[1][1]}
    };
  }
}
