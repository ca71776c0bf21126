package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Softmax along one axis of the batched tensor (axis 1 = classes), y_i = exp(x_i) / sum_j exp(x_j).
 */
public record Softmax(int axis) implements Layer {

  public Softmax {
    if (axis < 1) {
      throw new IllegalArgumentException(
          "Softmax axis must be 1 or more (axis 0 is the batch), got " + axis);
    }
  }

  @Override
  public String op() {
    return "Softmax";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = Shapes.single(op(), inputs);
    if (axis > in.dimension()) {
      throw new org.prunelab.nn.layer.ShapeException(
          "Softmax axis "
              + axis
              + " does not exist for input "
              + in
              + " (batched rank "
              + (in.dimension() + 1)
              + ")");
    }
    return in;
  }

  @Override
  public NDArray forward(LayerCall call) {
    return call.input().softmax(axis);
  }
}
