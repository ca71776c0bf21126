package org.prunelab.flows;

import ai.djl.ndarray.NDArray;

/**
 * Integrates dy/dt = f(t, y) from y(t0) = y0 to t1 (t1 may be below t0: the solver steps backwards)
 * with explicit Runge-Kutta steps built from DJL operators, so gradients of y(t1) with respect to
 * y0 and to the field's parameters are those of the discretised solution (discretise-then-optimise,
 * docs/adr/0019-flows-discretise-then-optimise.md). Every intermediate lands in the scope of {@code
 * y0}; a state that becomes NaN or infinite fails with a {@link SolverException} naming the step
 * size or tolerance.
 */
public interface OdeSolver {
  /** y(t1) and the number of function evaluations spent. */
  OdeSolution solve(VectorField field, NDArray y0, double t0, double t1);

  /** The solver and its settings in words, for messages: "rk4 with 10 steps". */
  String describe();
}
