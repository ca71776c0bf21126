package org.prunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Adam (Kingma and Ba 2015) and AdamW (Loshchilov and Hutter 2019): m = b1 m + (1 - b1) g, v = b2 v
 * + (1 - b2) g^2, w -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps). Adam adds lambda w to g;
 * AdamW instead multiplies w by (1 - lr lambda) before the step.
 */
final class Adam extends Optimizer {
  Adam(OptimizerSpec spec, NDManager parent) {
    super(spec, parent);
  }

  @Override
  protected NDArray[] newBuffers(NDArray weight) {
    return new NDArray[] {zerosLike(weight), zerosLike(weight)};
  }

  @Override
  protected void update(
      NDArray weight, NDArray grad, NDArray[] state, double lr, long step, NDManager scope) {
    boolean decoupled = spec.kind() == OptimizerSpec.Kind.ADAMW;
    NDArray g = grad;
    if (spec.weightDecay() > 0) {
      if (decoupled) {
        weight.muli(1 - lr * spec.weightDecay());
      } else {
        g = scoped(weight.mul(spec.weightDecay()), scope).addi(grad);
      }
    }
    NDArray m = state[0];
    NDArray v = state[1];
    m.muli(spec.beta1()).addi(scoped(g.mul(1 - spec.beta1()), scope));
    v.muli(spec.beta2()).addi(scoped(scoped(g.square(), scope).muli(1 - spec.beta2()), scope));
    double c1 = 1 - Math.pow(spec.beta1(), step);
    double c2 = 1 - Math.pow(spec.beta2(), step);
    NDArray denom = scoped(v.div(c2), scope).sqrt();
    scoped(denom, scope).addi(spec.epsilon());
    NDArray update = scoped(m.mul(lr / c1), scope).divi(denom);
    weight.subi(update);
  }
}
