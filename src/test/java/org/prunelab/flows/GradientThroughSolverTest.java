package org.prunelab.flows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backpropagation through a solve equals central finite differences of the solve (float64, step
 * 1e-6) on a tiny field (2 -> 3 tanh -> 2): for every parameter entry and the initial state, with
 * euler, rk4 and dopri5 (whose step sizes the perturbation does not change at this tolerance),
 * |grad - fd| <= 1e-4 max |fd|. The time input is exact in float64, so the adaptive steps' times do
 * not jump on the float32 grid between the two sides of a difference.
 */
class GradientThroughSolverTest {
  private static final double[] Z0 = {0.7, -0.4, 0.2, 0.9};
  private static final double[] C = {1.0, -2.0, 0.5, 1.5};

  private static double loss(MlpField field, OdeSolver solver, NDArray z0) {
    NDArray end = solver.solve(field, z0, 0, 1).state();
    return end.mul(end.getManager().create(C).reshape(2, 2)).sum().getDouble();
  }

  private static void check(OdeSolver solver) {
    try (NDManager m = NDManager.newBaseManager(Device.cpu());
        MlpField field =
            MlpField.create(
                new MlpSpec(2, List.of(3), Nonlinearity.TANH), DataType.FLOAT64, 11, m)) {
      Map<String, NDArray> params = field.parameters();
      List<double[]> analytic = new ArrayList<>();
      double[] z0Grad;
      try (NDManager scope = m.newSubManager()) {
        NDArray z0 = scope.create(Z0).reshape(2, 2);
        z0.setRequiresGradient(true);
        field.trainable(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray end = solver.solve(field, z0, 0, 1).state();
          NDArray loss = end.mul(scope.create(C).reshape(2, 2)).sum();
          collectGarbage();
          gc.backward(loss);
        }
        for (NDArray p : params.values()) {
          analytic.add(p.getGradient().toDoubleArray());
        }
        z0Grad = z0.getGradient().toDoubleArray();
        field.trainable(false);
      }
      double eps = 1e-6;
      int i = 0;
      for (NDArray p : params.values()) {
        double[] values = p.toDoubleArray();
        double[] fd = new double[values.length];
        for (int j = 0; j < values.length; j++) {
          fd[j] = difference(field, solver, m, p, values, j, eps);
        }
        p.set(values);
        assertClose(analytic.get(i++), fd, solver.describe());
      }
      double[] fd = new double[Z0.length];
      for (int j = 0; j < Z0.length; j++) {
        try (NDManager scope = m.newSubManager()) {
          double[] plus = Z0.clone();
          double[] minus = Z0.clone();
          plus[j] += eps;
          minus[j] -= eps;
          fd[j] =
              (loss(field, solver, scope.create(plus).reshape(2, 2))
                      - loss(field, solver, scope.create(minus).reshape(2, 2)))
                  / (2 * eps);
        }
      }
      assertClose(z0Grad, fd, solver.describe() + ", initial state");
    }
  }

  /**
   * Frees unreachable direct buffers before the backward pass, so a constant whose DJL handle was
   * closed while autograd still holds it (see {@code Scalars}) would show as garbage gradients.
   */
  private static void collectGarbage() {
    System.gc();
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double difference(
      MlpField field,
      OdeSolver solver,
      NDManager m,
      NDArray p,
      double[] values,
      int j,
      double eps) {
    double[] shifted = values.clone();
    try (NDManager scope = m.newSubManager()) {
      NDArray z0 = scope.create(Z0).reshape(2, 2);
      shifted[j] = values[j] + eps;
      p.set(shifted);
      double plus = loss(field, solver, z0);
      shifted[j] = values[j] - eps;
      p.set(shifted);
      double minus = loss(field, solver, z0);
      return (plus - minus) / (2 * eps);
    }
  }

  private static void assertClose(double[] analytic, double[] fd, String what) {
    double scale = 0;
    for (double v : fd) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int j = 0; j < fd.length; j++) {
      double gap = Math.abs(analytic[j] - fd[j]);
      assertTrue(
          gap <= 1e-4 * scale,
          what + ": entry " + j + " autograd " + analytic[j] + " vs difference " + fd[j]);
    }
  }

  @Test
  void eulerGradientsEqualFiniteDifferences() {
    check(new FixedStepSolver(SolverKind.EULER, 6));
  }

  @Test
  void rk4GradientsEqualFiniteDifferences() {
    check(new FixedStepSolver(SolverKind.RK4, 5));
  }

  @Test
  void dopri5GradientsEqualFiniteDifferences() {
    check(new DormandPrince(1e-9, 1e-11, 1000));
  }
}
