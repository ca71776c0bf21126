package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Clamp, y = min(max(x, min), max); ReLU6 is Clip(0, 6). */
public record Clip(double min, double max) implements Layer {

  public Clip {
    if (!(min <= max)) {
      throw new IllegalArgumentException("Clip needs min <= max, got min=" + min + ", max=" + max);
    }
  }

  /** ReLU6 as used by MobileNet: Clip(0, 6). */
  public static Clip relu6() {
    return new Clip(0, 6);
  }

  @Override
  public String op() {
    return "Clip";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Shapes.single(op(), inputs);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return call.input().clip(min, max);
  }
}
