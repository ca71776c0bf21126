package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Softplus, y = log(1 + exp(x)). */
public record Softplus() implements Layer {

  @Override
  public String op() {
    return "Softplus";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Shapes.single(op(), inputs);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return ai.djl.nn.Activation.softPlus(call.input());
  }
}
