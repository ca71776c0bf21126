package org.prunelab.flows;

import ai.djl.ndarray.NDArray;

/**
 * Euler (order 1), explicit midpoint (order 2) or classical RK4 (order 4) with n equal steps h =
 * (t1 - t0) / n: y_{m+1} = y_m + h sum_i b_i k_i. The global error shrinks as h^p for a method of
 * order p; the solve costs n * stages function evaluations.
 */
public final class FixedStepSolver implements OdeSolver {
  private final SolverKind kind;
  private final RungeKuttaStep step;
  private final int steps;

  /**
   * A fixed-step solver of {@code kind} (euler, midpoint or rk4) taking {@code steps} steps per
   * solve.
   */
  public FixedStepSolver(SolverKind kind, int steps) {
    if (kind.adaptive() || steps < 1) {
      throw new IllegalArgumentException(
          "a fixed-step solver needs euler, midpoint or rk4 and steps >= 1, got "
              + kind
              + " with "
              + steps);
    }
    this.kind = kind;
    this.step = new RungeKuttaStep(kind.tableau());
    this.steps = steps;
  }

  @Override
  public OdeSolution solve(VectorField field, NDArray y0, double t0, double t1) {
    double h = (t1 - t0) / steps;
    NDArray y = y0;
    int evaluations = 0;
    for (int m = 0; m < steps; m++) {
      double t = t0 + m * h;
      NDArray[] k = step.stages(field, t, y, h, null);
      evaluations += k.length;
      y = step.advance(y, h, k);
      double size = RungeKuttaStep.largestMagnitude(y);
      if (!Double.isFinite(size)) {
        throw new SolverException(
            String.format(
                "the ODE state became %s at t = %s after %d of %d %s steps (step size %s):"
                    + " the field is too stiff or large for this step size; use more steps, or the"
                    + " adaptive solver dopri5",
                Double.isNaN(size) ? "NaN" : "infinite",
                SolverException.number(t + h),
                m + 1,
                steps,
                kind.cliName(),
                SolverException.number(Math.abs(h))));
      }
    }
    return new OdeSolution(y, evaluations, steps, 0);
  }

  @Override
  public String describe() {
    return kind.cliName() + " with " + steps + " steps";
  }
}
