package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Rectified linear unit, y = max(x, 0). */
public record Relu() implements Layer {

  @Override
  public String op() {
    return "ReLU";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Shapes.single(op(), inputs);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return ai.djl.nn.Activation.relu(call.input());
  }
}
