package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Element-wise sum of two or more inputs with NumPy broadcasting (the residual connection). */
public record Add() implements Layer {

  @Override
  public String op() {
    return "Add";
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
    return Broadcast.combine(call.inputs(), NDArray::add);
  }
}
