package org.prunelab.train;

import org.prunelab.error.InvalidSettingException;

/**
 * Which optimizer to use and its hyper-parameters. SGD: v = mu v + (g + lambda w); w -= lr (g +
 * lambda w + mu v) with Nesterov, else w -= lr v (PyTorch's convention, no dampening). Adam (Kingma
 * and Ba 2015) adds the L2 term lambda w to the gradient; AdamW (Loshchilov and Hutter 2019) decays
 * the weight directly, w -= lr lambda w.
 */
public record OptimizerSpec(
    Kind kind,
    double momentum,
    boolean nesterov,
    double weightDecay,
    double beta1,
    double beta2,
    double epsilon) {

  /** The optimizer family. */
  public enum Kind {
    SGD,
    ADAM,
    ADAMW
  }

  public OptimizerSpec {
    if (kind == null) {
      throw new IllegalArgumentException("optimizer kind is required (sgd, adam or adamw)");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new InvalidSettingException("momentum must be in [0, 1), got " + momentum);
    }
    if (nesterov && momentum == 0) {
      throw new InvalidSettingException("Nesterov momentum needs momentum > 0");
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new InvalidSettingException("weight decay must be >= 0, got " + weightDecay);
    }
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new InvalidSettingException(
          "Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
    }
    if (!(epsilon > 0)) {
      throw new InvalidSettingException("Adam epsilon must be positive, got " + epsilon);
    }
  }

  public static OptimizerSpec sgd(double momentum, boolean nesterov, double weightDecay) {
    return new OptimizerSpec(Kind.SGD, momentum, nesterov, weightDecay, 0.9, 0.999, 1e-8);
  }

  public static OptimizerSpec adam(double weightDecay) {
    return new OptimizerSpec(Kind.ADAM, 0, false, weightDecay, 0.9, 0.999, 1e-8);
  }

  public static OptimizerSpec adamW(double weightDecay) {
    return new OptimizerSpec(Kind.ADAMW, 0, false, weightDecay, 0.9, 0.999, 1e-8);
  }
}
