package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * 2-D max pooling: each output is the maximum of a kernelH x kernelW window (padding counts as
 * -infinity).
 */
public record MaxPool(
    int kernelH, int kernelW, int strideH, int strideW, int padH, int padW, boolean ceilMode)
    implements Layer {

  public MaxPool {
    Shapes.requirePositive("MaxPool kernel", Math.min(kernelH, kernelW));
    Shapes.requirePositive("MaxPool stride", Math.min(strideH, strideW));
    Shapes.requireNonNegative("MaxPool padding", Math.min(padH, padW));
  }

  /** Square window with stride equal to the window, no padding (PyTorch's MaxPool2d(k)). */
  public static MaxPool of(int kernel) {
    return new MaxPool(kernel, kernel, kernel, kernel, 0, 0, false);
  }

  @Override
  public String op() {
    return "MaxPool";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return PoolShapes.output(
        op(), inputs, kernelH, kernelW, strideH, strideW, padH, padW, ceilMode);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return Pool.maxPool2d(
        call.input(),
        new Shape(kernelH, kernelW),
        new Shape(strideH, strideW),
        new Shape(padH, padW),
        ceilMode);
  }
}
