package org.prunelab.flows;

import ai.djl.ndarray.NDArray;

/**
 * The right-hand side of an ordinary differential equation dy/dt = f(t, y) over a batch of states
 * (rows of {@code y}). The result must have the shape of {@code y} and must be computed from {@code
 * y} by DJL operators with {@code y} as the first operand, so it lands in the caller's scope and
 * gradients flow through it.
 */
@FunctionalInterface
public interface VectorField {
  /** f(t, y), the same shape as {@code y}. */
  NDArray at(double t, NDArray y);
}
