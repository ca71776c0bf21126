package org.prunelab.nn.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Constant padding of the two spatial axes of a (C, H, W) input, possibly different on each side:
 * top and bottom rows, left and right columns of {@code value} (0 for zero padding, -infinity in
 * front of a max pool). Output (C, H + top + bottom, W + left + right).
 */
public record Pad(int top, int bottom, int left, int right, double value) implements Layer {

  public Pad {
    Shapes.requireNonNegative("Pad top", top);
    Shapes.requireNonNegative("Pad bottom", bottom);
    Shapes.requireNonNegative("Pad left", left);
    Shapes.requireNonNegative("Pad right", right);
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("Pad value must be a number, got NaN");
    }
  }

  /** Zero padding. */
  public static Pad zeros(int top, int bottom, int left, int right) {
    return new Pad(top, bottom, left, right, 0);
  }

  @Override
  public String op() {
    return "Pad";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    Shape in = Shapes.chw(op(), inputs);
    return new Shape(in.get(0), in.get(1) + top + bottom, in.get(2) + left + right);
  }

  @Override
  public NDArray forward(LayerCall call) {
    // torch's pad order: last axis first, (left, right) of W then (top, bottom) of H
    return call.input().pad(new Shape(left, right, top, bottom), value);
  }
}
