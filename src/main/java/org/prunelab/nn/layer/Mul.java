package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Element-wise product of two or more inputs with NumPy broadcasting (e.g. squeeze-and-excitation
 * gating).
 */
public record Mul() implements Layer {

  @Override
  public String op() {
    return "Mul";
  }

  @Override
  public int arity() {
    return -1;
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Broadcast.shape(op(), inputs);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return Broadcast.combine(call.inputs(), NDArray::mul);
  }
}
