package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Leaky ReLU, y = x for x >= 0 and alpha x otherwise. */
public record LeakyRelu(double alpha) implements Layer {

  @Override
  public String op() {
    return "LeakyReLU";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Shapes.single(op(), inputs);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return ai.djl.nn.Activation.leakyRelu(call.input(), (float) alpha);
  }
}
