package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Batch normalisation over the channel axis, for (C) inputs (BatchNorm1d) and (C, H, W) inputs
 * (BatchNorm2d): y = gamma (x - mu) / sqrt(var + eps) + beta. In training mode mu and var are the
 * batch statistics and the running statistics move by {@code momentum} (PyTorch's convention:
 * running = (1 - m) running + m batch, with the unbiased batch variance); in eval mode the running
 * statistics are used.
 */
public record BatchNorm(int numFeatures, double eps, double momentum) implements Layer {

  public BatchNorm {
    Shapes.requirePositive("BatchNorm num_features", numFeatures);
    if (!(eps > 0)) {
      throw new IllegalArgumentException("BatchNorm eps must be positive, got " + eps);
    }
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("BatchNorm momentum must be in [0, 1], got " + momentum);
    }
  }

  /** PyTorch's defaults: eps 1e-5, momentum 0.1. */
  public static BatchNorm of(int features) {
    return new BatchNorm(features, 1e-5, 0.1);
  }

  @Override
  public String op() {
    return "BatchNorm";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = Shapes.single(op(), inputs);
    if ((in.dimension() != 1 && in.dimension() != 3) || in.get(0) != numFeatures) {
      throw new ShapeException(
          "BatchNorm expects ("
              + numFeatures
              + ") or ("
              + numFeatures
              + ", H, W) per sample, got "
              + in);
    }
    return in;
  }

  @Override
  public List<ParamSpec> params() {
    Shape c = new Shape(numFeatures);
    return List.of(
        ParamSpec.trainable("weight", c, ParamSpec.Init.ONES),
        ParamSpec.trainable("bias", c, ParamSpec.Init.ZEROS),
        ParamSpec.buffer("running_mean", c, ParamSpec.Init.ZEROS),
        ParamSpec.buffer("running_var", c, ParamSpec.Init.ONES));
  }

  @Override
  public NDArray forward(LayerCall call) {
    // DJL passes (1 - momentum) on to torch::batch_norm, so hand it the complement of PyTorch's
    // momentum.
    return ai.djl.nn.norm.BatchNorm.batchNorm(
            call.input(),
            call.param("running_mean"),
            call.param("running_var"),
            call.param("weight"),
            call.param("bias"),
            1,
            (float) (1 - momentum),
            (float) eps,
            call.mode().training())
        .singletonOrThrow();
  }
}
