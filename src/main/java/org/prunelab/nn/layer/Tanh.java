package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Hyperbolic tangent, y = tanh(x). */
public record Tanh() implements Layer {

  @Override
  public String op() {
    return "Tanh";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Shapes.single(op(), inputs);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return ai.djl.nn.Activation.tanh(call.input());
  }
}
