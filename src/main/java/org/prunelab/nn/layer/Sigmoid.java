package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Logistic sigmoid, y = 1 / (1 + exp(-x)). */
public record Sigmoid() implements Layer {

  @Override
  public String op() {
    return "Sigmoid";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Shapes.single(op(), inputs);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return ai.djl.nn.Activation.sigmoid(call.input());
  }
}
