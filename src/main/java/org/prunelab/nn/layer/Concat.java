package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Concatenation of two or more inputs along the channel axis (axis 1 of the batched tensor). */
public record Concat() implements Layer {

  @Override
  public String op() {
    return "Concat";
  }

  @Override
  public int arity() {
    return -1;
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    if (inputs.size() < 2) {
      throw new ShapeException("Concat takes two or more inputs, got " + inputs.size());
    }
    Shape first = inputs.get(0);
    long channels = 0;
    for (Shape s : inputs) {
      if (s.dimension() != first.dimension() || !s.slice(1).equals(first.slice(1))) {
        throw new ShapeException(
            "Concat inputs must agree in every dimension but the channels, got " + inputs);
      }
      channels += s.get(0);
    }
    return new Shape(channels).addAll(first.slice(1));
  }

  @Override
  public NDArray forward(LayerCall call) {
    return NDArrays.concat(new NDList(call.inputs()), 1);
  }
}
