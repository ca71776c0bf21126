package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Sigmoid linear unit (swish), y = x * sigmoid(x). */
public record Silu() implements Layer {

  @Override
  public String op() {
    return "SiLU";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Shapes.single(op(), inputs);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return ai.djl.nn.Activation.swish(call.input(), 1f);
  }
}
