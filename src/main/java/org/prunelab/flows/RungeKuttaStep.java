package org.prunelab.flows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * One explicit Runge-Kutta step of a {@link ButcherTableau}: the stages k_i = f(t + c_i h, y + h
 * sum_j a_ij k_j), the new state y + h sum_i b_i k_i and, for an embedded pair, the local error
 * estimate h sum_i e_i k_i. Every array lands in the scope of y.
 */
final class RungeKuttaStep {
  private final ButcherTableau tableau;

  RungeKuttaStep(ButcherTableau tableau) {
    this.tableau = tableau;
  }

  /**
   * The stages at (t, y) with step h; {@code first}, when not null, is k_1 = f(t, y) already known
   * (first same as last), saving one evaluation.
   */
  NDArray[] stages(VectorField field, double t, NDArray y, double h, NDArray first) {
    int s = tableau.stages();
    NDArray[] k = new NDArray[s];
    k[0] = first != null ? first : field.at(t, y);
    for (int i = 1; i < s; i++) {
      NDArray yi = y;
      for (int j = 0; j < i; j++) {
        yi = axpy(yi, h * tableau.a(i, j), k[j]);
      }
      k[i] = field.at(t + tableau.c(i) * h, yi);
    }
    return k;
  }

  /** y + h sum_i b_i k_i. */
  NDArray advance(NDArray y, double h, NDArray[] k) {
    NDArray next = y;
    for (int i = 0; i < k.length; i++) {
      next = axpy(next, h * tableau.b(i), k[i]);
    }
    return next;
  }

  /** h sum_i e_i k_i, the difference between the two solutions of the embedded pair. */
  NDArray errorEstimate(double h, NDArray[] k) {
    NDArray err = Scalars.times(k[0], h * tableau.error(0));
    for (int i = 1; i < k.length; i++) {
      err = axpy(err, h * tableau.error(i), k[i]);
    }
    return err;
  }

  /** The largest |y| entry, NaN or infinity when y holds one (max propagates NaN). */
  static double largestMagnitude(NDArray y) {
    return y.abs().max().toType(DataType.FLOAT64, false).getDouble();
  }

  /** y + alpha x without touching y (autograd needs every intermediate); y itself if alpha = 0. */
  private static NDArray axpy(NDArray y, double alpha, NDArray x) {
    return alpha == 0 ? y : y.add(Scalars.times(x, alpha));
  }
}
