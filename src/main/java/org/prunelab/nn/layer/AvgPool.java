package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * 2-D average pooling: each output is the mean of a kernelH x kernelW window; with {@code countIncludePad} the
 * zero padding counts in the divisor (PyTorch's default), otherwise only the input positions do (ONNX's default).
 */
public record AvgPool(
    int kernelH, int kernelW, int strideH, int strideW, int padH, int padW, boolean ceilMode, boolean countIncludePad)
    implements Layer {

  public AvgPool {
    Shapes.requirePositive("AvgPool kernel", Math.min(kernelH, kernelW));
    Shapes.requirePositive("AvgPool stride", Math.min(strideH, strideW));
    Shapes.requireNonNegative("AvgPool padding", Math.min(padH, padW));
  }

  /** Square window with stride equal to the window, no padding (PyTorch's AvgPool2d(k)). */
  public static AvgPool of(int kernel) {
    return new AvgPool(kernel, kernel, kernel, kernel, 0, 0, false, true);
  }

  @Override
  public String op() {
    return "AvgPool";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return PoolShapes.output(op(), inputs, kernelH, kernelW, strideH, strideW, padH, padW, ceilMode);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return Pool.avgPool2d(call.input(), new Shape(kernelH, kernelW), new Shape(strideH, strideW),
        new Shape(padH, padW), ceilMode, countIncludePad);
  }
}
