package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * 2-D average pooling: each output is the mean of a kernelH x kernelW window; with {@code
 * countIncludePad} the zero padding counts in the divisor (PyTorch's default), otherwise only the
 * input positions do (ONNX's default).
 */
public record AvgPool(
    int kernelH,
    int kernelW,
    int strideH,
    int strideW,
    int padH,
    int padW,
    boolean ceilMode,
    boolean countIncludePad)
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
    return PoolShapes.output(
        op(), inputs, kernelH, kernelW, strideH, strideW, padH, padW, ceilMode);
  }

  @Override
  public NDArray forward(LayerCall call) {
    NDArray x = call.input();
    NDArray sums = pool(x);
    if (countIncludePad || (padH == 0 && padW == 0 && !ceilMode)) {
      return sums;
    }
    // libtorch through DJL always divides by the full window; divide instead by the share of the
    // window that
    // covers the input: avg_incl(x) / avg_incl(1) = sum(x) / count.
    Shape spatial = x.getShape().slice(2);
    NDArray ones = x.getManager().ones(new Shape(1, 1).addAll(spatial));
    NDArray coverage = pool(ones);
    NDArray out = sums.div(coverage);
    ones.close();
    coverage.close();
    sums.close();
    return out;
  }

  private NDArray pool(NDArray x) {
    return Pool.avgPool2d(
        x,
        new Shape(kernelH, kernelW),
        new Shape(strideH, strideW),
        new Shape(padH, padW),
        ceilMode,
        true);
  }
}
