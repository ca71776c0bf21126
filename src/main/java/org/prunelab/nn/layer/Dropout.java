package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Dropout: in training mode zeroes each activation with probability rate and scales the rest by 1 /
 * (1 - rate); identity in eval mode.
 */
public record Dropout(double rate) implements Layer {

  public Dropout {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("Dropout rate must be in [0, 1), got " + rate);
    }
  }

  @Override
  public String op() {
    return "Dropout";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return Shapes.single(op(), inputs);
  }

  @Override
  public NDArray forward(LayerCall call) {
    return ai.djl.nn.norm.Dropout.dropout(call.input(), (float) rate, call.mode().training())
        .singletonOrThrow();
  }
}
