package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Hard sigmoid, y = max(0, min(1, alpha x + beta)) (ONNX HardSigmoid; PyTorch's {@code hardsigmoid}
 * is alpha 1/6, beta 1/2).
 */
public record HardSigmoid(double alpha, double beta) implements Layer {

  public HardSigmoid {
    if (!Double.isFinite(alpha) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException(
          "HardSigmoid alpha and beta must be finite, got alpha=" + alpha + ", beta=" + beta);
    }
  }

  /** PyTorch's {@code nn.Hardsigmoid}: relu6(x + 3) / 6. */
  public static HardSigmoid pytorch() {
    return new HardSigmoid(1.0 / 6, 0.5);
  }

  @Override
  public String op() {
    return "HardSigmoid";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Shapes.single(op(), inputs);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return apply(call.input(), alpha, beta);
  }

  /**
   * max(0, min(1, alpha x + beta)), closing its intermediate arrays. alpha is multiplied as an
   * array of x's manager, not with {@code mul(Number)}: DJL wraps a number in a tensor over a Java
   * buffer that it releases at once, while libtorch's backward of the product still reads it (after
   * a garbage collection the gradient would be garbage); x's manager keeps the array until the
   * scope, and so the backward pass, is done.
   */
  static NDArray apply(NDArray x, double alpha, double beta) {
    NDArray scaled = x.mul(x.getManager().create((float) alpha).toType(x.getDataType(), false));
    NDArray shifted = scaled.add(beta);
    scaled.close();
    NDArray out = shifted.clip(0, 1);
    shifted.close();
    return out;
  }
}
