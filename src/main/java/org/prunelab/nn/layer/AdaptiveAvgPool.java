package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;

/**
 * Adaptive average pooling to a fixed outH x outW grid (PyTorch's bins: cell i averages rows
 * floor(i H / outH) to ceil((i + 1) H / outH) - 1). Global average pooling is the 1 x 1 case; the
 * output keeps its spatial axes.
 */
public record AdaptiveAvgPool(int outH, int outW) implements Layer {

  public AdaptiveAvgPool {
    Shapes.requirePositive("AdaptiveAvgPool output size", Math.min(outH, outW));
  }

  /** Global average pooling: (C, H, W) to (C, 1, 1). */
  public static AdaptiveAvgPool global() {
    return new AdaptiveAvgPool(1, 1);
  }

  @Override
  public String op() {
    return outH == 1 && outW == 1 ? "GlobalAvgPool" : "AdaptiveAvgPool";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = Shapes.chw(op(), inputs);
    if (in.get(1) < outH || in.get(2) < outW) {
      throw new ShapeException(
          op() + " to " + outH + "x" + outW + " needs an input at least that large, got " + in);
    }
    return new Shape(in.get(0), outH, outW);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return JniUtils.adaptiveAvgPool((PtNDArray) call.input(), new Shape(outH, outW));
  }
}
