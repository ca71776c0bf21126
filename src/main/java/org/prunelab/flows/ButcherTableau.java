package org.prunelab.flows;

/**
 * The coefficients of an explicit Runge-Kutta method with s stages: k_i = f(t + c_i h, y + h sum_{j
 * < i} a_ij k_j), y' = y + h sum_i b_i k_i; an embedded pair also has error weights e_i = b_i -
 * b*_i (the difference to a solution one order lower), giving the local error estimate h sum_i e_i
 * k_i. Package-private: the solvers hold the four tableaux below.
 */
final class ButcherTableau {
  /** Forward Euler, order 1: one stage, b = (1). */
  static final ButcherTableau EULER =
      new ButcherTableau(new double[][] {{}}, new double[] {1}, new double[] {0}, null);

  /** Explicit midpoint, order 2: k2 = f(t + h/2, y + h/2 k1), y' = y + h k2. */
  static final ButcherTableau MIDPOINT =
      new ButcherTableau(
          new double[][] {{}, {0.5}}, new double[] {0, 1}, new double[] {0, 0.5}, null);

  /** The classical fourth-order Runge-Kutta method: c = (0, 1/2, 1/2, 1), b = (1, 2, 2, 1)/6. */
  static final ButcherTableau RK4 =
      new ButcherTableau(
          new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}},
          new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6},
          new double[] {0, 0.5, 0.5, 1},
          null);

  /**
   * Dormand and Prince's 5(4) pair (J. Comput. Appl. Math. 6, 1980; the tableau as printed in
   * Hairer, Norsett and Wanner, Solving Ordinary Differential Equations I, Table II.5.2): seven
   * stages, the fifth-order solution propagated, its last stage equal to f at the new state (first
   * same as last), error weights b - b* with b* the fourth-order weights.
   */
  static final ButcherTableau DORMAND_PRINCE =
      new ButcherTableau(
          new double[][] {
            {},
            {1.0 / 5},
            {3.0 / 40, 9.0 / 40},
            {44.0 / 45, -56.0 / 15, 32.0 / 9},
            {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
            {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
            {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}
          },
          new double[] {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0},
          new double[] {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1},
          new double[] {
            35.0 / 384 - 5179.0 / 57600,
            0,
            500.0 / 1113 - 7571.0 / 16695,
            125.0 / 192 - 393.0 / 640,
            -2187.0 / 6784 + 92097.0 / 339200,
            11.0 / 84 - 187.0 / 2100,
            -1.0 / 40
          });

  private final double[][] a;
  private final double[] b;
  private final double[] c;
  private final double[] errorWeights;

  private ButcherTableau(double[][] a, double[] b, double[] c, double[] errorWeights) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.errorWeights = errorWeights;
  }

  int stages() {
    return b.length;
  }

  /** a_ij, j < i. */
  double a(int i, int j) {
    return a[i][j];
  }

  double b(int i) {
    return b[i];
  }

  double c(int i) {
    return c[i];
  }

  /** e_i = b_i - b*_i; 0 for a method without an embedded pair. */
  double error(int i) {
    return errorWeights == null ? 0 : errorWeights[i];
  }
}
