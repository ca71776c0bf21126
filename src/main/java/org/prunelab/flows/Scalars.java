package org.prunelab.flows;

import ai.djl.ndarray.NDArray;

/**
 * Multiplication by a constant that is safe under autograd. DJL's {@code NDArray.mul(Number)} wraps
 * the number in a CPU tensor that shares the memory of a Java direct buffer and closes it at once;
 * libtorch's backward of a product keeps that tensor, so after a garbage collection the backward
 * pass reads freed memory (seen as gradients of 1e-310). Here the constant stays in the scope of x
 * until the scope closes, after the backward pass.
 */
final class Scalars {
  private Scalars() {}

  /** c x, with c held in the scope of x. */
  static NDArray times(NDArray x, double c) {
    return x.mul(x.getManager().create(c).toType(x.getDataType(), false));
  }
}
