package org.prunelab.flows;

import org.prunelab.error.InvalidSettingException;

/**
 * A validated choice of ODE solver: a fixed-step kind (euler, midpoint, rk4) with its number of
 * steps per solve, or dopri5 with its relative and absolute tolerances and its budget of attempted
 * steps. The fields that do not apply to the kind are ignored.
 */
public record SolverSpec(SolverKind kind, int steps, double rtol, double atol, int maxSteps) {

  public SolverSpec {
    if (kind == null) {
      throw new InvalidSettingException("an ODE solver is required (euler, midpoint, rk4, dopri5)");
    }
    if (!kind.adaptive() && steps < 1) {
      throw new InvalidSettingException(
          "the number of " + kind.cliName() + " steps must be at least 1, got " + steps);
    }
    if (kind.adaptive()) {
      if (!(rtol > 0 && rtol < 1) || !(atol > 0 && atol < 1)) {
        throw new InvalidSettingException(
            "dopri5 tolerances must be in (0, 1), got rtol " + rtol + ", atol " + atol);
      }
      if (maxSteps < 1) {
        throw new InvalidSettingException(
            "the dopri5 step budget must be at least 1, got " + maxSteps);
      }
    }
  }

  /** A fixed-step solver of {@code kind} with {@code steps} steps. */
  public static SolverSpec fixed(SolverKind kind, int steps) {
    return new SolverSpec(kind, steps, 0, 0, 0);
  }

  /** Dormand-Prince 5(4) with the given tolerances and step budget. */
  public static SolverSpec dopri5(double rtol, double atol, int maxSteps) {
    return new SolverSpec(SolverKind.DOPRI5, 0, rtol, atol, maxSteps);
  }

  /** The solver this spec describes. */
  public OdeSolver create() {
    return kind.adaptive()
        ? new DormandPrince(rtol, atol, maxSteps)
        : new FixedStepSolver(kind, steps);
  }
}
