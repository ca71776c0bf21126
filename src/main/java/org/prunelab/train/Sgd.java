package org.prunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Stochastic gradient descent with optional (Nesterov) momentum and L2 weight decay, PyTorch's
 * formulation: d = g + lambda w; v = mu v + d; w -= lr (d + mu v) with Nesterov, w -= lr v without,
 * w -= lr d if mu = 0.
 */
final class Sgd extends Optimizer {
  Sgd(OptimizerSpec spec, NDManager parent) {
    super(spec, parent);
  }

  @Override
  protected NDArray[] newBuffers(NDArray weight) {
    return spec.momentum() > 0 ? new NDArray[] {zerosLike(weight)} : new NDArray[0];
  }

  @Override
  protected void update(
      NDArray weight, NDArray grad, NDArray[] state, double lr, long step, NDManager scope) {
    NDArray d = grad;
    if (spec.weightDecay() > 0) {
      d = scoped(weight.mul(spec.weightDecay()), scope).addi(grad);
    }
    if (spec.momentum() > 0) {
      NDArray v = state[0];
      v.muli(spec.momentum()).addi(d);
      d = spec.nesterov() ? scoped(v.mul(spec.momentum()), scope).addi(d) : v;
    }
    weight.subi(scoped(d.mul(lr), scope));
  }
}
