package org.prunelab.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The solvers on dz/dt = A z against exp(tA) z0 (float64): fixed-step errors shrink at the methods'
 * orders (slope of log error against log h over h = 1/8 ... 1/64, within 0.3), Dormand-Prince meets
 * its tolerance with more evaluations as rtol shrinks, and failures name their settings.
 */
class OdeSolverTest {
  private static final double[] Z0 = {1, 0.5};
  private static final double T = 2;
  private static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager(Device.cpu());
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static double error(OdeSolver solver, double[] exact) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray z0 = scope.create(new double[][] {Z0});
      double[] z = solver.solve(LinearSystem.field(scope), z0, 0, T).state().toDoubleArray();
      return Math.hypot(z[0] - exact[0], z[1] - exact[1]) / Math.hypot(exact[0], exact[1]);
    }
  }

  /** Least-squares slope of log(error) against log(h). */
  private static double fittedOrder(SolverKind kind) {
    double[] exact = LinearSystem.exact(T, Z0);
    int[] steps = {16, 32, 64, 128};
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int n : steps) {
      double x = Math.log(T / n);
      double y = Math.log(error(new FixedStepSolver(kind, n), exact));
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    int m = steps.length;
    double slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
    System.err.printf("fitted order of %s: %.3f%n", kind.cliName(), slope);
    return slope;
  }

  @Test
  void eulerConvergesAtOrderOne() {
    assertEquals(1, fittedOrder(SolverKind.EULER), 0.3);
  }

  @Test
  void midpointConvergesAtOrderTwo() {
    assertEquals(2, fittedOrder(SolverKind.MIDPOINT), 0.3);
  }

  @Test
  void rk4ConvergesAtOrderFour() {
    assertEquals(4, fittedOrder(SolverKind.RK4), 0.3);
  }

  @Test
  void fixedStepsCountTheirEvaluations() {
    try (NDManager scope = manager.newSubManager()) {
      NDArray z0 = scope.create(new double[][] {Z0});
      OdeSolution s =
          new FixedStepSolver(SolverKind.RK4, 10).solve(LinearSystem.field(scope), z0, 0, T);
      assertEquals(40, s.evaluations());
      assertEquals(10, s.acceptedSteps());
    }
  }

  @Test
  void dormandPrinceMeetsItsToleranceWithMoreEvaluationsAsItTightens() {
    double[] exact = LinearSystem.exact(T, Z0);
    int previous = 0;
    for (double rtol : new double[] {1e-3, 1e-5, 1e-7, 1e-9}) {
      try (NDManager scope = manager.newSubManager()) {
        NDArray z0 = scope.create(new double[][] {Z0});
        OdeSolution s =
            new DormandPrince(rtol, rtol * 1e-3, 10_000).solve(LinearSystem.field(scope), z0, 0, T);
        double[] z = s.state().toDoubleArray();
        double err = Math.hypot(z[0] - exact[0], z[1] - exact[1]) / Math.hypot(exact[0], exact[1]);
        System.err.printf(
            "dopri5 rtol %.0e: relative error %.3e, NFE %d, accepted %d, rejected %d%n",
            rtol, err, s.evaluations(), s.acceptedSteps(), s.rejectedSteps());
        assertTrue(err < 10 * rtol, "error " + err + " at rtol " + rtol);
        assertTrue(s.evaluations() > previous, "NFE " + s.evaluations() + " at rtol " + rtol);
        previous = s.evaluations();
      }
    }
  }

  @Test
  void dormandPrinceIntegratesBackwards() {
    double[] exact = LinearSystem.exact(-T, Z0);
    try (NDManager scope = manager.newSubManager()) {
      NDArray z0 = scope.create(new double[][] {Z0});
      double[] z =
          new DormandPrince(1e-8, 1e-11, 10_000)
              .solve(LinearSystem.field(scope), z0, 0, -T)
              .state()
              .toDoubleArray();
      assertEquals(exact[0], z[0], 1e-6 * Math.abs(exact[0]) + 1e-9);
      assertEquals(exact[1], z[1], 1e-6 * Math.abs(exact[1]) + 1e-9);
    }
  }

  @Test
  void anExhaustedStepBudgetNamesTheToleranceAndTheBudget() {
    try (NDManager scope = manager.newSubManager()) {
      NDArray z0 = scope.create(new double[][] {Z0});
      SolverException e =
          assertThrows(
              SolverException.class,
              () ->
                  SolverSpec.dopri5(1e-10, 1e-12, 5)
                      .create()
                      .solve(LinearSystem.field(scope), z0, 0, T));
      assertTrue(e.getMessage().contains("budget of 5 steps"), e.getMessage());
      assertTrue(e.getMessage().contains("(rtol 1e-10, atol 1e-12"), e.getMessage());
      assertTrue(
          e.getMessage().contains("raise the step budget, loosen rtol/atol"), e.getMessage());
    }
  }

  @Test
  void aDivergingFixedStepSolveNamesItsStepSize() {
    try (NDManager scope = manager.newSubManager()) {
      NDArray z0 = scope.ones(new ai.djl.ndarray.types.Shape(4, 2), DataType.FLOAT32);
      VectorField stiff = (t, z) -> z.mul(-1000);
      SolverException e =
          assertThrows(
              SolverException.class,
              () -> SolverSpec.fixed(SolverKind.EULER, 50).create().solve(stiff, z0, 0, 10));
      assertTrue(e.getMessage().contains("became infinite"), e.getMessage());
      assertTrue(e.getMessage().contains("(step size 0.2)"), e.getMessage());
      assertTrue(e.getMessage().contains("use more steps"), e.getMessage());
    }
  }

  @Test
  void aNonFiniteFieldStopsDopri5AtOnce() {
    try (NDManager scope = manager.newSubManager()) {
      NDArray z0 = scope.create(new double[][] {Z0});
      VectorField broken = (t, z) -> z.div(z.sub(z));
      SolverException e =
          assertThrows(
              SolverException.class,
              () -> SolverSpec.dopri5(1e-5, 1e-7, 1000).create().solve(broken, z0, 0, 1));
      assertEquals(
          "the vector field is infinite at t = 0 on a finite state (dopri5, rtol 1e-05, atol"
              + " 1e-07): its parameters or inputs hold NaN or overflow; lower the learning rate"
              + " if this happened while training",
          e.getMessage());
    }
  }

  @Test
  void unknownSolverNamesAreRefusedWithTheKnownOnes() {
    var e =
        assertThrows(org.prunelab.error.PruneLabException.class, () -> SolverKind.parse("rk45"));
    assertEquals(
        "unknown ODE solver 'rk45'; known solvers: euler, midpoint, rk4, dopri5", e.getMessage());
    assertEquals(SolverKind.DOPRI5, SolverKind.parse("DOPRI5"));
  }
}
